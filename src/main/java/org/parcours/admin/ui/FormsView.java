package org.parcours.admin.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Collectors;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.FormStatus;
import org.parcours.catalog.PublishedForm;
import org.parcours.catalog.VersionInfo;
import org.parcours.security.Role;
import org.parcours.studio.ui.SharedFileView;
import org.parcours.studio.ui.StudioView;

/**
 * Administrators: each form file, its live version, and the problems of a broken file; the shared
 * lists, scales and policy with their last change; links to the studio for each.
 */
@Route("admin/forms")
@RolesAllowed(Role.ADMIN_NAME)
public class FormsView extends VerticalLayout implements HasDynamicTitle {

    public FormsView(FormCatalog catalog) {
        // grows with its two grids (a full-height layout would squeeze them)
        setWidthFull();
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        Grid<FormStatus> grid = new Grid<>();
        grid.setId("form-grid");
        grid.addColumn(FormStatus::formKey).setHeader(getTranslation("admin.forms.col.form"));
        grid.addColumn(FormStatus::sourceName).setHeader(getTranslation("admin.forms.col.file"));
        grid.addColumn(s -> s.live().map(PublishedForm::versionNumber).map(String::valueOf).orElse("–"))
                .setHeader(getTranslation("admin.forms.col.version"));
        grid.addColumn(s -> s.live().map(f -> times.format(f.publishedAt())).orElse("–"))
                .setHeader(getTranslation("admin.forms.col.published"));
        grid.addColumn(s -> s.broken() ? getTranslation("admin.forms.broken", s.problems().size()) : getTranslation("admin.forms.ok"))
                .setHeader(getTranslation("admin.forms.col.state")).setFlexGrow(2);
        grid.addComponentColumn(s -> {
            RouterLink edit = new RouterLink(getTranslation("studio.open"), StudioView.class, StudioView.parameters(s.formKey()));
            edit.setId("studio-link-" + s.formKey());
            return edit;
        }).setAutoWidth(true);
        grid.setItems(catalog.statuses());
        grid.setAllRowsVisible(true);
        add(new H2(getTranslation("admin.forms.title")), grid, new H3(getTranslation("admin.forms.shared")), sharedGrid(catalog, times));
        if (!catalog.policyProblems().isEmpty()) {
            add(new H3(getTranslation("admin.forms.problems", "policy.yaml")),
                    new Pre(catalog.policyProblems().stream().map(Object::toString).collect(Collectors.joining("\n"))));
        }
        for (FormStatus status : catalog.statuses()) {
            if (status.broken()) {
                // Pre renders text, never markup: messages may quote file content
                add(new H3(getTranslation("admin.forms.problems", status.sourceName())),
                        new Pre(status.problems().stream().map(Object::toString).collect(Collectors.joining("\n"))));
            }
        }
    }

    /** The shared lists, scales and policy, each with its last change (history kept in the database) and state. */
    private Grid<FormCatalog.SharedFileStatus> sharedGrid(FormCatalog catalog, DateTimeFormatter times) {
        Grid<FormCatalog.SharedFileStatus> shared = new Grid<>();
        shared.setId("shared-grid");
        shared.addColumn(FormCatalog.SharedFileStatus::name).setHeader(getTranslation("admin.forms.col.file")).setAutoWidth(true);
        java.util.Map<String, java.util.List<VersionInfo>> histories = new java.util.HashMap<>();
        java.util.function.Function<String, java.util.List<VersionInfo>> history = name -> histories.computeIfAbsent(name,
                catalog::sharedHistory);
        shared.addColumn(f -> history.apply(f.name()).size()).setHeader(getTranslation("admin.forms.col.version-count"));
        shared.addColumn(f -> history.apply(f.name()).stream().findFirst().map(v -> times.format(v.publishedAt())).orElse("–"))
                .setHeader(getTranslation("admin.forms.col.changed")).setAutoWidth(true);
        shared.addColumn(f -> history.apply(f.name()).stream().findFirst()
                .map(v -> v.publishedBy().orElse(getTranslation("studio.versions.file"))
                        + v.comment().map(c -> " – " + c).orElse("")).orElse("–"))
                .setHeader(getTranslation("admin.forms.col.by")).setAutoWidth(true);
        shared.addColumn(f -> f.broken() ? getTranslation("admin.forms.broken", f.problems().size()) : getTranslation("admin.forms.ok"))
                .setHeader(getTranslation("admin.forms.col.state")).setFlexGrow(2);
        shared.addComponentColumn(f -> {
            RouterLink edit = new RouterLink(getTranslation("studio.open"), SharedFileView.class, SharedFileView.parameters(f.name()));
            edit.setId("shared-link-" + f.name().replace("/", "-").replace(".yaml", ""));
            return edit;
        }).setAutoWidth(true);
        shared.setItems(catalog.sharedFiles());
        shared.setAllRowsVisible(true);
        return shared;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.forms.title") + " – " + getTranslation("app.name");
    }
}
