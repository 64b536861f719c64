package org.parcours.clients.ui;

import java.time.Clock;
import java.util.List;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.HouseholdMember;
import org.parcours.clients.JustifiedAccess;
import org.parcours.evaluations.EvaluationLinks;
import org.parcours.evaluations.EvaluationService;
import org.parcours.evaluations.EvaluationSummary;
import org.parcours.security.CurrentUser;
import org.parcours.programmes.StatusRules;
import org.parcours.security.Role;
import org.parcours.security.UserAccounts;

/**
 * One client file: identity, contact, follow-up (team, responsible worker, start, status),
 * household, evaluations of every form and "new evaluation" per published form; "Edit" for the
 * file's workers and administrators, "Assign" for administrators.
 */
@Route("clients/:clientId([0-9]{1,18})")
@RolesAllowed({Role.WORKER_NAME, Role.ADMIN_NAME})
public class ClientView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String CLIENT_ID = "clientId";

    private final ClientService clients;
    private final EvaluationService evaluations;
    private final FormCatalog catalog;
    private final CurrentUser currentUser;
    private final UserAccounts accounts;
    private final Clock clock;
    private final StatusRules statusRules;
    private final org.parcours.programmes.ClientWorkflows workflows;
    private String title = "";

    public ClientView(ClientService clients, EvaluationService evaluations, FormCatalog catalog,
                      CurrentUser currentUser, UserAccounts accounts, Clock clock, StatusRules statusRules,
                      org.parcours.programmes.ClientWorkflows workflows) {
        this.statusRules = statusRules;
        this.workflows = workflows;
        this.clients = clients;
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long clientId = Long.parseLong(event.getRouteParameters().get(CLIENT_ID).orElseThrow());
        ClientSummary client;
        try {
            client = clients.open(clientId);
        } catch (ClientNotFoundException e) {
            title = getTranslation("client.notFound");
            Paragraph message = new Paragraph(title);
            message.setId("client-not-found");
            add(message, new RouterLink(getTranslation("client.back"), ClientListView.class));
            if (currentUser.require().has(org.parcours.security.Role.WORKER)) {
                // a client of another team opens only with a reason (privacy module, docs/privacy.md); shown for any id alike
                com.vaadin.flow.component.html.Anchor justified = new com.vaadin.flow.component.html.Anchor(
                        "clients/" + clientId + "/justified-access", getTranslation("privacy.justified.ask"));
                justified.setId("client-justified-access");
                add(justified);
            }
            return;
        }
        render(client);
    }

    /**
     * Records since when the client is permanently unfit for work (empty clears it), then applies
     * the declared status rules at once (e.g. "permanently unfit: social activation only").
     */
    private void unfitDialog(ClientSummary client) {
        com.vaadin.flow.component.dialog.Dialog dialog = new com.vaadin.flow.component.dialog.Dialog();
        dialog.setHeaderTitle(getTranslation("client.unfit.record"));
        com.vaadin.flow.component.datepicker.DatePicker since = new com.vaadin.flow.component.datepicker.DatePicker(
                getTranslation("client.unfit.since"), client.permanentlyUnfitSince());
        since.setId("unfit-since");
        since.setMax(LocalDate.now(clock));
        since.setHelperText(getTranslation("client.unfit.help"));
        dialog.add(since);
        Button save = new Button(getTranslation("client.save"), e -> {
            try {
                ClientSummary updated = clients.recordPermanentlyUnfit(client.id(), since.getValue());
                statusRules.apply(updated, currentUser.require().username());
                dialog.close();
                render(clients.requireVisible(client.id()));
            } catch (org.parcours.clients.ClientValidationException invalid) {
                since.setErrorMessage(getTranslation("client.error.unfitSince"));
                since.setInvalid(true);
            }
        });
        save.setId("unfit-save");
        dialog.getFooter().add(new Button(getTranslation("client.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void render(ClientSummary client) {
        removeAll();
        title = client.fullName();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());

        H2 name = new H2(client.fullName());
        name.setId("client-name");
        HorizontalLayout fileActions = new HorizontalLayout();
        boolean writable = clients.writable(client.id());
        fileActions.setVisible(writable); // a justified access reads only (docs/privacy.md)
        Button edit = new Button(getTranslation("client.edit"), VaadinIcon.EDIT.create(),
                e -> new ClientEditDialog(clients, client, LocalDate.now(clock), this::render).open());
        edit.setId("edit-client");
        fileActions.add(edit);
        Button unfit = new Button(getTranslation("client.unfit.record"), e -> unfitDialog(client));
        unfit.setId("record-unfit");
        fileActions.add(unfit);
        if (currentUser.require().has(Role.ADMIN)) {
            Button assign = new Button(getTranslation("client.assign"), VaadinIcon.USERS.create(),
                    e -> new ClientAssignDialog(clients, accounts, client, this::render).open());
            assign.setId("assign-client");
            fileActions.add(assign);
        }
        add(new RouterLink(getTranslation("client.back"), ClientListView.class), name, fileActions);

        add(section("client.section.identity",
                field("client.birthDate", dates.format(client.birthDate()), "client-birth-date-value"),
                field("client.nrn", client.nationalRegisterNumberFormatted(), "client-nrn-value")));
        add(section("client.section.contact",
                field("client.phone", client.phone(), "client-phone-value"),
                field("client.email", client.email(), "client-email-value"),
                field("client.address", client.address(), "client-address-value")));
        add(section("client.section.followUp",
                field("client.team", client.teamName(), "client-team-value"),
                field("client.responsibleWorker", client.responsibleWorkerName() == null
                        ? getTranslation("client.noResponsibleWorker") : client.responsibleWorkerName(), "client-worker-value"),
                field("client.followUpStart", client.followUpStart() == null ? null : dates.format(client.followUpStart()),
                        "client-follow-up-start-value"),
                field("client.status", getTranslation("client.status." + client.status().name()), "client-status-value"),
                field("client.statusSince", client.statusSince() == null ? null : dates.format(client.statusSince()),
                        "client-status-since-value"),
                field("client.statusReason", client.statusReason(), "client-status-reason-value"),
                field("client.unfit.since", client.permanentlyUnfitSince() == null ? null : dates.format(client.permanentlyUnfitSince()),
                        "client-unfit-since-value")));

        add(new H3(getTranslation("client.section.household")));
        Grid<HouseholdMember> household = new Grid<>();
        household.setId("client-household");
        household.addColumn(HouseholdMember::fullName).setHeader(getTranslation("client.household.fullName")).setFlexGrow(2);
        household.addColumn(m -> m.birthDate() == null ? "" : dates.format(m.birthDate()))
                .setHeader(getTranslation("client.household.birthDate"));
        household.addColumn(m -> getTranslation("client.relationship." + m.relationship().name()))
                .setHeader(getTranslation("client.household.relationship"));
        household.setItems(client.household());
        household.setEmptyStateComponent(new Paragraph(getTranslation("client.household.empty")));
        household.setAllRowsVisible(true);
        add(household);

        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true); // one button per live form: any number of programmes fits
        actions.setId("new-evaluation-actions");
        actions.setVisible(writable);
        java.util.Set<String> ownWorkflow = workflowForms();
        for (PublishedForm form : catalog.liveForms().stream()
                .filter(f -> !ownWorkflow.contains(f.formKey()))
                .sorted(java.util.Comparator.comparing((PublishedForm f) -> f.definition().title().in(getLocale()))).toList()) {
            Button start = new Button(getTranslation("client.newEvaluation", form.definition().title().in(getLocale())),
                    VaadinIcon.PLUS.create(), e -> getUI().ifPresent(ui -> ui.navigate(EvaluationLinks.newEvaluation(client.id(), form.formKey()))));
            start.setId("new-evaluation-" + form.formKey());
            actions.add(start);
        }
        add(new H3(getTranslation("client.evaluations")), actions);
        add(new org.parcours.programmes.ui.ClientWorkflowsPanel(workflows, client.id()));

        Grid<EvaluationSummary> grid = new Grid<>();
        grid.setId("evaluation-grid");
        grid.addColumn(s -> s.formTitle().in(getLocale())).setHeader(getTranslation("evaluation.col.form")).setFlexGrow(2);
        grid.addColumn(EvaluationSummary::formVersion).setHeader(getTranslation("evaluation.col.version"));
        grid.addColumn(s -> getTranslation("evaluation.status." + s.status().name(), s.revisions()))
                .setHeader(getTranslation("evaluation.col.status"));
        grid.addColumn(EvaluationSummary::createdBy).setHeader(getTranslation("evaluation.col.author"));
        grid.addColumn(s -> times.format(s.updatedAt())).setHeader(getTranslation("evaluation.col.updated"));
        grid.addColumn(EvaluationSummary::answered).setHeader(getTranslation("evaluation.col.answered"));
        grid.setItems(evaluations.ofClient(client.id()));
        grid.setEmptyStateComponent(new Paragraph(getTranslation("client.evaluations.empty")));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(EvaluationLinks.evaluation(e.getItem().id()))));
        grid.setAllRowsVisible(true);
        add(grid);
        Button history = new Button(getTranslation("history.open"), VaadinIcon.TABLE.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("clients/" + client.id() + "/history")));
        history.setId("client-history");
        Button contracts = new Button(getTranslation("client.contracts"), VaadinIcon.FILE_TEXT_O.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("clients/" + client.id() + "/contracts")));
        contracts.setId("client-contracts");
        Button aid = new Button(getTranslation("client.aidRequests"), VaadinIcon.HANDSHAKE.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("clients/" + client.id() + "/aid")));
        aid.setId("client-aid-requests");
        add(new HorizontalLayout(history, contracts, aid));
        org.parcours.security.UserContext user = currentUser.require();
        if (writable && (user.has(org.parcours.security.Role.ADMIN)
                || client.responsibleWorkerId() != null && client.responsibleWorkerId() == user.id())) {
            // who read or changed the file (privacy module, docs/privacy.md): its responsible worker and administrators
            com.vaadin.flow.component.html.Anchor readers = new com.vaadin.flow.component.html.Anchor("clients/" + client.id() + "/readers",
                    getTranslation("privacy.readers.title"));
            readers.setId("client-readers");
            add(readers);
        }
        justifiedAccesses(client, writable, times);
    }

    /**
     * For the client's own team: who of another team opened the file through a justified access
     * (docs/privacy.md), when, why and until when. A reader on such an access is told it reads only.
     */
    private void justifiedAccesses(ClientSummary client, boolean writable, DateTimeFormatter times) {
        if (!writable) {
            Paragraph readOnly = new Paragraph(getTranslation("client.readOnly"));
            readOnly.setId("client-read-only");
            readOnly.addClassName("notice");
            addComponentAsFirst(readOnly);
            return;
        }
        List<JustifiedAccess.Grant> grants = clients.justifiedAccesses(client.id(), catalog.policy().integer("break_glass.shown_days"));
        if (grants.isEmpty()) {
            return;
        }
        com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
        list.setId("client-justified-accesses");
        for (JustifiedAccess.Grant g : grants) {
            list.add(new com.vaadin.flow.component.html.ListItem(getTranslation("client.justified.line", g.username(),
                    times.format(g.grantedAt()), times.format(g.expiresAt()), g.reason())));
        }
        add(new H3(getTranslation("client.justified.title")), new Paragraph(getTranslation("client.justified.intro")), list);
    }

    private Div section(String titleKey, Component... fields) {
        FlexLayout values = new FlexLayout(fields);
        values.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        values.addClassName("client-fields");
        return new Div(new H3(getTranslation(titleKey)), values);
    }

    /** "Label : value" (the value in a span with the given id; "not set" when null or blank). */
    private Div field(String labelKey, String value, String id) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("client-field-label");
        boolean missing = value == null || value.isBlank();
        Span shown = new Span(missing ? getTranslation("client.notSet") : value);
        shown.setId(id);
        shown.addClassName("text-pre-line");
        if (missing) {
            shown.addClassName("text-missing");
        }
        return new Div(label, shown);
    }

    public static RouteParameters parameters(long clientId) {
        return new RouteParameters(CLIENT_ID, String.valueOf(clientId));
    }

    @Override
    public String getPageTitle() {
        return title + " – " + getTranslation("app.name");
    }

    /**
     * Forms with a workflow of their own (policy {@code aid.form}: CASU requests with per-scheme
     * decisions; {@code masp.form}: MASP contracts) are started from their own buttons, never as
     * plain evaluations, so their rules cannot be bypassed.
     */
    private java.util.Set<String> workflowForms() {
        try {
            var policy = catalog.policy();
            return java.util.stream.Stream.of("aid.form", "masp.form").map(policy::text).flatMap(java.util.Optional::stream)
                    .collect(java.util.stream.Collectors.toSet());
        } catch (org.parcours.formdef.Policy.PolicyException e) {
            return java.util.Set.of();
        }
    }
}
