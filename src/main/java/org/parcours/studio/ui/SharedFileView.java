package org.parcours.studio.ui;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.catalog.StaleFileException;
import org.parcours.catalog.VersionInfo;
import org.parcours.formdef.FormDefinitionException;
import org.parcours.formdef.FormProblem;
import org.parcours.security.Role;
import org.parcours.studio.FormDiff;
import org.parcours.formdef.LocalizedText;
import org.parcours.studio.SharedFileStudio;
import org.parcours.studio.SharedValues;
import org.parcours.studio.YamlEdits;
import org.parcours.ui.editor.YamlEditor;

/**
 * The studio for a shared file of the forms folder: an option list, a scale, a programme or policy.yaml. The
 * text is checked by the engine with the whole folder (a change that breaks a form is a problem),
 * the changes it brings to each form using it are listed, and it is published back to its file
 * under the same rule as a form file.
 */
@Route("admin/files/:folder(lists|scales|programmes|policy)/:name?([a-z0-9][a-z0-9_-]{0,79})")
@RolesAllowed(Role.ADMIN_NAME)
public class SharedFileView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String FOLDER = "folder";
    static final String NAME = "name";
    private static final List<String> COLOURS = List.of("green", "amber", "red", "neutral");

    private static final StudioParts.Ids IDS =
            new StudioParts.Ids("shared-editor", "shared-status", "shared-problems", "shared-comment", "shared-confirm", "shared-publish",
                    "shared-versions", "load-shared-version-");

    private final SharedFileStudio studio;

    private SharedFileStudio.Draft draft;
    private SharedFileStudio.Check checked;

    private final YamlEditor editor = new YamlEditor();
    private final Span status = new Span();
    private final VerticalLayout problems = new VerticalLayout();
    private final VerticalLayout changes = new VerticalLayout();
    private final Span usedBy = new Span();
    private final Div valueGrid = new Div();
    private final Select<String> relabelCode = new Select<>();
    private final Select<String> policyPath = new Select<>();
    private final TextField policyValue = new TextField();
    private final TextField comment = new TextField();
    private final Checkbox confirm = new Checkbox();
    private final Span message = new Span();
    private final Grid<VersionInfo> versions = new Grid<>();

    public SharedFileView(SharedFileStudio studio) {
        this.studio = studio;
        setWidthFull();
    }

    /** The route parameters of a shared file's studio, e.g. "lists/priority-levels.yaml" or "policy.yaml". */
    public static RouteParameters parameters(String fileName) {
        if (!fileName.contains("/")) {
            return new RouteParameters(FOLDER, fileName.replace(".yaml", ""));
        }
        String folder = fileName.substring(0, fileName.indexOf('/'));
        String name = fileName.substring(fileName.indexOf('/') + 1).replace(".yaml", "");
        return new RouteParameters(Map.of(FOLDER, folder, NAME, name));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String folder = event.getRouteParameters().get(FOLDER).orElseThrow();
        if (!folder.equals("policy") && event.getRouteParameters().get(NAME).isEmpty()) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        String name = folder.equals("policy") ? "policy.yaml"
                : folder + "/" + event.getRouteParameters().get(NAME).orElse("") + ".yaml";
        removeAll();
        draft = studio.open(name);
        build();
        editor.setValue(draft.text());
        recheck();
    }

    private void build() {
        HorizontalLayout editing = StudioParts.editingRow(this, IDS, editor, "60vh", status, problems, this::recheck);
        changes.setId("shared-diff");
        changes.setPadding(false);
        changes.setSpacing(false);
        usedBy.setId("shared-used-by");
        message.setId("shared-message");
        add(new H2(getTranslation("studio.shared.title", draft.name())), usedBy);
        if (draft.scale() || draft.name().startsWith("lists/")) {
            // the values first, in a grid: the YAML below shows every change as it is made
            valueGrid.setId("shared-values");
            valueGrid.addClassName("shared-values");
            Span codeHint = new Span(getTranslation("studio.values.code-hint"));
            codeHint.addClassNames("text-secondary", "text-small");
            add(new H3(getTranslation(draft.scale() ? "studio.values" : "studio.values.options")), valueGrid, codeHint, valueForm(),
                    editing);
        } else {
            add(editing, new H3(getTranslation("studio.edits")));
            add(draft.policy() ? policyForm() : valueForm());
            if (!draft.policy()) {
                add(relabelForm());
            }
        }
        add(new H3(getTranslation("studio.shared.diff")), changes, StudioParts.publishRow(this, IDS, comment, confirm, this::publish),
                message, new H3(getTranslation("studio.versions")),
                StudioParts.versionsGrid(this, getLocale(), IDS, versions, id -> studio.versionText(draft.name(), id), editor, comment, this::recheck));
        List<String> using = studio.formsUsing(draft.name());
        usedBy.setText(draft.policy() ? getTranslation("studio.shared.policy-note")
                : getTranslation("studio.shared.used-by", using.isEmpty() ? "–" : String.join(", ", using)));
    }

    private HorizontalLayout valueForm() {
        TextField code = field("value-code", "studio.field.code");
        TextField fr = field("value-fr", "studio.field.fr");
        TextField nl = field("value-nl", "studio.field.nl");
        TextField en = field("value-en", "studio.field.en");
        Select<String> colour = new Select<>();
        colour.setId("value-colour");
        colour.setLabel(getTranslation("studio.value.colour"));
        colour.setItems(COLOURS);
        colour.setValue("neutral");
        Checkbox problem = new Checkbox(getTranslation("studio.value.problem"));
        problem.setId("value-problem");
        colour.setVisible(draft.scale());
        problem.setVisible(draft.scale());
        Button add = new Button(getTranslation(draft.scale() ? "studio.value.add" : "studio.option.add"), e -> {
            if (code.getValue().isBlank() || fr.getValue().isBlank() || nl.getValue().isBlank() || en.getValue().isBlank()) {
                say(getTranslation("studio.edit.fill-all"), true);
                return;
            }
            edit(() -> YamlEdits.addValue(editor.getValue(), code.getValue(), fr.getValue(), nl.getValue(), en.getValue(),
                    Optional.ofNullable(colour.getValue()), problem.getValue()), code, fr, nl, en);
        });
        add.setId("value-add");
        HorizontalLayout row = new HorizontalLayout(code, fr, nl, en, colour, problem, add);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private HorizontalLayout relabelForm() {
        relabelCode.setId("relabel-code");
        relabelCode.setLabel(getTranslation("studio.field.code"));
        TextField fr = field("relabel-fr", "studio.field.fr");
        TextField nl = field("relabel-nl", "studio.field.nl");
        TextField en = field("relabel-en", "studio.field.en");
        Button apply = new Button(getTranslation("studio.labels.apply"), e -> edit(() -> YamlEdits.setValueLabels(editor.getValue(),
                relabelCode.getValue(), fr.getValue(), nl.getValue(), en.getValue()), fr, nl, en));
        apply.setId("relabel-apply");
        HorizontalLayout row = new HorizontalLayout(relabelCode, fr, nl, en, apply);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private HorizontalLayout policyForm() {
        policyPath.setId("policy-path");
        policyPath.setLabel(getTranslation("studio.policy.path"));
        policyPath.setWidth("26em");
        policyValue.setId("policy-value");
        policyValue.setLabel(getTranslation("studio.policy.value"));
        policyPath.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                policyValue.setValue(studio.policyValues(editor.getValue()).getOrDefault(e.getValue(), ""));
            }
        });
        Button set = new Button(getTranslation("studio.policy.set"), e -> {
            String path = policyPath.getValue();
            String old = studio.policyValues(editor.getValue()).getOrDefault(path == null ? "" : path, "");
            String now = policyValue.getValue().strip();
            Optional<String> refused = path == null ? Optional.of(getTranslation("studio.policy.no-path")) : sameKind(old, now);
            if (refused.isPresent()) {
                say(refused.get(), true);
                return;
            }
            edit(() -> YamlEdits.setPolicyValue(editor.getValue(), path, now));
        });
        set.setId("policy-set");
        HorizontalLayout row = new HorizontalLayout(policyPath, policyValue, set);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    /**
     * The engine accepts any number, period or text in policy.yaml; the features read a value as
     * a whole number or a period, so a change keeps the value's kind.
     */
    private Optional<String> sameKind(String old, String now) {
        if (now.isEmpty()) {
            return Optional.of(getTranslation("studio.policy.empty"));
        }
        if (old.matches("-?\\d+") && !now.matches("-?\\d+")) {
            return Optional.of(getTranslation("studio.policy.not-number", now));
        }
        if (old.startsWith("P")) {
            try {
                Period.parse(now);
            } catch (DateTimeParseException e) {
                return Optional.of(getTranslation("studio.policy.not-period", now));
            }
        }
        return Optional.empty();
    }

    private TextField field(String id, String labelKey) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        return field;
    }

    private void edit(Supplier<String> change, TextField... fields) {
        message.setText("");
        try {
            editor.setValue(change.get());
            recheck();
            for (TextField field : fields) {
                field.clear();
            }
        } catch (YamlEdits.EditException e) {
            say(getTranslation(e.key(), e.args()), true);
        }
    }



    private void recheck() {
        checked = studio.check(draft.name(), editor.getValue());
        problems.removeAll();
        editor.setProblems(StudioParts.editorProblems(checked.problems(), draft.name()));
        if (checked.valid()) {
            status.setText(getTranslation("studio.valid"));
            status.getClassNames().set("text-error", false);
            status.addClassName("text-success");
        } else {
            status.setText(getTranslation("studio.invalid", checked.problems().size()));
            status.getClassNames().set("text-success", false);
            status.addClassName("text-error");
            for (FormProblem problem : checked.problems()) {
                problems.add(StudioParts.problemLine(problem, draft.name(), editor));
            }
        }
        fillChoices();
        fillValues();
        showChanges();
        versions.setItems(studio.history(draft.name()));
    }

    private void fillChoices() {
        if (draft.policy()) {
            String path = policyPath.getValue();
            List<String> paths = List.copyOf(studio.policyValues(editor.getValue()).keySet());
            if (!paths.isEmpty()) {
                policyPath.setItems(paths);
                policyPath.setValue(path != null && paths.contains(path) ? path : null);
            }
            return;
        }
        List<String> codes = editor.getValue().lines().map(String::strip).filter(l -> l.startsWith("- code:"))
                .map(l -> l.substring("- code:".length()).strip().replace("\"", "")).toList();
        String code = relabelCode.getValue();
        relabelCode.setItems(codes);
        relabelCode.setValue(code != null && codes.contains(code) ? code : codes.isEmpty() ? null : codes.getFirst());
    }

    /**
     * The grid of values of a scale or list, as written in the draft: code, labels fr/nl/en and,
     * for a scale, colour and problem mark. Each change is one minimal edit of the draft.
     */
    private void fillValues() {
        if (valueGrid.getId().isEmpty()) {
            return;
        }
        valueGrid.removeAll();
        Optional<SharedValues> read = SharedValues.read(editor.getValue());
        if (read.isEmpty()) {
            valueGrid.add(new Span(getTranslation("studio.diff.invalid")));
            return;
        }
        boolean scale = read.get().scale();
        valueGrid.getClassNames().set("shared-values-scale", scale);
        head(getTranslation("studio.field.code"));
        for (String language : LocalizedText.LANGUAGES) {
            head(getTranslation("studio.field." + language));
        }
        if (scale) {
            head(getTranslation("studio.value.colour"));
            head(getTranslation("studio.value.problem"));
        }
        head("");
        List<SharedValues.Value> values = read.get().values();
        for (int i = 0; i < values.size(); i++) {
            SharedValues.Value value = values.get(i);
            String code = value.code();
            String prefix = "value-row-" + i + "-";
            TextField codeField = cell(prefix + "code", getTranslation("studio.field.code"), code);
            codeField.addValueChangeListener(e -> {
                if (e.getValue().isBlank()) {
                    say(getTranslation("studio.edit.fill-all"), true);
                    return;
                }
                edit(() -> YamlEdits.setValueCode(editor.getValue(), code, e.getValue()));
            });
            List<TextField> labels = LocalizedText.LANGUAGES.stream()
                    .map(l -> cell(prefix + l, getTranslation("studio.field." + l), value.label(l))).toList();
            labels.forEach(f -> f.addValueChangeListener(e -> edit(() -> YamlEdits.setValueLabels(editor.getValue(), code,
                    labels.get(0).getValue(), labels.get(1).getValue(), labels.get(2).getValue()))));
            valueGrid.add(codeField);
            labels.forEach(valueGrid::add);
            if (scale) {
                Select<String> colour = new Select<>();
                colour.setId(prefix + "colour");
                colour.setAriaLabel(getTranslation("studio.value.colour") + " " + code);
                colour.setItems(COLOURS);
                colour.setValue(value.colour().isEmpty() ? "neutral" : value.colour());
                colour.addClassName("scale-" + colour.getValue());
                colour.addClassName("shared-value-colour");
                colour.addValueChangeListener(e -> edit(() -> YamlEdits.setValueKey(editor.getValue(), code, "colour",
                        Optional.of(e.getValue()))));
                Checkbox problem = new Checkbox();
                problem.setId(prefix + "problem");
                problem.setAriaLabel(getTranslation("studio.value.problem") + " " + code);
                problem.setValue(value.problem());
                problem.addValueChangeListener(e -> edit(() -> YamlEdits.setValueKey(editor.getValue(), code, "problem",
                        e.getValue() ? Optional.of("true") : Optional.empty())));
                valueGrid.add(colour, problem);
            }
            Button remove = new Button("✕", e -> edit(() -> YamlEdits.deleteValue(editor.getValue(), code)));
            remove.setId(prefix + "remove");
            remove.setAriaLabel(getTranslation("studio.values.remove", code));
            remove.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
            valueGrid.add(remove);
        }
    }

    private void head(String text) {
        Span head = new Span(text);
        head.addClassName("shared-values-head");
        valueGrid.add(head);
    }

    private static TextField cell(String id, String label, String value) {
        TextField field = new TextField();
        field.setId(id);
        field.setAriaLabel(label);
        field.setValue(value);
        return field;
    }

    private void showChanges() {
        changes.removeAll();
        confirm.setVisible(false);
        confirm.setValue(false);
        if (!checked.valid()) {
            changes.add(new Span(getTranslation("studio.diff.invalid")));
            return;
        }
        if (draft.policy()) {
            changes.add(new Span(getTranslation("studio.shared.policy-note")));
            return;
        }
        if (checked.formChanges().isEmpty()) {
            changes.add(new Span(getTranslation("studio.diff.none")));
            return;
        }
        checked.formChanges().forEach((form, list) -> {
            for (FormDiff.Change change : list) {
                Span line = new Span(form + " – " + ChangeText.describe(this, change));
                line.addClassName("studio-change");
                Integer count = checked.affected().get(change);
                if (count != null && count > 0) {
                    line.setText(line.getText() + " – " + getTranslation("studio.diff.affected", count));
                    line.addClassName("studio-warning");
                    line.addClassName("text-error");
                }
                changes.add(line);
            }
        });
        confirm.setVisible(checked.affected().values().stream().anyMatch(c -> c > 0));
    }

    private void publish() {
        message.setText("");
        if (!checked.valid()) {
            say(getTranslation("studio.publish.invalid"), true);
            return;
        }
        if (comment.getValue().isBlank()) {
            say(getTranslation("studio.publish.no-comment"), true);
            return;
        }
        if (confirm.isVisible() && !confirm.getValue()) {
            say(getTranslation("studio.publish.confirm-first"), true);
            return;
        }
        try {
            studio.publish(draft, editor.getValue(), comment.getValue());
            draft = studio.open(draft.name());
            comment.clear();
            recheck();
            say(getTranslation("studio.shared.published", draft.name()), false);
        } catch (StaleFileException e) {
            say(getTranslation("studio.publish.stale", draft.name()), true);
        } catch (FormDefinitionException e) {
            say(getTranslation("studio.publish.invalid"), true);
        }
    }

    private void say(String text, boolean error) {
        message.getClassNames().set("text-error", error);
        message.getClassNames().set("text-success", !error);
        message.setText(text);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("studio.shared.title", draft == null ? "" : draft.name()) + " – " + getTranslation("app.name");
    }
}
