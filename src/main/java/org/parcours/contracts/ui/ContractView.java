package org.parcours.contracts.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
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
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ui.ClientView;
import org.parcours.contracts.ContractDetails;
import org.parcours.contracts.ContractException;
import org.parcours.contracts.ContractNotFoundException;
import org.parcours.contracts.ContractService;
import org.parcours.contracts.ContractStatus;
import org.parcours.contracts.EndOutcome;
import org.parcours.contracts.IncompleteContractException;
import org.parcours.contracts.ObjectiveResult;
import org.parcours.contracts.VersionSummary;
import org.parcours.formrun.FormSession;
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
 * One MASP contract: its text (the masp-contract template filled with the form engine), the
 * history of its texts (the contract and its avenants), and the lifecycle actions: save, sign,
 * avenant, evaluation of the objectives, renewal, end, notification. {@code ?version=N} shows an
 * earlier text.
 */
@Route("contracts/:contractId([0-9]{1,18})")
@RolesAllowed({Role.WORKER_NAME, Role.ADMIN_NAME})
public class ContractView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String CONTRACT_ID = "contractId";
    static final String VERSION = "version";
    private static final String CONCURRENT = "contract.error.concurrent";
    private static final ConflictDialog.Texts CONFLICT_TEXTS = new ConflictDialog.Texts("submission.conflict.title", "contract.conflict",
            "submission.conflict.reload", "submission.conflict.copy");

    private final ContractService contracts;
    private final FormRenderer renderer;
    private final CurrentUser currentUser;
    private final Clock clock;
    private ContractDetails current;
    private FormRenderer.RenderedForm rendered;
    private final Div issuesPanel = new Div();
    private final Span saveState = new Span();
    private final Autosave autosave;
    private String title = "";

    public ContractView(ContractService contracts, FormRenderer renderer, CurrentUser currentUser, Clock clock) {
        this.contracts = contracts;
        this.renderer = renderer;
        this.currentUser = currentUser;
        this.clock = clock;
        setMaxWidth("60em");
        issuesPanel.setId("contract-issues");
        saveState.setId("contract-save-state");
        autosave = new Autosave(this, saveState, clock, CONFLICT_TEXTS, "contract-unsaved", this::autosaved);
    }

    public static RouteParameters parameters(long contractId) {
        return new RouteParameters(CONTRACT_ID, String.valueOf(contractId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<Integer> version = event.getLocation().getQueryParameters().getSingleParameter(VERSION)
                .filter(v -> v.matches("[0-9]{1,4}")).map(Integer::parseInt);
        try {
            current = contracts.open(Long.parseLong(event.getRouteParameters().get(CONTRACT_ID).orElseThrow()), version);
        } catch (ContractNotFoundException | ClientNotFoundException e) {
            Paragraph missing = new Paragraph(getTranslation("contract.notFound"));
            missing.setId("contract-not-found");
            add(missing);
            return;
        }
        show();
    }

    private void show() {
        // the form is built anew from the stored contract: an edit still waiting for its autosave
        // belonged to the old form (and to a draft that may be signed by now)
        autosave.discard();
        removeAll();
        issuesPanel.removeAll();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        title = current.form().definition().title().in(getLocale());
        H2 heading = new H2(title);
        heading.setId("contract-title");
        RouterLink client = new RouterLink(current.client().fullName(), ClientView.class, ClientView.parameters(current.client().id()));
        client.setId("contract-client");
        RouterLink all = new RouterLink(getTranslation("contract.all"), ContractsView.class, ContractsView.parameters(current.client().id()));
        Span status = new Span(getTranslation("contract.status." + current.contract().shownStatus()));
        status.setId("contract-status");
        status.addClassNames("status-pill", ScaleColours.className(current.contract().status() == ContractStatus.DRAFT ? Colour.NEUTRAL : Colour.GREEN));
        add(heading, new HorizontalLayout(client, all), status);
        if (current.contract().amendmentInProgress()) {
            Span amending = new Span(getTranslation("contract.amendmentInProgress"));
            amending.setId("contract-amending");
            add(amending);
        }
        current.contract().startDate().ifPresent(start -> {
            Paragraph terms = new Paragraph(getTranslation("contract.terms", current.contract().level().orElse("?"), dates.format(start),
                    dates.format(current.contract().endDate().orElseThrow()), current.contract().durationMonths().orElse(0)));
            terms.setId("contract-terms");
            add(terms);
        });
        Paragraph total = new Paragraph(getTranslation("contract.total", current.earlierMonths()
                + current.contract().durationMonths().orElse(0), current.totalMaxMonths(), current.minMonths(), current.maxMonths()));
        total.setId("contract-total");
        total.addClassName("text-secondary");
        add(total);
        current.notifiedOn().ifPresent(n -> {
            Paragraph notified = new Paragraph(getTranslation("contract.notified", dates.format(n),
                    dates.format(current.contestDeadline().orElseThrow())));
            notified.setId("contract-notified");
            add(notified);
        });
        current.evaluatedOn().ifPresent(on -> add(evaluation(dates, on)));
        current.endedOn().ifPresent(on -> {
            Paragraph ended = new Paragraph(getTranslation("contract.ended", dates.format(on),
                    getTranslation("contract.outcome." + current.endOutcome().orElseThrow().name()))
                    + current.endNote().map(n -> " – " + n).orElse(""));
            ended.setId("contract-ended");
            add(ended);
        });
        add(history(dates));
        current.shownVersion().filter(VersionSummary::avenant).ifPresent(v -> {
            Paragraph reason = new Paragraph(getTranslation("contract.avenant.reason", v.number() - 1, v.reason().orElse("")));
            reason.setId("contract-avenant-reason");
            add(reason);
        });
        add(issuesPanel);

        FormSession session = FormSession.resume(current.form().definition(), current.answers(), LocalDate.now(clock));
        java.util.Set<String> roles = currentUser.require().roles().stream().map(Enum::name).collect(Collectors.toSet());
        // an item sensitive in any version of the form is hidden whichever version this one is on
        rendered = renderer.render(session, getLocale(), roles, contracts.hiddenAcrossVersions(current.form().formKey(), roles));
        add(rendered.layout());
        if (!current.editable()) {
            rendered.setReadOnly();
        }
        add(actions());
    }

    private Div evaluation(DateTimeFormatter dates, LocalDate on) {
        Div box = new Div();
        box.setId("contract-evaluation");
        box.add(new H3(getTranslation("contract.evaluation.title", dates.format(on), current.evaluatedBy().orElse(""))));
        UnorderedList results = new UnorderedList();
        current.objectiveResults().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> results.add(new ListItem(
                getTranslation("contract.evaluation.objective", e.getKey(), objective(e.getKey()),
                        getTranslation("contract.result." + e.getValue().name())))));
        box.add(results, new Paragraph(current.evaluationText().orElse("")));
        return box;
    }

    private String objective(int number) {
        return current.objective(number);
    }

    private Details history(DateTimeFormatter dates) {
        UnorderedList list = new UnorderedList();
        for (VersionSummary v : current.versions().reversed()) {
            String name = v.avenant() ? getTranslation("contract.avenant", v.number() - 1) : getTranslation("contract.initial");
            String state = v.signedOn().map(d -> getTranslation("contract.signedOn", dates.format(d)))
                    .orElse(getTranslation("contract.status.DRAFT"));
            Anchor link = new Anchor("contracts/" + current.id() + "?" + VERSION + "=" + v.number(),
                    name + " · " + state + v.reason().map(r -> " · " + r).orElse(""));
            link.setId("contract-version-" + v.number());
            if (v.number() == current.versionNumber()) {
                link.addClassName("text-strong");
            }
            Anchor pdf = new Anchor("print/contracts/" + current.id() + ".pdf?version=" + v.number(), "PDF");
            pdf.setId("contract-pdf-" + v.number());
            pdf.setTarget("_blank");
            ListItem item = new ListItem(link, new Span(" "), pdf);
            list.add(item);
        }
        Details details = new Details(getTranslation("contract.history", current.versions().size()), list);
        details.setId("contract-history");
        details.setOpened(true);
        return details;
    }

    private HorizontalLayout actions() {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.addClassName("wrap");
        // the steps the declared workflow offers this user from the contract's state
        java.util.Set<String> steps = contracts.steps(current);
        if (current.editable()) {
            Button sign = new Button(getTranslation("contract.sign"), e -> askSignature());
            sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            sign.setId("contract-sign");
            Button save = new Button(getTranslation("contract.save"), e -> save());
            save.setId("contract-save");
            buttons.add(sign, save, saveState);
            rendered.addChangeListener(autosave::changed);
        } else if (current.latestShown() && steps.contains("amend")) {
            Button amend = new Button(getTranslation("contract.amend"), e -> askAmendment());
            amend.setId("contract-amend");
            buttons.add(amend);
        }
        if (current.latestShown() && steps.contains("evaluate") && !current.contract().amendmentInProgress()) {
            Button evaluate = new Button(getTranslation("contract.evaluate"), e -> askEvaluation());
            evaluate.setId("contract-evaluate");
            buttons.add(evaluate);
        }
        if (steps.contains("renew")) {
            Button renew = new Button(getTranslation("contract.renew"), e -> askRenewal());
            renew.setId("contract-renew");
            buttons.add(renew);
        }
        if (steps.contains("end")) {
            Button end = new Button(getTranslation("contract.end"), e -> askEnd());
            end.setId("contract-end");
            buttons.add(end);
        }
        if (steps.contains("notify")) {
            Button notify = new Button(getTranslation("contract.notify"), e -> askNotification());
            notify.setId("contract-notify");
            buttons.add(notify);
        }
        Anchor pdf = new Anchor("print/contracts/" + current.id() + ".pdf?version=" + current.versionNumber(), getTranslation("contract.print"));
        pdf.setId("contract-print");
        pdf.setTarget("_blank");
        buttons.add(pdf);
        return buttons;
    }

    /** One save of the text being drafted, automatic or asked for: the form stays as it is (focus, typing). */
    private Autosave.Outcome autosaved() {
        try {
            current = contracts.save(current.id(), current.lockVersion(), rendered.answers());
            return Autosave.Outcome.SAVED;
        } catch (ContractException refused) {
            error(refused);
            return CONCURRENT.equals(refused.messageKey()) ? Autosave.Outcome.CONFLICT : Autosave.Outcome.REFUSED;
        }
    }

    private void save() {
        if (autosave.saveNow()) {
            show();
            Notification.show(getTranslation("contract.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
    }

    void askSignature() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("contract.sign"));
        DatePicker date = new DatePicker(getTranslation("contract.signedOnLabel"), LocalDate.now(clock));
        date.setId("contract-sign-date");
        date.setMax(LocalDate.now(clock));
        dialog.add(date);
        Map<String, String> answers = rendered.answers();
        Button confirm = new Button(getTranslation("contract.sign"), e -> {
            dialog.close();
            issuesPanel.removeAll();
            try {
                current = contracts.sign(current.id(), current.lockVersion(), answers, date.getValue());
                show();
                Notification.show(getTranslation("contract.signed")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (IncompleteContractException incomplete) {
                List<String> texts = rendered.showAll(incomplete.issues());
                UnorderedList list = new UnorderedList();
                texts.forEach(t -> list.add(new ListItem(t)));
                issuesPanel.add(new Paragraph(getTranslation("contract.incomplete", texts.size())), list);
                issuesPanel.addClassName("text-error");
            } catch (ContractException refused) {
                error(refused);
            }
        });
        confirm.setId("contract-sign-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("client.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    void askAmendment() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("contract.amend"));
        TextArea reason = new TextArea(getTranslation("contract.amend.reason"));
        reason.setId("contract-amend-reason");
        reason.setWidth("30em");
        dialog.add(reason);
        Button confirm = new Button(getTranslation("contract.amend"), e -> {
            if (attempt(() -> contracts.amend(current.id(), reason.getValue()))) {
                dialog.close();
            }
        });
        confirm.setId("contract-amend-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("client.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    void askEvaluation() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("contract.evaluate"));
        VerticalLayout layout = new VerticalLayout();
        layout.setPadding(false);
        Map<Integer, RadioButtonGroup<ObjectiveResult>> groups = new HashMap<>();
        for (int i = 1; i <= current.objectiveCount(); i++) {
            RadioButtonGroup<ObjectiveResult> group = new RadioButtonGroup<>(getTranslation("contract.evaluation.objectiveLabel", i, objective(i)));
            group.setItems(ObjectiveResult.values());
            group.setItemLabelGenerator(r -> getTranslation("contract.result." + r.name()));
            group.setId("contract-result-" + i);
            groups.put(i, group);
            String criteria = current.objectiveCriteria(i);
            layout.add(group, new Span(getTranslation("contract.evaluation.criteria", criteria)));
        }
        TextArea text = new TextArea(getTranslation("contract.evaluation.text"));
        text.setId("contract-evaluation-text");
        text.setWidth("30em");
        DatePicker date = new DatePicker(getTranslation("contract.date"), LocalDate.now(clock));
        date.setId("contract-evaluation-date");
        layout.add(text, date);
        dialog.add(layout);
        Button confirm = new Button(getTranslation("contract.evaluate"), e -> {
            Map<Integer, ObjectiveResult> results = new HashMap<>();
            groups.forEach((i, g) -> {
                if (g.getValue() != null) {
                    results.put(i, g.getValue());
                }
            });
            if (attempt(() -> contracts.evaluate(current.id(), results, text.getValue(), date.getValue()))) {
                dialog.close();
            }
        });
        confirm.setId("contract-evaluate-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("client.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    void askRenewal() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("contract.renew"));
        IntegerField months = new IntegerField(getTranslation("contract.renew.months", current.minMonths(), current.maxMonths()));
        months.setId("contract-renew-months");
        months.setValue(current.maxMonths());
        dialog.add(new Paragraph(getTranslation("contract.total", current.earlierMonths() + current.contract().durationMonths().orElse(0),
                current.totalMaxMonths(), current.minMonths(), current.maxMonths())), months);
        Button confirm = new Button(getTranslation("contract.renew"), e -> {
            try {
                ContractDetails renewal = contracts.renew(current.id(), months.getValue() == null ? 0 : months.getValue());
                dialog.close();
                getUI().ifPresent(ui -> ui.navigate(ContractView.class, parameters(renewal.id())));
            } catch (ContractException refused) {
                months.setInvalid(true);
                months.setErrorMessage(said(refused));
            }
        });
        confirm.setId("contract-renew-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("client.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    void askEnd() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("contract.end"));
        ComboBox<EndOutcome> outcome = new ComboBox<>(getTranslation("contract.outcome"));
        outcome.setItems(EndOutcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation("contract.outcome." + o.name()));
        outcome.setId("contract-end-outcome");
        TextArea note = new TextArea(getTranslation("contract.end.note"));
        note.setId("contract-end-note");
        DatePicker date = new DatePicker(getTranslation("contract.date"), LocalDate.now(clock));
        date.setId("contract-end-date");
        dialog.add(new FormLayout(outcome, date, note));
        Button confirm = new Button(getTranslation("contract.end"), e -> {
            if (attempt(() -> contracts.end(current.id(), outcome.getValue(), note.getValue(), date.getValue()))) {
                dialog.close();
            }
        });
        confirm.setId("contract-end-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("client.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    void askNotification() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("contract.notify"));
        DatePicker date = new DatePicker(getTranslation("contract.date"), LocalDate.now(clock));
        date.setId("contract-notify-date");
        dialog.add(date);
        Button confirm = new Button(getTranslation("contract.notify"), e -> {
            if (attempt(() -> contracts.recordNotification(current.id(), date.getValue()))) {
                dialog.close();
            }
        });
        confirm.setId("contract-notify-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("client.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    /** Runs a change and shows the result; a refusal is shown with its translated message. */
    private boolean attempt(java.util.function.Supplier<ContractDetails> action) {
        try {
            current = action.get();
            show();
            return true;
        } catch (ContractException refused) {
            error(refused);
            return false;
        } catch (DataAccessException | TransactionException down) {
            autosave.databaseDown(down);
            return false;
        }
    }

    /** Someone else saved the contract meanwhile: their version, or mine kept as a new draft contract. */
    private void conflict() {
        Map<String, String> mine = rendered.answers();
        autosave.conflict(() -> {
            current = contracts.open(current.id(), Optional.empty());
            show();
        }, () -> {
            try {
                ContractDetails copy = contracts.saveAsCopy(current.id(), mine);
                Notification.show(getTranslation("contract.conflict.copied"));
                getUI().ifPresent(ui -> ui.navigate(ContractView.class, parameters(copy.id())));
            } catch (ContractException refused) {
                error(refused);
            }
        });
    }

    private void error(ContractException refused) {
        if (CONCURRENT.equals(refused.messageKey()) && rendered != null) {
            conflict();
            return;
        }
        Notification n = Notification.show(said(refused), 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        issuesPanel.removeAll();
        Paragraph p = new Paragraph(said(refused));
        p.setId("contract-error");
        p.addClassName("text-error");
        issuesPanel.add(p);
    }

    @Override
    public String getPageTitle() {
        return title + " – " + getTranslation("app.name");
    }

    /** A refusal as the user reads it: a declared rule's own message, else the key's translation. */
    private String said(ContractException refused) {
        return refused.said().map(text -> text.in(getLocale())).orElseGet(() -> getTranslation(refused.messageKey(), refused.arguments()));
    }
}
