package org.parcours.evaluations.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.catalog.FormNotFoundException;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ui.ClientView;
import org.parcours.evaluations.ConcurrentEditException;
import org.parcours.evaluations.EvaluationDetails;
import org.parcours.evaluations.EvaluationNotFoundException;
import org.parcours.evaluations.EvaluationService;
import org.parcours.evaluations.InvalidAnswersException;
import org.parcours.formrun.FormSession;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.ui.renderer.FormRenderer;

/**
 * Fills or reopens an evaluation. A new one ({@code clients/<id>/new/<form>}) uses the current
 * published version of the form and is stored on first save; an existing one always renders
 * with the version it was made with.
 */
@Route("evaluations/:evaluationId([0-9]{1,18})")
@RouteAlias("clients/:clientId([0-9]{1,18})/new/:formKey([a-z][a-z0-9_-]{0,79})")
@RolesAllowed({Role.WORKER_NAME, Role.ADMIN_NAME})
public class EvaluationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String EVALUATION_ID = "evaluationId";
    static final String FORM_KEY = "formKey";

    private final EvaluationService evaluations;
    private final FormRenderer renderer;
    private final CurrentUser currentUser;
    private final Clock clock;
    private EvaluationDetails current;
    private FormRenderer.RenderedForm rendered;
    private String title = "";

    public EvaluationView(EvaluationService evaluations, FormRenderer renderer, CurrentUser currentUser, Clock clock) {
        this.evaluations = evaluations;
        this.renderer = renderer;
        this.currentUser = currentUser;
        this.clock = clock;
        setMaxWidth("60em");
    }

    public static RouteParameters existing(long evaluationId) {
        return new RouteParameters(EVALUATION_ID, String.valueOf(evaluationId));
    }

    public static RouteParameters newEvaluation(long clientId, String formKey) {
        return new RouteParameters(java.util.Map.of(ClientView.CLIENT_ID, String.valueOf(clientId), FORM_KEY, formKey));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RouteParameters parameters = event.getRouteParameters();
        try {
            current = parameters.get(EVALUATION_ID).isPresent()
                    ? evaluations.open(Long.parseLong(parameters.get(EVALUATION_ID).get()))
                    : evaluations.blank(Long.parseLong(parameters.get(ClientView.CLIENT_ID).orElseThrow()),
                    parameters.get(FORM_KEY).orElseThrow());
        } catch (EvaluationNotFoundException | ClientNotFoundException e) {
            showProblem(getTranslation("evaluation.notFound"));
            return;
        } catch (FormNotFoundException e) {
            showProblem(getTranslation("evaluation.formMissing"));
            return;
        }
        show();
    }

    private void show() {
        removeAll();
        title = current.form().definition().title().in(getLocale());
        H2 heading = new H2(title);
        heading.setId("evaluation-title");
        Paragraph header = new Paragraph(getTranslation("evaluation.header", current.client().fullName(),
                current.form().versionNumber()));
        header.setId("evaluation-header");
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        Paragraph author = new Paragraph(current.id().isEmpty() ? getTranslation("evaluation.new")
                : getTranslation("evaluation.author", current.createdBy().orElse(""),
                current.updatedAt().map(times::format).orElse("")));
        author.setId("evaluation-author");
        author.getStyle().set("color", "var(--lumo-secondary-text-color)");

        FormSession session = current.id().isEmpty()
                ? FormSession.start(current.form().definition(), LocalDate.now(clock))
                : FormSession.resume(current.form().definition(), current.answers(), LocalDate.now(clock));
        rendered = renderer.render(session, getLocale(), currentUser.require().roles().stream().map(Enum::name)
                .collect(Collectors.toSet()));

        Button save = new Button(getTranslation("evaluation.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.KEY_S, KeyModifier.CONTROL).setBrowserDefaultAllowed(false);
        save.setId("save-evaluation");
        Button close = new Button(getTranslation("evaluation.close"), e -> getUI().ifPresent(ui -> ui.navigate(ClientView.class,
                ClientView.parameters(current.client().id()))));
        close.setId("close-evaluation");
        HorizontalLayout buttons = new HorizontalLayout(save, close);
        Div bar = new Div(buttons);
        bar.getStyle().set("position", "sticky").set("bottom", "0").set("background", "var(--lumo-base-color)")
                .set("padding-block", "var(--lumo-space-s)").set("width", "100%").set("z-index", "1");
        add(heading, header, author, rendered.layout(), bar);
    }

    private void save() {
        boolean wasNew = current.id().isEmpty();
        try {
            current = evaluations.save(current, rendered.answers());
        } catch (InvalidAnswersException e) {
            error(getTranslation("evaluation.invalid", e.problems().entrySet().stream()
                    .map(p -> p.getKey() + " (" + p.getValue() + ")").collect(Collectors.joining(", "))));
            return;
        } catch (ConcurrentEditException e) {
            error(getTranslation("evaluation.conflict"));
            return;
        }
        Notification done = Notification.show(getTranslation("evaluation.saved"));
        done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        if (wasNew) {
            // the URL now names the stored evaluation, so a reload reopens it
            getUI().ifPresent(ui -> ui.navigate(EvaluationView.class, existing(current.id().orElseThrow())));
        } else {
            show();
        }
    }

    private void error(String message) {
        Notification notification = new Notification(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
    }

    private void showProblem(String message) {
        title = message;
        Paragraph paragraph = new Paragraph(message);
        paragraph.setId("evaluation-problem");
        add(paragraph);
    }

    @Override
    public String getPageTitle() {
        return title + " – " + getTranslation("app.name");
    }
}
