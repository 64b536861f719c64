package org.parcours.reporting.ui;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.catalog.PublishedForm;
import org.parcours.reporting.ExportFormat;
import org.parcours.reporting.ExportService;
import org.parcours.reporting.ExportService.ExportRequest;
import org.parcours.reporting.ExportService.ExportResult;
import org.parcours.security.Role;
import org.parcours.ui.MainLayout;
import org.parcours.ui.NavigationContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Export of a form's submissions (XLSX or zipped CSV, identified or anonymised). The file is
 * written on a background thread into a temporary file while a progress bar follows it (the UI
 * polls while the export runs); then a download link appears. The temporary file is deleted when
 * the view is left.
 */
@Route("reports/export")
@RolesAllowed({Role.WORKER_NAME, Role.COMMITTEE_NAME, Role.ADMIN_NAME})
public class ExportView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ExportView.class);
    static final int POLL_MS = 400;

    private final ExportService service;
    final ComboBox<PublishedForm> form = new ComboBox<>();
    final RadioButtonGroup<ExportFormat> format = new RadioButtonGroup<>();
    final Checkbox anonymised = new Checkbox();
    final Button start = new Button();
    final ProgressBar progress = new ProgressBar(0, 1);
    final Span status = new Span();
    final VerticalLayout result = new VerticalLayout();
    private volatile File file;

    public ExportView(ExportService service) {
        this.service = service;
        setPadding(true);
        form.setId("export-form");
        form.setLabel(getTranslation("export.form"));
        form.setItems(service.forms());
        form.setItemLabelGenerator(f -> f.definition().title().in(getLocale()) + " (" + f.formKey() + ")");
        form.setWidth("28em");
        format.setId("export-format");
        format.setLabel(getTranslation("export.format"));
        format.setItems(ExportFormat.values());
        format.setItemLabelGenerator(f -> getTranslation("export.format." + f.name()));
        format.setValue(ExportFormat.XLSX);
        anonymised.setId("export-anonymised");
        anonymised.setLabel(getTranslation("export.anonymised"));
        start.setId("export-start");
        start.setText(getTranslation("export.start"));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> startExport());
        progress.setId("export-progress");
        progress.setVisible(false);
        progress.getElement().setAttribute("aria-label", getTranslation("export.progress"));
        status.setId("export-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        result.setId("export-result");
        result.setPadding(false);
        add(new H2(getTranslation("export.title")), new Paragraph(getTranslation("export.intro")), form, format, anonymised,
                anonymisationRules(), start, progress, status, result);
    }

    private Details anonymisationRules() {
        ExportService.AnonymisationPolicy policy = service.anonymisationPolicy();
        UnorderedList rules = new UnorderedList();
        rules.setId("export-anonymisation-rules");
        List.of(getTranslation("export.rule.identity"), getTranslation("export.rule.text"), getTranslation("export.rule.ids"),
                        getTranslation("export.rule.birth", policy.ageBands(), policy.birthDateItems()),
                        getTranslation("export.rule.dates"), getTranslation("export.rule.workers"),
                        getTranslation("export.rule.small", policy.threshold() - 1, policy.threshold()),
                        getTranslation("export.rule.rare", policy.threshold()))
                .forEach(text -> rules.add(new ListItem(text)));
        Details details = new Details(getTranslation("export.rules.title"), rules);
        details.setId("export-anonymisation");
        details.setOpened(false);
        return details;
    }

    void startExport() {
        if (form.getValue() == null) {
            form.setInvalid(true);
            form.setErrorMessage(getTranslation("export.formRequired"));
            return;
        }
        form.setInvalid(false);
        UI ui = UI.getCurrent();
        ExportRequest request = new ExportRequest(form.getValue().formKey(), format.getValue(), anonymised.getValue(), getLocale());
        deleteFile();
        result.removeAll();
        start.setEnabled(false);
        progress.setVisible(true);
        progress.setValue(0);
        status.setText(getTranslation("export.running"));
        ui.setPollInterval(POLL_MS);
        Thread.ofVirtual().name("export-" + request.formKey()).start(new DelegatingSecurityContextRunnable(() -> run(ui, request)));
    }

    private void run(UI ui, ExportRequest request) {
        try {
            File target = Files.createTempFile("parcours-export-", "." + request.format().extension()).toFile();
            target.deleteOnExit();
            ExportResult exported;
            try (OutputStream out = Files.newOutputStream(target.toPath())) {
                exported = service.export(request, out, (done, total) -> ui.access(() -> progress.setValue(total == 0 ? 1 : (double) done / total)));
            }
            file = target;
            ui.access(() -> finished(exported, target, request));
        } catch (IOException | RuntimeException e) {
            log.error("Export of form {} failed", request.formKey(), e);
            ui.access(() -> {
                stop(ui);
                status.setText(getTranslation("export.failed"));
                Notification.show(getTranslation("export.failed")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            });
        }
    }

    private void finished(ExportResult exported, File target, ExportRequest request) {
        getUI().ifPresent(this::stop);
        progress.setValue(1);
        status.setText(getTranslation("export.done", exported.rows(), exported.groupRows()));
        Anchor download = new Anchor(DownloadHandler.forFile(target, exported.fileName()), getTranslation("export.download", exported.fileName()));
        download.setId("export-download");
        download.setDownload(true);
        result.add(download);
    }

    private void stop(UI ui) {
        ui.setPollInterval(-1);
        start.setEnabled(true);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        deleteFile();
        super.onDetach(detachEvent);
    }

    private void deleteFile() {
        File previous = file;
        file = null;
        if (previous != null) {
            try {
                Files.deleteIfExists(previous.toPath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("export.title") + " – " + getTranslation("app.name");
    }

    @org.springframework.stereotype.Component
    static class Navigation implements NavigationContributor {

        @Override
        public List<MainLayout.NavEntry> entries() {
            return List.of(new MainLayout.NavEntry("nav.export", ExportView.class, 60));
        }
    }
}
