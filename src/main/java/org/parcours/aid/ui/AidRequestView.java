package org.parcours.aid.ui;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.aid.AidException;
import org.parcours.aid.AidRequestDetails;
import org.parcours.aid.AidRequestNotFoundException;
import org.parcours.aid.AidService;
import org.parcours.aid.IncompleteAidRequestException;
import org.parcours.aid.SchemeDecision;
import org.parcours.aid.SchemeView;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.formrun.FormSession;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.submissions.ui.Autosave;
import org.parcours.submissions.ui.ConflictDialog;
import org.parcours.ui.renderer.FormRenderer;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * One CASU aid request: the casu form while a draft (the remaining income per person is computed
 * as the amounts are typed), then read-only with the requested schemes, each with its decision.
 */
@Route("aid-requests/:requestId([0-9]{1,18})")
@RolesAllowed({Role.WORKER_NAME, Role.ADMIN_NAME})
public class AidRequestView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String REQUEST_ID = "requestId";
    private static final String CONCURRENT = "aid.error.concurrent";
    private static final ConflictDialog.Texts CONFLICT_TEXTS = new ConflictDialog.Texts("submission.conflict.title", "aid.conflict",
            "submission.conflict.reload", "submission.conflict.copy");

    private final AidService aid;
    private final FormRenderer renderer;
    private final CurrentUser currentUser;
    private final Clock clock;
    private AidRequestDetails current;
    private FormRenderer.RenderedForm rendered;
    private final Div issuesPanel = new Div();
    private final Span saveState = new Span();
    private final Autosave autosave;
    private String title = "";

    public AidRequestView(AidService aid, FormRenderer renderer, CurrentUser currentUser, Clock clock) {
        this.aid = aid;
        this.renderer = renderer;
        this.currentUser = currentUser;
        this.clock = clock;
        setMaxWidth("60em");
        issuesPanel.setId("aid-issues");
        saveState.setId("aid-save-state");
        autosave = new Autosave(this, saveState, clock, CONFLICT_TEXTS, "aid-unsaved", this::autosaved);
    }

    public static RouteParameters parameters(long requestId) {
        return new RouteParameters(REQUEST_ID, String.valueOf(requestId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            current = aid.open(Long.parseLong(event.getRouteParameters().get(REQUEST_ID).orElseThrow()));
        } catch (AidRequestNotFoundException | ClientNotFoundException e) {
            Paragraph missing = new Paragraph(getTranslation("aid.notFound"));
            missing.setId("aid-not-found");
            add(missing);
            return;
        }
        show();
    }

    private void show() {
        removeAll();
        issuesPanel.removeAll();
        title = current.form().definition().title().in(getLocale());
        H2 heading = new H2(title);
        heading.setId("aid-title");
        Span status = new Span(getTranslation("aid.status." + current.status().name()));
        status.setId("aid-status");
        status.addClassName("status-pill");
        add(heading, new HorizontalLayout(new RouterLink(current.client().fullName(), AidRequestsView.class,
                AidRequestsView.parameters(current.client().id())), status));
        if (!current.schemes().isEmpty()) {
            add(new H3(getTranslation("aid.schemes.title")), schemesGrid());
        }
        add(issuesPanel);
        FormSession session = FormSession.resume(current.form().definition(), current.answers(), LocalDate.now(clock));
        java.util.Set<String> roles = currentUser.require().roles().stream().map(Enum::name).collect(Collectors.toSet());
        // an item sensitive in any version of the form is hidden whichever version this one is on
        rendered = renderer.render(session, getLocale(), roles, aid.hiddenAcrossVersions(current.form().formKey(), roles));
        add(rendered.layout());
        HorizontalLayout buttons = new HorizontalLayout();
        if (current.editable()) {
            Button submit = new Button(getTranslation("aid.submit"), e -> submit());
            submit.setId("aid-submit");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button save = new Button(getTranslation("aid.save"), e -> save());
            save.setId("aid-save");
            buttons.add(submit, save, saveState);
            rendered.addChangeListener(autosave::changed);
        } else {
            rendered.setReadOnly();
        }
        Anchor pdf = new Anchor("print/aid-requests/" + current.id() + ".pdf", getTranslation("aid.print"));
        pdf.setId("aid-print");
        pdf.setTarget("_blank");
        buttons.add(pdf);
        add(buttons);
    }

    private Grid<SchemeView> schemesGrid() {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).withZone(ZoneId.systemDefault());
        Grid<SchemeView> grid = new Grid<>();
        grid.setId("aid-schemes");
        grid.addColumn(s -> s.label().in(getLocale()) + s.detail().map(d -> " – " + d).orElse("")).setHeader(getTranslation("aid.col.scheme")).setFlexGrow(2);
        grid.addColumn(s -> s.amountRequested().map(BigDecimal::toPlainString).orElse("")).setHeader(getTranslation("aid.col.requested"));
        grid.addColumn(s -> getTranslation("aid.decision." + s.decision().name())).setHeader(getTranslation("aid.col.decision"));
        grid.addColumn(s -> s.amountGranted().map(BigDecimal::toPlainString).orElse("")).setHeader(getTranslation("aid.col.granted"));
        grid.addColumn(s -> s.decider().orElse("")).setHeader(getTranslation("aid.col.decider"));
        grid.addColumn(s -> s.decidedOn().map(dates::format).orElse("")).setHeader(getTranslation("aid.col.decidedOn"));
        grid.addColumn(s -> s.motivation().orElse("")).setHeader(getTranslation("aid.col.motivation")).setFlexGrow(2);
        grid.addComponentColumn(s -> {
            Button decide = new Button(getTranslation("aid.decide"), e -> askDecision(s));
            decide.setId("aid-decide-" + s.row());
            return decide;
        }).setAutoWidth(true).setFlexGrow(0);
        // scheme names, deciders and motivations are read in full, not cut
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(current.schemes());
        grid.setAllRowsVisible(true);
        return grid;
    }

    void askDecision(SchemeView scheme) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("aid.decide") + " – " + scheme.label().in(getLocale()));
        RadioButtonGroup<SchemeDecision> decision = new RadioButtonGroup<>(getTranslation("aid.col.decision"));
        decision.setItems(SchemeDecision.values());
        decision.setItemLabelGenerator(d -> getTranslation("aid.decision." + d.name()));
        decision.setValue(scheme.decision());
        decision.setId("aid-decision");
        BigDecimalField granted = new BigDecimalField(getTranslation("aid.col.granted"));
        granted.setId("aid-decision-amount");
        scheme.amountGranted().ifPresent(granted::setValue);
        TextField decider = new TextField(getTranslation("aid.col.decider"));
        decider.setId("aid-decision-decider");
        decider.setValue(scheme.decider().orElse(""));
        DatePicker on = new DatePicker(getTranslation("aid.col.decidedOn"), scheme.decidedOn().orElse(LocalDate.now(clock)));
        on.setId("aid-decision-date");
        TextArea motivation = new TextArea(getTranslation("aid.col.motivation"));
        motivation.setId("aid-decision-motivation");
        motivation.setValue(scheme.motivation().orElse(""));
        Paragraph error = new Paragraph();
        error.setId("aid-decision-error");
        error.addClassName("text-error");
        dialog.add(new FormLayout(decision, granted, decider, on, motivation), error);
        Button confirm = new Button(getTranslation("aid.save"), e -> {
            try {
                current = aid.decide(current.id(), scheme.id(), decision.getValue(), granted.getValue(), decider.getValue(), on.getValue(),
                        motivation.getValue());
                dialog.close();
                show();
            } catch (AidException refused) {
                error.setText(getTranslation(refused.messageKey(), refused.arguments()));
            }
        });
        confirm.setId("aid-decision-save");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("client.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private void save() {
        if (autosave.saveNow()) {
            Notification.show(getTranslation("aid.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
    }

    /** One save of the draft, automatic or asked for: the form stays as it is (focus, typing). */
    private Autosave.Outcome autosaved() {
        try {
            current = aid.save(current.id(), current.lockVersion(), rendered.answers());
            return Autosave.Outcome.SAVED;
        } catch (AidException refused) {
            error(refused);
            return CONCURRENT.equals(refused.messageKey()) ? Autosave.Outcome.CONFLICT : Autosave.Outcome.REFUSED;
        }
    }

    private void submit() {
        issuesPanel.removeAll();
        try {
            current = aid.submit(current.id(), current.lockVersion(), rendered.answers());
            autosave.clean();
            show();
            Notification.show(getTranslation("aid.submitted")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IncompleteAidRequestException incomplete) {
            List<String> texts = rendered.showAll(incomplete.issues());
            UnorderedList list = new UnorderedList();
            texts.forEach(t -> list.add(new ListItem(t)));
            issuesPanel.add(new Paragraph(getTranslation("aid.incomplete", texts.size())), list);
            issuesPanel.addClassName("text-error");
        } catch (AidException refused) {
            error(refused);
        } catch (DataAccessException | TransactionException down) {
            autosave.databaseDown(down);
        }
    }

    private void error(AidException refused) {
        if (CONCURRENT.equals(refused.messageKey()) && rendered != null) {
            conflict();
            return;
        }
        Notification.show(getTranslation(refused.messageKey(), refused.arguments()), 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Someone else saved the request meanwhile: their version, or mine kept as a new request. */
    private void conflict() {
        Map<String, String> mine = rendered.answers();
        autosave.conflict(() -> {
            current = aid.open(current.id());
            show();
        }, () -> {
            try {
                AidRequestDetails copy = aid.saveAsCopy(current.id(), mine);
                Notification.show(getTranslation("aid.conflict.copied"));
                getUI().ifPresent(ui -> ui.navigate(AidRequestView.class, parameters(copy.id())));
            } catch (AidException refused) {
                error(refused);
            }
        });
    }

    @Override
    public String getPageTitle() {
        return title + " – " + getTranslation("app.name");
    }
}
