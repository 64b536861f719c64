package org.parcours.measurements.ui;

import java.util.List;
import java.util.stream.Collectors;

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
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.measurements.ImportLine;
import org.parcours.measurements.ImportProblem;
import org.parcours.measurements.ImportRefusedException;
import org.parcours.measurements.ImportReport;
import org.parcours.measurements.MeasurementImport;
import org.parcours.security.Role;
import org.parcours.ui.MainLayout;
import org.parcours.ui.NavigationContributor;

/**
 * Imports past measurements from a CSV file: choose the form, upload the file, check it (a dry
 * run listing each line's outcome and problems), then import it whole. Nothing is created before
 * the import button, and nothing at all when a line is refused.
 */
@Route("measurements/import")
@RolesAllowed({Role.WORKER_NAME, Role.ADMIN_NAME})
public class ImportView extends VerticalLayout implements HasDynamicTitle {

    private final MeasurementImport imports;
    private final ComboBox<String> form = new ComboBox<>();
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
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            file = bytes;
            fileName = metadata.fileName();
            check();
        }))));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".csv", "text/csv");
        importButton.setText(getTranslation("import.confirm"));
        importButton.setId("import-confirm");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setEnabled(false);
        importButton.addClickListener(e -> importNow());
        result.setId("import-result");
        add(title, help, form, upload, new HorizontalLayout(importButton), result);
    }

    private void check() {
        if (form.getValue() == null || file.length == 0) {
            return;
        }
        show(imports.dryRun(form.getValue(), file), false);
    }

    private void importNow() {
        try {
            show(imports.importFile(form.getValue(), file, fileName), true);
            file = new byte[0];
        } catch (ImportRefusedException e) {
            show(e.report(), false);
        }
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
