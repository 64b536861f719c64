package org.parcours.privacy.ui;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.formdef.DataCategory;
import org.parcours.formdef.LegalBasis;
import org.parcours.privacy.BreakGlass;
import org.parcours.privacy.LegalHolds;
import org.parcours.privacy.PrivacyException;
import org.parcours.privacy.PrivacyRequests;
import org.parcours.privacy.ProcessingRegister;
import org.parcours.privacy.RetentionService;
import org.parcours.privacy.SubjectAccess;
import org.parcours.security.Role;
import org.parcours.ui.MainLayout;
import org.parcours.ui.NavigationContributor;

/**
 * Administrators: the register of processing built from the forms, the retention run (dry run
 * first), legal holds, a client's subject access export and the justified accesses to clients of
 * other teams.
 */
@Route("admin/privacy")
@RolesAllowed(Role.ADMIN_NAME)
public class PrivacyView extends VerticalLayout implements HasDynamicTitle {

    private static final int JUSTIFIED_ACCESS_DAYS = 90;

    private final RetentionService retention;
    private final LegalHolds holds;
    private final SubjectAccess subjectAccess;
    private final Grid<RetentionService.Line> retentionGrid = new Grid<>();
    private final Paragraph retentionSummary = new Paragraph();
    private final Grid<LegalHolds.Hold> holdGrid = new Grid<>();
    private final Paragraph holdMessage = new Paragraph();
    private final Paragraph exportMessage = new Paragraph();
    private final HorizontalLayout exportLink = new HorizontalLayout();
    private final PrivacyRequests requests;
    private final java.time.Clock clock;
    private final Grid<PrivacyRequests.Request> requestGrid = new Grid<>();
    private final Paragraph requestMessage = new Paragraph();

    public PrivacyView(ProcessingRegister register, RetentionService retention, LegalHolds holds, SubjectAccess subjectAccess,
                       BreakGlass breakGlass, PrivacyRequests requests, java.time.Clock clock) {
        this.requests = requests;
        this.clock = clock;
        this.retention = retention;
        this.holds = holds;
        this.subjectAccess = subjectAccess;
        addClassName("privacy-view");
        add(new H2(getTranslation("privacy.title")));

        add(new H3(getTranslation("privacy.register.title")), new Paragraph(getTranslation("privacy.register.intro")));
        Grid<ProcessingRegister.Entry> registerGrid = new Grid<>();
        registerGrid.setId("privacy-register");
        registerGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        registerGrid.setAllRowsVisible(true);
        registerGrid.addColumn(e -> e.title().in(locale())).setHeader(getTranslation("privacy.register.form")).setFlexGrow(2);
        registerGrid.addColumn(e -> e.declared() ? e.categories().stream().map(this::category).collect(Collectors.joining(", "))
                : getTranslation("privacy.register.undeclared")).setHeader(getTranslation("privacy.register.categories")).setFlexGrow(2);
        registerGrid.addColumn(e -> e.purposes().stream().map(p -> p.in(locale())).collect(Collectors.joining("; ")))
                .setHeader(getTranslation("privacy.register.purposes")).setFlexGrow(3);
        registerGrid.addColumn(e -> e.legalBases().stream().map(this::basis).collect(Collectors.joining("; ")))
                .setHeader(getTranslation("privacy.register.legalBases")).setFlexGrow(2);
        registerGrid.addColumn(e -> e.retention().stream().map(this::rule).collect(Collectors.joining("; ")))
                .setHeader(getTranslation("privacy.register.retention")).setFlexGrow(3);
        registerGrid.addColumn(e -> e.roles().stream().map(r -> getTranslation("privacy.role." + r.name())).collect(Collectors.joining(", "))
                        + (e.restricted().isEmpty() ? "" : " — " + getTranslation("privacy.register.restricted", e.restricted().size())))
                .setHeader(getTranslation("privacy.register.recipients")).setFlexGrow(2);
        List<ProcessingRegister.Entry> entries = register.entries();
        registerGrid.setItems(entries);
        // the register as a spreadsheet, in the page's language, for the service's own register (art. 30)
        Anchor registerDownload = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] csv = registerCsv(entries);
            return new DownloadResponse(new ByteArrayInputStream(csv), "register-of-processing-" + locale().getLanguage() + ".csv",
                    "text/csv; charset=UTF-8", csv.length);
        }), getTranslation("privacy.register.download"));
        registerDownload.setId("register-download");
        registerDownload.getElement().setAttribute("download", true);
        add(registerGrid, registerDownload);

        add(new H3(getTranslation("privacy.retention.title")), new Paragraph(getTranslation("privacy.retention.intro")));
        Button dryRun = new Button(getTranslation("privacy.retention.dryRun"), e -> show(retention.dryRun()));
        dryRun.setId("retention-dry-run");
        Button runNow = new Button(getTranslation("privacy.retention.runNow"), e -> show(retention.apply()));
        runNow.setId("retention-run");
        runNow.addThemeVariants(ButtonVariant.LUMO_ERROR);
        retentionGrid.setId("retention-lines");
        retentionGrid.setAllRowsVisible(true);
        retentionGrid.addColumn(RetentionService.Line::formKey).setHeader(getTranslation("privacy.register.form"));
        retentionGrid.addColumn(l -> l.categories().stream().map(this::category).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("privacy.register.categories"));
        retentionGrid.addColumn(l -> getTranslation("privacy.action." + l.action().yamlName())).setHeader(getTranslation("privacy.retention.action"));
        retentionGrid.addColumn(RetentionService.Line::clients).setHeader(getTranslation("privacy.retention.clients"));
        retentionGrid.addColumn(RetentionService.Line::answers).setHeader(getTranslation("privacy.retention.answers"));
        retentionGrid.setVisible(false);
        retentionSummary.setId("retention-summary");
        add(new HorizontalLayout(dryRun, runNow), retentionSummary, retentionGrid);

        add(new H3(getTranslation("privacy.hold.title")), new Paragraph(getTranslation("privacy.hold.intro")));
        IntegerField holdClient = new IntegerField(getTranslation("privacy.clientId"));
        holdClient.setId("hold-client");
        TextField holdReason = new TextField(getTranslation("privacy.reason"));
        holdReason.setId("hold-reason");
        holdReason.setMaxLength(500);
        Button set = new Button(getTranslation("privacy.hold.set"), e -> holdAction(() -> holds.set(clientId(holdClient), holdReason.getValue()),
                "privacy.hold.setDone", holdClient, holdReason));
        set.setId("hold-set");
        Button lift = new Button(getTranslation("privacy.hold.lift"), e -> holdAction(() -> holds.lift(clientId(holdClient), holdReason.getValue()),
                "privacy.hold.liftDone", holdClient, holdReason));
        lift.setId("hold-lift");
        HorizontalLayout holdForm = new HorizontalLayout(holdClient, holdReason, set, lift);
        holdForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        holdMessage.setId("hold-message");
        holdGrid.setId("holds");
        holdGrid.setAllRowsVisible(true);
        holdGrid.addColumn(LegalHolds.Hold::clientId).setHeader(getTranslation("privacy.clientId"));
        holdGrid.addColumn(LegalHolds.Hold::reason).setHeader(getTranslation("privacy.reason")).setFlexGrow(3);
        holdGrid.addColumn(LegalHolds.Hold::setBy).setHeader(getTranslation("privacy.by"));
        holdGrid.addColumn(h -> h.setAt().toString()).setHeader(getTranslation("privacy.at"));
        holdGrid.setItems(holds.list());
        add(holdForm, holdMessage, holdGrid);

        add(new H3(getTranslation("privacy.request.title")), new Paragraph(getTranslation("privacy.request.intro")));
        IntegerField requestClient = new IntegerField(getTranslation("privacy.clientId"));
        requestClient.setId("request-client");
        Select<PrivacyRequests.Kind> requestKind = new Select<>();
        requestKind.setId("request-kind");
        requestKind.setLabel(getTranslation("privacy.request.kind"));
        requestKind.setItems(PrivacyRequests.Kind.values());
        requestKind.setItemLabelGenerator(k -> getTranslation("privacy.request.kind." + k.name()));
        requestKind.setValue(PrivacyRequests.Kind.RECTIFICATION);
        TextField requestText = new TextField(getTranslation("privacy.request.text"));
        requestText.setId("request-text");
        requestText.setMaxLength(1000);
        Button record = new Button(getTranslation("privacy.request.record"), e -> requestAction(() -> {
            PrivacyRequests.Request r = requests.record(clientId(requestClient), requestKind.getValue(), requestText.getValue());
            requestText.clear();
            return getTranslation("privacy.request.recorded", String.valueOf(r.id()), r.dueOn().toString());
        }));
        record.setId("request-record");
        HorizontalLayout requestForm = new HorizontalLayout(requestClient, requestKind, requestText, record);
        requestForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        requestGrid.setId("requests");
        requestGrid.setAllRowsVisible(true);
        requestGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        requestGrid.addColumn(PrivacyRequests.Request::id).setHeader(getTranslation("privacy.request.number"));
        requestGrid.addColumn(PrivacyRequests.Request::clientId).setHeader(getTranslation("privacy.clientId"));
        requestGrid.addColumn(r -> getTranslation("privacy.request.kind." + r.kind().name())).setHeader(getTranslation("privacy.request.kind"));
        requestGrid.addColumn(PrivacyRequests.Request::text).setHeader(getTranslation("privacy.request.text")).setFlexGrow(3);
        requestGrid.addColumn(r -> r.receivedOn().toString()).setHeader(getTranslation("privacy.request.received"));
        requestGrid.addColumn(r -> r.dueOn() + (r.overdue(java.time.LocalDate.now(clock)) ? " – " + getTranslation("privacy.request.overdue") : ""))
                .setHeader(getTranslation("privacy.request.due"));
        requestGrid.addColumn(r -> getTranslation("privacy.request.status." + r.status().name())
                + (r.decidedBy() == null ? "" : " (" + r.decidedBy() + (r.decisionReason() == null ? "" : ": " + r.decisionReason()) + ")")
                + (r.doneBy() == null ? "" : " – " + r.doneBy())).setHeader(getTranslation("privacy.request.status")).setFlexGrow(2);
        requestGrid.setItems(requests.list());
        IntegerField requestId = new IntegerField(getTranslation("privacy.request.number"));
        requestId.setId("request-id");
        TextField requestReason = new TextField(getTranslation("privacy.reason"));
        requestReason.setId("request-reason");
        requestReason.setMaxLength(500);
        Button accept = new Button(getTranslation("privacy.request.accept"), e -> requestAction(() -> {
            requests.decide(requestNumber(requestId), true, requestReason.getValue());
            return getTranslation("privacy.request.accepted", String.valueOf(requestId.getValue()));
        }));
        accept.setId("request-accept");
        Button refuse = new Button(getTranslation("privacy.request.refuse"), e -> requestAction(() -> {
            requests.decide(requestNumber(requestId), false, requestReason.getValue());
            return getTranslation("privacy.request.refused", String.valueOf(requestId.getValue()));
        }));
        refuse.setId("request-refuse");
        Button carryOut = new Button(getTranslation("privacy.request.carryOut"), e -> requestAction(() -> {
            requests.carryOut(requestNumber(requestId));
            return getTranslation("privacy.request.done", String.valueOf(requestId.getValue()));
        }));
        carryOut.setId("request-carry-out");
        carryOut.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout decideForm = new HorizontalLayout(requestId, requestReason, accept, refuse, carryOut);
        decideForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        requestMessage.setId("request-message");
        add(requestForm, requestGrid, decideForm, requestMessage);

        add(new H3(getTranslation("privacy.access.title")), new Paragraph(getTranslation("privacy.access.intro")));
        IntegerField exportClient = new IntegerField(getTranslation("privacy.clientId"));
        exportClient.setId("export-client");
        Button prepare = new Button(getTranslation("privacy.access.prepare"), e -> prepareExport(exportClient));
        prepare.setId("export-prepare");
        HorizontalLayout exportForm = new HorizontalLayout(exportClient, prepare, exportLink);
        exportForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        exportMessage.setId("export-message");
        add(exportForm, exportMessage);

        add(new H3(getTranslation("privacy.justified.title")), new Paragraph(getTranslation("privacy.justified.intro", JUSTIFIED_ACCESS_DAYS)));
        Grid<BreakGlass.Access> accessGrid = new Grid<>();
        accessGrid.setId("justified-accesses");
        accessGrid.setAllRowsVisible(true);
        accessGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        accessGrid.addColumn(BreakGlass.Access::username).setHeader(getTranslation("privacy.by"));
        accessGrid.addColumn(BreakGlass.Access::clientId).setHeader(getTranslation("privacy.clientId"));
        accessGrid.addColumn(BreakGlass.Access::teamId).setHeader(getTranslation("privacy.justified.team"));
        accessGrid.addColumn(BreakGlass.Access::reason).setHeader(getTranslation("privacy.reason")).setFlexGrow(3);
        accessGrid.addColumn(a -> a.grantedAt().toString()).setHeader(getTranslation("privacy.at"));
        accessGrid.addColumn(a -> a.expiresAt().toString()).setHeader(getTranslation("privacy.justified.until"));
        accessGrid.setItems(breakGlass.recent(JUSTIFIED_ACCESS_DAYS));
        add(accessGrid);
    }

    private void show(RetentionService.Report report) {
        retentionGrid.setItems(report.lines());
        retentionGrid.setVisible(!report.lines().isEmpty());
        String counts = getTranslation(report.applied() ? "privacy.retention.applied" : "privacy.retention.wouldGo", report.answers(),
                report.heldClients());
        retentionSummary.setText(report.problems().isEmpty() ? counts
                : counts + " " + getTranslation("privacy.retention.problems", String.join("; ", report.problems())));
    }

    private void holdAction(Runnable action, String doneKey, IntegerField client, TextField reason) {
        try {
            action.run();
            holdMessage.setText(getTranslation(doneKey, client.getValue()));
            reason.clear();
            holdGrid.setItems(holds.list());
        } catch (PrivacyException e) {
            holdMessage.setText(getTranslation(e.messageKey()));
        } catch (ClientNotFoundException e) {
            holdMessage.setText(getTranslation("client.notFound"));
        }
    }

    private void requestAction(java.util.function.Supplier<String> action) {
        try {
            requestMessage.setText(action.get());
            requestGrid.setItems(requests.list());
        } catch (PrivacyException e) {
            requestMessage.setText(getTranslation(e.messageKey()));
        } catch (ClientNotFoundException e) {
            requestMessage.setText(getTranslation("client.notFound"));
        }
    }

    private static long requestNumber(IntegerField field) {
        if (field.getValue() == null || field.getValue() < 1) {
            throw new PrivacyException("privacy.request.error.unknown");
        }
        return field.getValue();
    }

    private void prepareExport(IntegerField client) {
        exportLink.removeAll();
        try {
            long id = clientId(client);
            byte[] document = subjectAccess.export(id, locale());
            Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(document),
                    "client-" + id + "-subject-access.json", "application/json", document.length)), getTranslation("privacy.access.download"));
            download.setId("export-download");
            download.getElement().setAttribute("download", true);
            // The readable PDF is made (and audited) by the print module when the link is followed.
            Anchor pdf = new Anchor("/print/clients/" + id + "/subject-access.pdf?lang=" + locale().getLanguage(),
                    getTranslation("privacy.access.downloadPdf"));
            pdf.setId("export-download-pdf");
            pdf.setTarget("_blank");
            exportLink.add(download, pdf);
            exportMessage.setText(getTranslation("privacy.access.ready", id));
        } catch (PrivacyException e) {
            exportMessage.setText(getTranslation(e.messageKey()));
        } catch (ClientNotFoundException e) {
            exportMessage.setText(getTranslation("client.notFound"));
        }
    }

    private static long clientId(IntegerField field) {
        if (field.getValue() == null || field.getValue() < 1) {
            throw new PrivacyException("privacy.error.clientIdRequired");
        }
        return field.getValue();
    }

    /** The register's rows as RFC 4180 CSV (UTF-8 with a byte-order mark, for spreadsheets), the grid's columns. */
    byte[] registerCsv(List<ProcessingRegister.Entry> entries) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        java.util.function.Consumer<List<String>> line = cells -> csv.append(cells.stream()
                .map(c -> c.contains(",") || c.contains("\"") || c.contains("\n") ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
                .collect(Collectors.joining(","))).append("\r\n");
        line.accept(List.of(getTranslation("privacy.register.form"), getTranslation("privacy.register.categories"),
                getTranslation("privacy.register.purposes"), getTranslation("privacy.register.legalBases"),
                getTranslation("privacy.register.retention"), getTranslation("privacy.register.recipients")));
        for (ProcessingRegister.Entry e : entries) {
            line.accept(List.of(e.title().in(locale()),
                    e.declared() ? e.categories().stream().map(this::category).collect(Collectors.joining(", ")) : getTranslation("privacy.register.undeclared"),
                    e.purposes().stream().map(p -> p.in(locale())).collect(Collectors.joining("; ")),
                    e.legalBases().stream().map(this::basis).collect(Collectors.joining("; ")),
                    e.retention().stream().map(this::rule).collect(Collectors.joining("; ")),
                    e.roles().stream().map(r -> getTranslation("privacy.role." + r.name())).collect(Collectors.joining(", "))
                            + (e.restricted().isEmpty() ? "" : " — " + getTranslation("privacy.register.restricted", e.restricted().size()))));
        }
        return csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private String category(DataCategory category) {
        return getTranslation("privacy.category." + category.yamlName());
    }

    private String basis(LegalBasis basis) {
        return getTranslation("privacy.basis." + basis.yamlName()) + " (" + getTranslation("privacy.basis.article", basis.article()) + ")";
    }

    private String rule(ProcessingRegister.RetentionRule rule) {
        String period = rule.period().map(p -> p.toString()).orElse(getTranslation("privacy.register.missingPolicy", rule.keep()));
        return getTranslation("privacy.register.rule", period, getTranslation("privacy.event." + rule.after().yamlName()),
                getTranslation("privacy.action." + rule.then().yamlName()),
                rule.categories().stream().map(this::category).collect(Collectors.joining(", ")));
    }

    private Locale locale() {
        return getLocale() == null ? Locale.FRENCH : getLocale();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.title") + " – " + getTranslation("app.name");
    }

    @org.springframework.stereotype.Component
    static class Navigation implements NavigationContributor {

        @Override
        public List<MainLayout.NavEntry> entries() {
            return List.of(new MainLayout.NavEntry("nav.admin.privacy", PrivacyView.class, 93));
        }
    }
}
