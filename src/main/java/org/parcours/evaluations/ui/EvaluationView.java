package org.parcours.evaluations.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.catalog.FormNotFoundException;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ui.ClientView;
import org.parcours.evaluations.AmendmentReasonException;
import org.parcours.evaluations.ConcurrentEditException;
import org.parcours.evaluations.EvaluationDetails;
import org.parcours.evaluations.EvaluationNotFoundException;
import org.parcours.evaluations.EvaluationService;
import org.parcours.evaluations.EvaluationStatus;
import org.parcours.evaluations.IncompleteEvaluationException;
import org.parcours.evaluations.InvalidAnswersException;
import org.parcours.evaluations.NotEditableException;
import org.parcours.evaluations.RevisionSummary;
import org.parcours.formdef.ChoiceItem;
import org.parcours.formdef.Item;
import org.parcours.formdef.ScaleItem;
import org.parcours.formrun.FormSession;
import org.parcours.formrun.Issue;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.submissions.ui.Autosave;
import org.parcours.submissions.ui.ConflictDialog;
import org.parcours.ui.renderer.FormRenderer;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.parcours.ui.renderer.ScaleColours;
import org.parcours.formdef.Colour;

/**
 * Fills, submits, amends or reads an evaluation. A new one ({@code clients/<id>/new/<form>}) uses
 * the current published version of the form and is stored on the first save; an existing one
 * always renders with the version it was made with. Drafts are saved automatically a few seconds
 * after each change; a submitted revision is read-only and can be amended with a reason.
 * {@code ?revision=N} shows an earlier revision.
 */
@Route("evaluations/:evaluationId([0-9]{1,18})")
@RouteAlias("clients/:clientId([0-9]{1,18})/new/:formKey([a-z][a-z0-9_-]{0,79})")
@RolesAllowed({Role.WORKER_NAME, Role.ADMIN_NAME})
public class EvaluationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String EVALUATION_ID = "evaluationId";
    static final String FORM_KEY = "formKey";
    static final String REVISION = "revision";

    private final EvaluationService evaluations;
    private final FormRenderer renderer;
    private final CurrentUser currentUser;
    private final Clock clock;
    private EvaluationDetails current;
    private FormRenderer.RenderedForm rendered;
    private String title = "";
    /** Who wrote the evaluation and when it last changed; set again after each save. */
    private Paragraph author = new Paragraph();
    private final Span saveState = new Span();
    private final Div issuesPanel = new Div();
    private static final ConflictDialog.Texts CONFLICT_TEXTS = new ConflictDialog.Texts("evaluation.conflict.title",
            "evaluation.conflict", "evaluation.conflict.reload", "evaluation.conflict.copy");
    private final Autosave autosave;

    public EvaluationView(EvaluationService evaluations, FormRenderer renderer, CurrentUser currentUser, Clock clock) {
        this.evaluations = evaluations;
        this.renderer = renderer;
        this.currentUser = currentUser;
        this.clock = clock;
        setMaxWidth("60em");
        saveState.setId("save-state");
        saveState.addClassNames("text-secondary", "text-small");
        issuesPanel.setId("submit-issues");
        autosave = new Autosave(this, saveState, clock, CONFLICT_TEXTS, "evaluation-unsaved", this::attemptSave);
    }

    public static RouteParameters existing(long evaluationId) {
        return new RouteParameters(EVALUATION_ID, String.valueOf(evaluationId));
    }

    public static RouteParameters newEvaluation(long clientId, String formKey) {
        return new RouteParameters(Map.of(ClientView.CLIENT_ID, String.valueOf(clientId), FORM_KEY, formKey));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        RouteParameters parameters = event.getRouteParameters();
        Optional<Integer> revision = event.getLocation().getQueryParameters().getSingleParameter(REVISION)
                .filter(r -> r.matches("[0-9]{1,4}")).map(Integer::parseInt);
        try {
            if (parameters.get(EVALUATION_ID).isPresent()) {
                long id = Long.parseLong(parameters.get(EVALUATION_ID).get());
                current = revision.isPresent() ? evaluations.openRevision(id, revision.get()) : evaluations.open(id);
            } else {
                current = evaluations.blank(Long.parseLong(parameters.get(ClientView.CLIENT_ID).orElseThrow()),
                        parameters.get(FORM_KEY).orElseThrow());
            }
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
        autosave.discard();
        saveState.setText("");
        issuesPanel.removeAll();
        title = current.form().definition().title().in(getLocale());
        H2 heading = new H2(title);
        heading.setId("evaluation-title");
        Paragraph header = new Paragraph(getTranslation("evaluation.header", current.client().fullName(),
                current.form().versionNumber()));
        header.setId("evaluation-header");
        Span status = new Span(statusText());
        status.setId("evaluation-status");
        status.getElement().getThemeList().add("badge");
        status.addClassNames("status-pill", ScaleColours.className(current.editable() ? Colour.NEUTRAL : Colour.GREEN));
        author = new Paragraph(authorText());
        author.setId("evaluation-author");
        author.addClassName("text-secondary");
        add(heading, header, new HorizontalLayout(status, saveState), author);
        current.revision().flatMap(RevisionSummary::reason).ifPresent(reason -> {
            Paragraph amendment = new Paragraph(getTranslation("evaluation.amendment.reason", reason));
            amendment.setId("amendment-reason");
            add(amendment);
        });
        if (current.revisions().size() > 1) {
            add(history());
        }
        add(issuesPanel);

        FormSession session = FormSession.resume(current.form().definition(), current.answers(), LocalDate.now(clock));
        Set<String> roles = currentUser.require().roles().stream().map(Enum::name).collect(Collectors.toSet());
        // an item sensitive in any version of the form is hidden whichever version the evaluation is on
        rendered = renderer.render(session, getLocale(), roles, evaluations.hiddenAcrossVersions(current.form().formKey(), roles));
        add(rendered.layout());
        showEarlierMeasurements();
        HorizontalLayout buttons = new HorizontalLayout();
        if (current.editable()) {
            current.previousDate().ifPresent(date -> rendered.markCarriedOver(current.prefilled(), current.previous(),
                    getTranslation("evaluation.prefilled", dates().format(date.atZone(ZoneId.systemDefault()))),
                    (path, before) -> getTranslation("evaluation.prefilled.changed", display(path, before))));
            rendered.addChangeListener(autosave::changed);
            Button save = new Button(getTranslation("evaluation.save"), e -> save());
            save.addClickShortcut(Key.KEY_S, KeyModifier.CONTROL).setBrowserDefaultAllowed(false);
            save.setId("save-evaluation");
            Button submit = new Button(getTranslation("evaluation.submit"), e -> submit());
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.setId("submit-evaluation");
            buttons.add(submit, save);
        } else {
            rendered.setReadOnly();
            boolean latest = current.revisions().isEmpty()
                    || current.revisionNumber() == current.revisions().getLast().number();
            if (latest && current.status() == EvaluationStatus.SUBMITTED) {
                Button amend = new Button(getTranslation("evaluation.amend"), e -> askAmendment());
                amend.setId("amend-evaluation");
                buttons.add(amend);
            }
            current.id().ifPresent(id -> {
                Anchor print = new Anchor("print/evaluations/" + id + ".pdf", getTranslation("evaluation.print"));
                print.setId("print-evaluation");
                print.setTarget("_blank");
                buttons.add(print);
            });
        }
        Button close = new Button(getTranslation("evaluation.close"), e -> {
            autosave.flush();
            getUI().ifPresent(ui -> ui.navigate(ClientView.class, ClientView.parameters(current.client().id())));
        });
        close.setId("close-evaluation");
        buttons.add(close);
        Div bar = new Div(buttons);
        bar.addClassName("sticky-actions");
        add(bar);
    }

    /** The client's earlier scores beside the grid sections' lines, under the ids of the version shown. */
    private void showEarlierMeasurements() {
        boolean grid = current.form().definition().sections().stream().anyMatch(org.parcours.formdef.Section::grid);
        if (!grid) {
            return;
        }
        List<org.parcours.formdef.Renames> renames = List.of(current.form().definition().renames());
        rendered.showEarlier(evaluations.earlierMeasurements(current).stream().map(m -> {
            Map<String, String> answers = new java.util.HashMap<>();
            m.answers().forEach((path, value) -> answers.putIfAbsent(org.parcours.formdef.Renames.currentId(path, renames), value));
            return Map.entry(dates().format(m.measuredAt().atZone(ZoneId.systemDefault())), (Map<String, String>) answers);
        }).toList());
    }

    private String statusText() {
        if (current.editable() && current.revisionNumber() > 1) {
            return getTranslation("evaluation.status.AMENDING", current.revisionNumber());
        }
        if (!current.editable()) {
            return getTranslation("evaluation.status.SUBMITTED") + (current.revisions().size() > 1
                    ? " · " + getTranslation("evaluation.revision", current.revisionNumber()) : "");
        }
        return getTranslation("evaluation.status.DRAFT");
    }

    private Details history() {
        UnorderedList list = new UnorderedList();
        for (RevisionSummary revision : current.revisions().reversed()) {
            String text = getTranslation("evaluation.revision", revision.number()) + " · "
                    + getTranslation("evaluation.status." + (revision.status().name().equals("DRAFT") ? "DRAFT" : "SUBMITTED")) + " · "
                    + revision.submittedBy().orElse(revision.createdBy()) + " · "
                    + times().format(revision.submittedAt().orElse(revision.createdAt()))
                    + revision.reason().map(r -> " · " + getTranslation("evaluation.amendment.reason", r)).orElse("");
            Anchor link = new Anchor("evaluations/" + current.id().orElseThrow() + "?" + REVISION + "=" + revision.number(), text);
            if (revision.number() == current.revisionNumber()) {
                link.addClassName("text-strong");
            }
            list.add(new ListItem(link));
        }
        Details details = new Details(getTranslation("evaluation.history", current.revisions().size()), list);
        details.setId("evaluation-history");
        return details;
    }

    // ---- drafts ------------------------------------------------------------------------------

    /** The user's save: at once, and said when done. */
    private void save() {
        if (autosave.saveNow()) {
            Notification done = Notification.show(getTranslation("evaluation.saved"));
            done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
    }

    /** "New evaluation, not saved yet", or its author and last change. */
    private String authorText() {
        return current.id().isEmpty() ? getTranslation("evaluation.new")
                : getTranslation("evaluation.author", current.createdBy().orElse(""), current.updatedAt().map(times()::format).orElse(""));
    }

    /** One save of the draft, automatic or asked for; the form stays as it is (focus, typing). */
    private Autosave.Outcome attemptSave() {
        boolean wasNew = current.id().isEmpty();
        try {
            current = evaluations.save(current, rendered.answers());
        } catch (InvalidAnswersException e) {
            return Autosave.Outcome.refused(getTranslation("evaluation.invalid", e.problems().entrySet().stream()
                    .map(p -> p.getKey() + " (" + p.getValue() + ")").collect(Collectors.joining(", "))));
        } catch (ConcurrentEditException e) {
            conflict();
            return Autosave.Outcome.CONFLICT;
        } catch (NotEditableException e) {
            error(getTranslation("evaluation.notEditable"));
            return Autosave.Outcome.REFUSED;
        }
        author.setText(authorText()); // who wrote it and when it last changed, from the save just made
        if (wasNew) {
            // the address now names the stored evaluation
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "evaluations/" + current.id().orElseThrow()));
        }
        return Autosave.Outcome.SAVED;
    }

    private void conflict() {
        autosave.conflict(() -> {
            current = evaluations.open(current.id().orElseThrow());
            show();
        }, () -> {
            EvaluationDetails copied = evaluations.saveAsCopy(current, rendered.answers());
            Notification.show(getTranslation("evaluation.conflict.copied"));
            getUI().ifPresent(ui -> ui.navigate(EvaluationView.class, existing(copied.id().orElseThrow())));
        });
    }

    // ---- submit and amend --------------------------------------------------------------------

    private void submit() {
        boolean wasNew = current.id().isEmpty();
        issuesPanel.removeAll();
        try {
            current = evaluations.submit(current, rendered.answers());
        } catch (IncompleteEvaluationException e) {
            current = e.saved();
            autosave.clean();
            if (wasNew) {
                getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "evaluations/" + current.id().orElseThrow()));
            }
            showIssues(e.issues());
            return;
        } catch (InvalidAnswersException e) {
            error(getTranslation("evaluation.invalid", String.join(", ", e.problems().keySet())));
            return;
        } catch (ConcurrentEditException e) {
            conflict();
            return;
        } catch (DataAccessException | TransactionException e) {
            autosave.databaseDown(e);
            return;
        }
        autosave.discard();
        Notification done = Notification.show(getTranslation("evaluation.submitted"));
        done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        getUI().ifPresent(ui -> ui.navigate(EvaluationView.class, existing(current.id().orElseThrow())));
        if (!wasNew) {
            show();
        }
    }

    private void showIssues(List<Issue> issues) {
        List<String> texts = rendered.showAll(issues);
        Paragraph intro = new Paragraph(getTranslation("evaluation.submit.incomplete", issues.size()));
        intro.addClassName("issues-intro");
        UnorderedList list = new UnorderedList();
        for (int i = 0; i < issues.size(); i++) {
            Issue issue = issues.get(i);
            Button link = new Button(label(issue.path()) + " : " + texts.get(i), e -> rendered.focus(issue.path()));
            link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            list.add(new ListItem(link));
        }
        issuesPanel.add(intro, list);
        issuesPanel.addClassName("issues-panel");
        issuesPanel.scrollIntoView();
    }

    private String label(String path) {
        String[] parts = path.split("\\.");
        String id = parts[parts.length - 1];
        String text = current.form().definition().item(id).map(i -> i.label().in(getLocale())).orElse(id);
        return parts.length == 3 ? text + " (" + getTranslation("repeat.row", parts[1]) + ")" : text;
    }

    private void askAmendment() {
        Dialog dialog = new Dialog();
        dialog.setId("amend-dialog");
        dialog.setHeaderTitle(getTranslation("evaluation.amend"));
        TextArea reason = new TextArea(getTranslation("evaluation.amend.reason"));
        reason.setId("amend-reason");
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(2000);
        reason.setWidth("30em");
        dialog.add(reason);
        Button confirm = new Button(getTranslation("evaluation.amend.confirm"), e -> {
            try {
                current = evaluations.amend(current.id().orElseThrow(), reason.getValue());
            } catch (AmendmentReasonException invalid) {
                reason.setErrorMessage(getTranslation("evaluation.amend.reason.required"));
                reason.setInvalid(true);
                return;
            }
            dialog.close();
            getUI().ifPresent(ui -> ui.navigate(EvaluationView.class, existing(current.id().orElseThrow()), QueryParameters.empty()));
            show();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("amend-confirm");
        Button cancel = new Button(getTranslation("client.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        reason.focus();
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** A stored value as people read it: the option or scale label for codes. */
    private String display(String path, String raw) {
        String[] parts = path.split("\\.");
        return current.form().definition().item(parts[parts.length - 1])
                .flatMap((Item i) -> switch (i) {
                    case ScaleItem scale -> scale.scale().value(raw).map(v -> v.code() + " – " + v.label().in(getLocale()));
                    case ChoiceItem choice -> choice.options().option(raw).map(o -> o.label().in(getLocale()));
                    default -> Optional.<String>empty();
                })
                .orElse(raw.isEmpty() ? "–" : raw);
    }

    private DateTimeFormatter times() {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
    }

    private DateTimeFormatter dates() {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
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
