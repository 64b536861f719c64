package org.parcours.studio.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.parcours.catalog.VersionInfo;
import org.parcours.formdef.FormProblem;
import org.parcours.studio.FormSchemaKeys;
import org.parcours.ui.editor.YamlEditor;

/**
 * What the form studio and the shared-file studio both show, built once: the engine's problems
 * (as editor markers and as a clickable list), the publish row and the version list with its
 * "load into the editor" rollback. The ids differ per studio; the tests find them by id.
 */
final class StudioParts {

    /** The element ids of one studio's editor, problem list, publish row and version list. */
    record Ids(String editor, String status, String problems, String comment, String confirm, String publish, String versions,
               String loadVersionPrefix) {
    }

    private StudioParts() {
    }

    /**
     * The YAML editor (checked again as the user types) beside the problem panel: the draft's
     * state and its problems.
     */
    static HorizontalLayout editingRow(Component owner, Ids ids, YamlEditor editor, String editorHeight, Span status,
                                       VerticalLayout problems, Runnable recheck) {
        editor.setId(ids.editor());
        editor.setLabel(owner.getTranslation("studio.editor"));
        editor.setHint(owner.getTranslation("studio.editor.keyboard"));
        editor.setCompletions(FormSchemaKeys.all());
        editor.setWidthFull();
        editor.setHeight(editorHeight);
        editor.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                recheck.run();
            }
        });
        status.setId(ids.status());
        problems.setId(ids.problems());
        problems.setPadding(false);
        problems.setSpacing(false);
        VerticalLayout side = new VerticalLayout(new H3(owner.getTranslation("studio.problems")), status, problems);
        side.setPadding(false);
        side.setWidth("32em");
        HorizontalLayout editing = new HorizontalLayout(editor, side);
        editing.setWidthFull();
        editing.setFlexGrow(1, editor);
        return editing;
    }

    /** The problems found in the edited file itself, as markers for the editor. */
    static List<YamlEditor.Problem> editorProblems(List<FormProblem> problems, String editedSource) {
        return problems.stream().filter(p -> p.at().source().equals(editedSource))
                .map(p -> new YamlEditor.Problem(p.at().line(), p.at().column(), "[" + p.code().code() + "] " + p.message()
                        + (p.hint().isEmpty() ? "" : " – " + p.hint())))
                .toList();
    }

    /** One problem as a line of the problem list; a problem of the edited file selects its line when clicked. */
    static Span problemLine(FormProblem problem, String editedSource, YamlEditor editor) {
        boolean here = problem.at().source().equals(editedSource);
        String where = (here ? "" : problem.at().source() + ":") + problem.at().line() + ":" + problem.at().column();
        Span line = new Span(where + " [" + problem.code().code() + "] " + problem.message()
                + (problem.hint().isEmpty() ? "" : " – " + problem.hint()));
        line.addClassName("studio-problem");
        if (here) {
            line.addClassName("studio-problem-here");
            line.addClickListener(e -> editor.selectLine(problem.at().line()));
        }
        return line;
    }

    /** The comment, the "existing data is affected" confirmation (hidden until needed) and the publish button. */
    static HorizontalLayout publishRow(Component owner, Ids ids, TextField comment, Checkbox confirm, Runnable publish) {
        comment.setId(ids.comment());
        comment.setLabel(owner.getTranslation("studio.publish.comment"));
        comment.setMaxLength(1000);
        comment.setWidth("30em");
        confirm.setId(ids.confirm());
        confirm.setLabel(owner.getTranslation("studio.publish.confirm"));
        confirm.setVisible(false);
        Button button = new Button(owner.getTranslation("studio.publish"), e -> publish.run());
        button.setId(ids.publish());
        button.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout row = new HorizontalLayout(comment, confirm, button);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    /**
     * The published versions (who, when, comment); "load" puts a version's text in the editor with
     * a rollback comment, to be republished as a new version.
     */
    static Grid<VersionInfo> versionsGrid(Component owner, Locale locale, Ids ids, Grid<VersionInfo> versions,
                                          LongFunction<String> versionText, YamlEditor editor, TextField comment, Runnable recheck) {
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneId.systemDefault());
        versions.setId(ids.versions());
        versions.addColumn(VersionInfo::versionNumber).setHeader(owner.getTranslation("studio.versions.number")).setAutoWidth(true);
        versions.addColumn(v -> times.format(v.publishedAt())).setHeader(owner.getTranslation("studio.versions.when")).setAutoWidth(true);
        versions.addColumn(v -> v.publishedBy().orElse(owner.getTranslation("studio.versions.file")))
                .setHeader(owner.getTranslation("studio.versions.who")).setAutoWidth(true);
        versions.addColumn(v -> v.comment().orElse("")).setHeader(owner.getTranslation("studio.versions.comment")).setFlexGrow(2);
        versions.addComponentColumn(v -> {
            Button load = new Button(owner.getTranslation("studio.versions.load"), e -> {
                editor.setValue(versionText.apply(v.versionId()));
                comment.setValue(owner.getTranslation("studio.versions.rollback-comment", v.versionNumber()));
                recheck.run();
            });
            load.setId(ids.loadVersionPrefix() + v.versionNumber());
            return load;
        }).setAutoWidth(true);
        versions.setAllRowsVisible(true);
        return versions;
    }
}
