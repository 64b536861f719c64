package org.parcours.measurements.ui;

import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.measurements.ImportLine;
import org.parcours.measurements.ImportProblem;
import org.parcours.measurements.ImportProgress;
import org.parcours.measurements.ImportRefusedException;
import org.parcours.measurements.ImportReport;
import org.parcours.measurements.MeasurementImport;
import org.parcours.security.Role;
import org.parcours.ui.MainLayout;
import org.parcours.ui.NavigationContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Imports past measurements from a CSV or XLSX file: choose the form, upload the file, check it
 * (a dry run listing each line's outcome and problems), then import it whole. Nothing is created
 * before the import button, and nothing at all when a line is refused. The check and the import
 * run beside the request, as the export does: a progress bar follows the lines while the page
 * polls, so a file of thousands of lines shows how far it is. Administrators only: an import
 * creates measurements in any team's files and names their authors.
 */
@Route("measurements/import")
@RolesAllowed(Role.ADMIN_NAME)
public class ImportView extends VerticalLayout implements HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ImportView.class);
    static final int POLL_MS = 400;
    /** Progress is sent to the browser at most this often (lines are checked far faster than a poll). */
    private static final long PROGRESS_EVERY_MS = 150;

    private final MeasurementImport imports;
    private final ComboBox<String> form = new ComboBox<>();
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span status = new Span();
    private final Div result = new Div();
    private final Button importButton = new Button();
    private byte[] file = new byte[0];
    private String fileName = "";

    public ImportView(MeasurementImport imports) {
        this.imports = imports;
        setMaxWidth("60em");
        H2 title = new H2(getTranslation("import.title"));
        Paragraph help = new Paragraph(getTranslation("import.help"));
        form.setLabel(getTranslation("import.form"));
        form.setId("import-form");
        List<String> forms = imports.importableForms();
        form.setItems(forms);
        forms.stream().findFirst().ifPresent(form::setValue);
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() ->
                receive(metadata.fileName(), bytes)))));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".csv", "text/csv", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        importButton.setText(getTranslation("import.confirm"));
        importButton.setId("import-confirm");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setEnabled(false);
        importButton.addClickListener(e -> importNow());
        result.setId("import-result");
        progress.setId("import-progress");
        progress.setVisible(false);
        progress.getElement().setAttribute("aria-label", getTranslation("import.progress"));
        status.setId("import-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        add(title, help, form, upload, new HorizontalLayout(importButton), progress, status, result);
    }

    /** A file uploaded: kept until imported, and checked at once. */
    void receive(String name, byte[] bytes) {
        file = bytes;
        fileName = name;
        check();
    }

    private void check() {
        if (form.getValue() == null || file.length == 0) {
            return;
        }
        String formKey = form.getValue();
        byte[] checked = file;
        inBackground("import.checking", p -> new Outcome(imports.dryRun(formKey, checked, p), false));
    }

    private void importNow() {
        String formKey = form.getValue();
        byte[] imported = file;
        String name = fileName;
        inBackground("import.importing", p -> {
            try {
                Outcome done = new Outcome(imports.importFile(formKey, imported, name, p), true);
                file = new byte[0];
                return done;
            } catch (ImportRefusedException e) {
                return new Outcome(e.report(), false);
            }
        });
    }

    private record Outcome(ImportReport report, boolean imported) {
    }

    /** Runs the check or the import on a virtual thread as the signed-in user, the bar following its progress. */
    private void inBackground(String statusKey, java.util.function.Function<ImportProgress, Outcome> work) {
        UI ui = UI.getCurrent();
        importButton.setEnabled(false);
        result.removeAll();
        progress.setValue(0);
        progress.setVisible(true);
        status.setText(getTranslation(statusKey));
        ui.setPollInterval(POLL_MS);
        long[] lastSent = {0};
        ImportProgress followed = (done, total) -> {
            long now = System.currentTimeMillis();
            if (done >= total || now - lastSent[0] >= PROGRESS_EVERY_MS) {
                lastSent[0] = now;
                double value = total == 0 ? 1 : (double) done / total;
                ui.access(() -> progress.setValue(value));
            }
        };
        Thread.ofVirtual().name("measurement-import").start(new DelegatingSecurityContextRunnable(() -> {
            try {
                Outcome outcome = work.apply(followed);
                ui.access(() -> {
                    finish(ui);
                    show(outcome.report(), outcome.imported());
                });
            } catch (RuntimeException e) {
                log.error("Import check or import of form {} failed", form.getValue(), e);
                ui.access(() -> {
                    finish(ui);
                    status.setText(getTranslation("import.failed"));
                });
            }
        }));
    }

    private void finish(UI ui) {
        ui.setPollInterval(-1);
        progress.setValue(1);
        progress.setVisible(false);
        status.setText("");
    }

    private void show(ImportReport report, boolean imported) {
        result.removeAll();
        importButton.setEnabled(!imported && report.importable() && report.toCreate() > 0);
        Paragraph summary = new Paragraph(imported ? getTranslation("import.done", report.created())
                : report.importable() ? getTranslation("import.ready", report.toCreate(), report.lines().size() - report.toCreate())
                : getTranslation("import.refused"));
        summary.setId("import-summary");
        result.add(summary);
        UnorderedList problems = new UnorderedList();
        report.fileProblems().forEach(p -> problems.add(new ListItem(text(p))));
        for (ImportLine line : report.lines()) {
            String outcome = getTranslation("import.outcome." + line.outcome().name());
            ListItem item = new ListItem(getTranslation("import.line", line.line(), outcome)
                    + (line.problems().isEmpty() ? "" : ": " + line.problems().stream().map(this::text).collect(Collectors.joining(" · "))));
            item.setId("import-line-" + line.line());
            item.getElement().setAttribute("data-outcome", line.outcome().name());
            problems.add(item);
        }
        result.add(problems);
    }

    private String text(ImportProblem problem) {
        return getTranslation(problem.key(), problem.arguments().toArray());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title") + " – " + getTranslation("app.name");
    }

    @org.springframework.stereotype.Component
    static class Navigation implements NavigationContributor {

        @Override
        public List<MainLayout.NavEntry> entries() {
            return List.of(new MainLayout.NavEntry("nav.import", ImportView.class, 65));
        }
    }
}
