package org.parcours.studio.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;

import org.parcours.formdef.DataCategory;
import org.parcours.formdef.LegalBasis;
import org.parcours.formdef.LocalizedText;
import org.parcours.formdef.Retention;
import org.parcours.formrun.ItemState;
import org.parcours.security.Role;
import org.parcours.studio.FormOutline;
import org.parcours.studio.YamlEdits;

/**
 * The builder's properties panel for one section or item: every key of the form language for its
 * type, as written in the draft. Each change is one {@link YamlEdits} edit of the draft text; the
 * engine's problems on the item's lines are shown at the key they concern, and expressions are
 * evaluated against the preview's sample answers.
 */
final class BuilderProperties extends VerticalLayout {

    static final List<String> TYPES = List.of("scale", "choice", "multi-choice", "text", "integer", "decimal", "money", "date",
            "yes-no", "note", "repeat", "computed");

    private static final List<String> FUNCTIONS = List.of("size()", "has()", "int()", "double()", "string()",
            "timestamp('2026-01-31T00:00:00Z')", ".startsWith('')", ".contains('')", ".matches('')", ".exists(r, )", ".all(r, )",
            "&&", "||", "!", "==", "!=", ">=", "<=");

    /** What the panel needs from the builder: the draft, the edit path, the choices of the folder, sample answers. */
    interface Host {
        void edit(UnaryOperator<String> change);

        List<String> scales();

        List<String> lists();

        Optional<FormOutline> outline();

        /** The state of an item with the sample answers (its first row inside a repeat), if the draft is valid. */
        Optional<ItemState> sampleState(String id);

        Optional<Boolean> sectionVisible(String id);

        /** Whether the live version of the form has this item (its answers may be stored under the id). */
        boolean published(String itemId);

        /** Renames an item or section (checked, selected under its new id). */
        void rename(String oldId, String newId);
    }

    private static final String ID_PATTERN = "[a-z][a-z0-9_-]{0,79}";

    private final Host host;
    private final FormLayout form = new FormLayout();
    private Optional<FormOutline.Node> shown = Optional.empty();
    private Map<String, List<String>> problems = Map.of();

    BuilderProperties(Host host) {
        this.host = host;
        setId("builder-properties");
        setPadding(false);
        // labels above the fields: the column stays narrow beside the tree and the preview (styles.css)
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1, FormLayout.ResponsiveStep.LabelsPosition.TOP));
    }

    /** Shows a node's properties; {@code problems}: key ("" for the entry itself) to the engine's messages. */
    void show(Optional<FormOutline.Node> node, Map<String, List<String>> problemsByKey) {
        shown = node;
        problems = problemsByKey;
        removeAll();
        form.removeAll();
        if (node.isEmpty()) {
            add(new Span(getTranslation("builder.properties.none")));
            return;
        }
        FormOutline.Node n = node.get();
        if (n.kind() == FormOutline.Kind.FORM) {
            Span hint = new Span(getTranslation("builder.properties.none"));
            hint.setId("builder-properties-hint");
            add(hint);
        }
        add(new H4(n.kind() == FormOutline.Kind.FORM ? getTranslation("builder.form.properties", n.value("form"))
                : getTranslation("builder.properties", n.id())));
        List<String> unplaced = problems.entrySet().stream().filter(e -> !placed(n, e.getKey()))
                .flatMap(e -> e.getValue().stream()).toList();
        if (!unplaced.isEmpty()) {
            Span all = problemSpan("prop-problems", String.join(" · ", unplaced));
            add(all);
        }
        switch (n.kind()) {
            case FORM -> {
                idList(n, "retired", "", (t, ids) -> YamlEdits.setFormKey(t, "retired", YamlEdits.idList(ids)));
                privacy(n);
            }
            case SECTION -> {
                id(n);
                texts(n, "title");
                texts(n, "description");
                expression(n, "visible-when");
                privacy(n);
            }
            case ITEM -> item(n);
        }
        add(form);
    }


    private static boolean placed(FormOutline.Node n, String key) {
        if (n.kind() == FormOutline.Kind.FORM) {
            return List.of("retired", "privacy").contains(key);
        }
        return !key.isEmpty() && List.of("title", "description", "visible-when", "type", "id", "label", "text", "help", "scale", "list",
                "options", "required", "required-when", "default", "constraints", "prefill", "sensitive", "min", "max", "multiline",
                "max-length", "pattern", "pattern-message", "expression", "privacy", "was").contains(key);
    }

    private void item(FormOutline.Node n) {
        Select<String> type = new Select<>();
        type.setId("prop-type");
        type.setAriaLabel(getTranslation("builder.prop.type"));
        type.setItems(TYPES);
        type.setItemLabelGenerator(t -> getTranslation("builder.type." + t));
        if (TYPES.contains(n.type())) {
            type.setValue(n.type());
        }
        type.addValueChangeListener(e -> host.edit(t -> YamlEdits.setKey(t, n.id(), "type", Optional.of(e.getValue()))));
        row("type", type);
        id(n);
        String kind = n.type();
        if (kind.equals("note")) {
            texts(n, "text");
            expression(n, "visible-when");
            return;
        }
        texts(n, "label");
        texts(n, "help");
        switch (kind) {
            case "scale" -> choice(n, "scale", host.scales(), false);
            case "choice", "multi-choice" -> {
                choice(n, "list", host.lists(), true);
                if (n.value("list").isEmpty()) {
                    options(n);
                }
            }
            case "text" -> {
                checkbox(n, "multiline");
                scalar(n, "max-length");
                scalar(n, "pattern");
                texts(n, "pattern-message");
            }
            case "integer", "decimal", "money", "date" -> {
                scalar(n, "min");
                scalar(n, "max");
            }
            case "repeat" -> {
                scalar(n, "min");
                scalar(n, "max");
            }
            case "computed" -> expression(n, "expression");
            default -> {
            }
        }
        expression(n, "visible-when");
        if (!kind.equals("computed")) {
            checkbox(n, "required");
            expression(n, "required-when");
            if (!kind.equals("repeat")) {
                scalar(n, "default");
                constraints(n);
            }
            checkbox(n, "prefill");
        }
        sensitive(n);
        idList(n, "was", n.id(), (t, ids) -> YamlEdits.setKey(t, n.id(), "was", YamlEdits.idList(ids)));
        privacy(n);
    }

    /**
     * The id with a rename button. An item of the live version keeps its answers: the rename
     * writes the old id under {@code was:} (forms/README.md, "Renaming an id safely").
     */
    private void id(FormOutline.Node n) {
        TextField id = new TextField();
        id.setId("prop-id");
        id.setAriaLabel(getTranslation("builder.prop.id"));
        id.setValue(n.id());
        boolean published = n.kind() == FormOutline.Kind.ITEM && host.published(n.id());
        id.setHelperText(getTranslation(n.kind() == FormOutline.Kind.SECTION ? "builder.prop.id.section"
                : published ? "builder.prop.id.published" : "builder.prop.id.unpublished"));
        Button rename = new Button(getTranslation("builder.rename"), e -> {
            String wanted = id.getValue().strip();
            if (wanted.equals(n.id())) {
                return;
            }
            if (!wanted.matches(ID_PATTERN)) {
                id.setInvalid(true);
                id.setErrorMessage(getTranslation("builder.palette.bad-id", wanted));
                return;
            }
            host.rename(n.id(), wanted);
        });
        rename.setId("prop-rename");
        HorizontalLayout line = new HorizontalLayout(id, rename);
        line.addClassName("builder-id-line");
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        row("id", line);
    }

    /** A list of ids ({@code was:} of an item, {@code retired:} of the form), comma separated; each checked as an id. */
    private void idList(FormOutline.Node n, String key, String self, java.util.function.BiFunction<String, List<String>, String> write) {
        TextField field = new TextField();
        field.setId("prop-" + key);
        field.setAriaLabel(getTranslation("builder.prop." + key));
        field.setValue(n.value(key));
        field.setHelperText(getTranslation("builder.prop." + key + ".hint"));
        field.addValueChangeListener(e -> {
            List<String> ids = Arrays.stream(e.getValue().split(",")).map(String::strip).filter(i -> !i.isEmpty()).distinct().toList();
            Optional<String> bad = ids.stream().filter(i -> !i.matches(ID_PATTERN) || i.equals(self)).findFirst();
            if (bad.isPresent()) {
                field.setInvalid(true);
                field.setErrorMessage(getTranslation(bad.get().equals(self) ? "builder.prop.was.self" : "builder.prop.ids.bad", bad.get()));
                return;
            }
            host.edit(t -> write.apply(t, ids));
        });
        markInvalid(key, field);
        row(key, field);
    }

    /**
     * The privacy declaration of the form, a section or an item (forms/README.md, "Privacy"): data
     * categories, legal basis, purpose and retention; what it does not say comes from above.
     */
    private void privacy(FormOutline.Node n) {
        String id = n.id();
        Map<String, String> p = n.privacy();
        MultiSelectComboBox<String> categories = new MultiSelectComboBox<>(getTranslation("builder.privacy.categories"));
        categories.setId("prop-privacy-categories");
        List<String> known = new ArrayList<>(DataCategory.yamlNames());
        List<String> written = Arrays.stream(p.getOrDefault("categories", "").split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();
        written.stream().filter(c -> !known.contains(c)).forEach(known::add);
        categories.setItems(known);
        categories.setItemLabelGenerator(c -> DataCategory.yamlNames().contains(c) ? getTranslation("privacy.category." + c) : c);
        categories.setValue(new java.util.LinkedHashSet<>(written));
        categories.addValueChangeListener(e -> host.edit(t -> YamlEdits.setPrivacyKey(t, id, "categories",
                YamlEdits.idList(known.stream().filter(e.getValue()::contains).toList()))));

        Select<String> basis = optionalSelect("prop-privacy-legal-basis", "builder.privacy.legal-basis", LegalBasis.yamlNames(),
                "privacy.basis.", p.getOrDefault("legal-basis", ""));
        basis.addValueChangeListener(e -> host.edit(t -> YamlEdits.setPrivacyKey(t, id, "legal-basis",
                e.getValue() == null || e.getValue().isEmpty() ? Optional.empty() : Optional.of(e.getValue()))));

        List<TextField> purpose = new ArrayList<>();
        for (String language : LocalizedText.LANGUAGES) {
            TextField field = new TextField(getTranslation("builder.privacy.purpose", getTranslation("builder.lang." + language)));
            field.setId("prop-privacy-purpose-" + language);
            field.setValue(p.getOrDefault("purpose." + language, ""));
            purpose.add(field);
        }
        purpose.forEach(f -> f.addValueChangeListener(e -> host.edit(t -> YamlEdits.setPrivacyPurpose(t, id,
                purpose.get(0).getValue(), purpose.get(1).getValue(), purpose.get(2).getValue()))));
        VerticalLayout purposes = new VerticalLayout(purpose.toArray(Component[]::new));
        purposes.setPadding(false);
        purposes.setSpacing(false);
        purposes.addClassName("builder-languages");

        TextField keep = new TextField(getTranslation("builder.privacy.keep"));
        keep.setId("prop-privacy-keep");
        keep.setValue(p.getOrDefault("retention.keep", ""));
        keep.setHelperText(getTranslation("builder.privacy.keep.hint"));
        Select<String> after = optionalSelect("prop-privacy-after", "builder.privacy.after", Retention.Event.yamlNames(), "privacy.event.",
                p.getOrDefault("retention.after", ""));
        Select<String> then = optionalSelect("prop-privacy-then", "builder.privacy.then", List.of("erase", "anonymise"), "privacy.action.",
                p.getOrDefault("retention.then", ""));
        Runnable retention = () -> host.edit(t -> YamlEdits.setPrivacyKey(t, id, "retention", retentionYaml(keep.getValue(),
                after.getValue(), then.getValue())));
        keep.addValueChangeListener(e -> retention.run());
        after.addValueChangeListener(e -> retention.run());
        then.addValueChangeListener(e -> retention.run());

        VerticalLayout block = new VerticalLayout(categories, basis, purposes, keep, after, then);
        block.setId("prop-privacy");
        block.setPadding(false);
        block.setSpacing(false);
        block.addClassName("builder-privacy");
        markInvalid("privacy", categories);
        row("privacy", block);
    }

    /** {@code { keep: P5Y, after: file-closed, then: erase }} with the parts given; none: no retention. */
    static Optional<String> retentionYaml(String keep, String after, String then) {
        List<String> parts = new ArrayList<>();
        if (keep != null && !keep.isBlank()) {
            parts.add("keep: " + keep.strip());
        }
        if (after != null && !after.isEmpty()) {
            parts.add("after: " + after);
        }
        if (then != null && !then.isEmpty()) {
            parts.add("then: " + then);
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of("{ " + String.join(", ", parts) + " }");
    }

    /** A select of yaml names with "not said here" first; a value written but unknown is kept as a choice. */
    private Select<String> optionalSelect(String id, String labelKey, List<String> names, String labelPrefix, String value) {
        Select<String> select = new Select<>();
        select.setId(id);
        select.setLabel(getTranslation(labelKey));
        List<String> items = new ArrayList<>(List.of(""));
        items.addAll(names);
        if (!value.isEmpty() && !names.contains(value)) {
            items.add(value);
        }
        select.setItems(items);
        select.setItemLabelGenerator(v -> v.isEmpty() ? getTranslation("builder.privacy.inherited")
                : names.contains(v) ? getTranslation(labelPrefix + v) : v);
        select.setValue(value);
        return select;
    }

    private void texts(FormOutline.Node n, String key) {
        List<TextField> fields = new ArrayList<>();
        for (String language : LocalizedText.LANGUAGES) {
            TextField field = new TextField(getTranslation("builder.lang." + language));
            field.setId("prop-" + key + "-" + language);
            field.setValue(n.text(key, language));
            fields.add(field);
        }
        fields.forEach(f -> f.addValueChangeListener(e -> host.edit(t -> YamlEdits.setTexts(t, n.id(), key,
                fields.get(0).getValue(), fields.get(1).getValue(), fields.get(2).getValue()))));
        HorizontalLayout side = new HorizontalLayout(fields.toArray(Component[]::new));
        side.setWidthFull();
        side.addClassName("builder-languages");
        markInvalid(key, fields.getFirst());
        row(key, side);
    }

    private void scalar(FormOutline.Node n, String key) {
        TextField field = new TextField();
        field.setId("prop-" + key);
        field.setValue(n.value(key));
        field.addValueChangeListener(e -> host.edit(t -> YamlEdits.setText(t, n.id(), key, e.getValue())));
        markInvalid(key, field);
        row(key, field);
    }

    private void checkbox(FormOutline.Node n, String key) {
        Checkbox box = new Checkbox(getTranslation("builder.prop." + key));
        box.setId("prop-" + key);
        box.setValue(key.equals("prefill") ? !n.value(key).isEmpty() : n.value(key).equals("true"));
        box.addValueChangeListener(e -> host.edit(t -> YamlEdits.setKey(t, n.id(), key,
                e.getValue() ? Optional.of(key.equals("prefill") ? "last-evaluation" : "true") : Optional.empty())));
        row(key, box);
    }

    private void choice(FormOutline.Node n, String key, List<String> ids, boolean optional) {
        Select<String> select = new Select<>();
        select.setId("prop-" + key);
        List<String> items = new ArrayList<>();
        if (optional) {
            items.add("");
        }
        items.addAll(ids);
        if (!n.value(key).isEmpty() && !items.contains(n.value(key))) {
            items.add(n.value(key));
        }
        select.setItems(items);
        select.setItemLabelGenerator(v -> v.isEmpty() ? getTranslation("builder.prop.list.own") : v);
        select.setValue(n.value(key).isEmpty() && optional ? "" : n.value(key).isEmpty() ? null : n.value(key));
        select.addValueChangeListener(e -> host.edit(t -> {
            String changed = YamlEdits.setText(t, n.id(), key, e.getValue());
            // a shared list replaces the item's own options, and the other way round
            return key.equals("list") && !e.getValue().isEmpty() ? YamlEdits.setOptions(changed, n.id(), List.of())
                    : key.equals("list") ? YamlEdits.setOptions(changed, n.id(), List.of(List.of("a", "A", "A", "A"))) : changed;
        }));
        markInvalid(key, select);
        VerticalLayout cell = new VerticalLayout(select);
        cell.setPadding(false);
        cell.setSpacing(false);
        if (!n.value(key).isEmpty() && ids.contains(n.value(key))) {
            // the values of a shared scale or list are edited in its own studio, with the forms that use it
            RouterLink open = new RouterLink(getTranslation("studio.values.open", n.value(key)), SharedFileView.class,
                    SharedFileView.parameters((key.equals("scale") ? "scales/" : "lists/") + n.value(key) + ".yaml"));
            open.setId("prop-" + key + "-open");
            cell.add(open);
        }
        row(key, cell);
    }

    private void expression(FormOutline.Node n, String key) {
        TextField field = new TextField();
        field.setId("prop-" + key);
        field.setValue(n.value(key));
        field.setWidthFull();
        field.addValueChangeListener(e -> host.edit(t -> YamlEdits.setExpression(t, n.id(), key, e.getValue())));
        markInvalid(key, field);
        ComboBox<String> insert = new ComboBox<>();
        insert.setId("prop-insert-" + key);
        insert.setPlaceholder(getTranslation("builder.expression.insert"));
        insert.setAriaLabel(getTranslation("builder.expression.insert"));
        List<String> tokens = new ArrayList<>();
        Map<String, String> types = new java.util.HashMap<>();
        host.outline().ifPresent(o -> o.all().filter(i -> i.kind() == FormOutline.Kind.ITEM && !i.type().equals("note"))
                .forEach(i -> {
                    tokens.add(i.id());
                    types.put(i.id(), i.type());
                }));
        tokens.addAll(FUNCTIONS);
        insert.setItems(tokens);
        insert.setItemLabelGenerator(v -> types.containsKey(v)
                ? getTranslation("builder.expression.item", v, getTranslation("builder.type." + types.get(v))) : v);
        insert.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                String before = field.getValue();
                field.setValue(before.isBlank() ? e.getValue() : before.stripTrailing() + " " + e.getValue());
            }
        });
        HorizontalLayout line = new HorizontalLayout(field, insert);
        line.setWidthFull();
        line.setFlexGrow(1, field);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout block = new VerticalLayout(line);
        block.setPadding(false);
        block.setSpacing(false);
        if (!n.value(key).isBlank()) {
            Span value = new Span(evaluation(n, key));
            value.setId("prop-evaluates-" + key);
            value.addClassName("builder-evaluates");
            block.add(value);
        }
        row(key, block);
    }

    /** What an expression gives with the preview's sample answers, in words. */
    private String evaluation(FormOutline.Node n, String key) {
        if (n.kind() == FormOutline.Kind.SECTION) {
            return host.sectionVisible(n.id()).map(v -> getTranslation(v ? "builder.evaluates.shown" : "builder.evaluates.hidden"))
                    .orElse(getTranslation("builder.evaluates.unknown"));
        }
        Optional<ItemState> state = host.sampleState(n.id());
        if (state.isEmpty()) {
            return getTranslation("builder.evaluates.unknown");
        }
        return switch (key) {
            case "visible-when" -> getTranslation(state.get().visible() ? "builder.evaluates.shown" : "builder.evaluates.hidden");
            case "required-when" -> getTranslation(state.get().required() ? "builder.evaluates.required" : "builder.evaluates.optional");
            default -> state.get().value().isEmpty() ? getTranslation("builder.evaluates.empty")
                    : getTranslation("builder.evaluates.value", state.get().value());
        };
    }

    private void options(FormOutline.Node n) {
        VerticalLayout rows = new VerticalLayout();
        rows.setId("prop-options");
        rows.setPadding(false);
        rows.setSpacing(false);
        List<List<TextField>> fields = new ArrayList<>();
        Runnable apply = () -> host.edit(t -> YamlEdits.setOptions(t, n.id(),
                fields.stream().map(r -> r.stream().map(TextField::getValue).toList()).toList()));
        for (int i = 0; i < n.options().size(); i++) {
            List<String> option = n.options().get(i);
            List<TextField> row = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                TextField field = new TextField();
                field.setId("prop-option-" + i + "-" + (c == 0 ? "code" : LocalizedText.LANGUAGES.get(c - 1)));
                field.setPlaceholder(c == 0 ? getTranslation("studio.field.code") : getTranslation("builder.lang." + LocalizedText.LANGUAGES.get(c - 1)));
                field.setAriaLabel(field.getPlaceholder());
                field.setValue(option.get(c));
                field.addValueChangeListener(e -> apply.run());
                row.add(field);
            }
            fields.add(row);
            int index = i;
            Button remove = new Button("✕", e -> {
                fields.remove(index);
                apply.run();
            });
            remove.setId("prop-option-" + i + "-remove");
            remove.setAriaLabel(getTranslation("builder.option.remove", option.get(0)));
            remove.addThemeVariants(ButtonVariant.TERTIARY);
            HorizontalLayout line = new HorizontalLayout(row.toArray(Component[]::new));
            line.add(remove);
            line.addClassNames("builder-languages", "builder-entry");
            rows.add(line);
        }
        Button add = new Button(getTranslation("builder.option.add"), e -> {
            fields.add(Arrays.asList(field("option_" + (fields.size() + 1)), field("?"), field("?"), field("?")));
            apply.run();
        });
        add.setId("prop-option-add");
        rows.add(add);
        row("options", rows);
    }

    private void constraints(FormOutline.Node n) {
        VerticalLayout rows = new VerticalLayout();
        rows.setId("prop-constraints");
        rows.setPadding(false);
        rows.setSpacing(false);
        List<List<TextField>> fields = new ArrayList<>();
        Function<List<TextField>, YamlEdits.ConstraintText> read = r -> new YamlEdits.ConstraintText(r.get(0).getValue(),
                r.get(1).getValue(), r.get(2).getValue(), r.get(3).getValue());
        Runnable apply = () -> host.edit(t -> YamlEdits.setConstraints(t, n.id(), fields.stream().map(read).toList()));
        for (int i = 0; i < n.constraints().size(); i++) {
            YamlEdits.ConstraintText c = n.constraints().get(i);
            List<String> values = List.of(c.expression(), c.fr(), c.nl(), c.en());
            List<TextField> row = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                TextField field = new TextField();
                field.setId("prop-constraint-" + i + "-" + (k == 0 ? "expression" : LocalizedText.LANGUAGES.get(k - 1)));
                field.setPlaceholder(k == 0 ? getTranslation("builder.constraint.expression")
                        : getTranslation("builder.constraint.message", getTranslation("builder.lang." + LocalizedText.LANGUAGES.get(k - 1))));
                field.setAriaLabel(field.getPlaceholder());
                field.setValue(values.get(k));
                field.addValueChangeListener(e -> apply.run());
                row.add(field);
            }
            fields.add(row);
            int index = i;
            Button remove = new Button("✕", e -> {
                fields.remove(index);
                apply.run();
            });
            remove.setId("prop-constraint-" + i + "-remove");
            remove.setAriaLabel(getTranslation("builder.constraint.remove"));
            remove.addThemeVariants(ButtonVariant.TERTIARY);
            HorizontalLayout line = new HorizontalLayout(row.toArray(Component[]::new));
            line.add(remove);
            line.addClassNames("builder-languages", "builder-entry");
            line.setWrap(true);
            rows.add(line);
        }
        Button add = new Button(getTranslation("builder.constraint.add"), e -> {
            fields.add(Arrays.asList(field("true"), field("?"), field("?"), field("?")));
            apply.run();
        });
        add.setId("prop-constraint-add");
        rows.add(add);
        row("constraints", rows);
    }

    private void sensitive(FormOutline.Node n) {
        TextField field = new TextField();
        field.setId("prop-sensitive");
        field.setValue(n.value("sensitive"));
        field.setHelperText(getTranslation("builder.prop.sensitive.hint",
                String.join(", ", Arrays.stream(Role.values()).map(Enum::name).toList())));
        field.addValueChangeListener(e -> {
            List<String> roles = Arrays.stream(e.getValue().split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList();
            List<String> known = Arrays.stream(Role.values()).map(Enum::name).toList();
            Optional<String> unknown = roles.stream().filter(r -> !known.contains(r)).findFirst();
            if (unknown.isPresent()) {
                field.setInvalid(true);
                field.setErrorMessage(getTranslation("builder.prop.sensitive.unknown", unknown.get()));
                return;
            }
            host.edit(t -> YamlEdits.setKey(t, n.id(), "sensitive",
                    roles.isEmpty() ? Optional.empty() : Optional.of("[" + String.join(", ", roles) + "]")));
        });
        markInvalid("sensitive", field);
        row("sensitive", field);
    }

    private static TextField field(String value) {
        TextField field = new TextField();
        field.setValue(value);
        return field;
    }

    private void markInvalid(String key, HasValidation field) {
        List<String> here = problems.getOrDefault(key, List.of());
        if (!here.isEmpty()) {
            field.setInvalid(true);
            field.setErrorMessage(String.join(" · ", here));
        }
    }

    /** A property with its label; the engine's problems at that key just below it. */
    private void row(String key, Component field) {
        VerticalLayout cell = new VerticalLayout(field);
        cell.setPadding(false);
        cell.setSpacing(false);
        List<String> here = problems.getOrDefault(key, List.of());
        if (!here.isEmpty()) {
            cell.add(problemSpan("prop-problem-" + key, String.join(" · ", here)));
        }
        form.addFormItem(cell, getTranslation("builder.prop." + key));
    }

    private Span problemSpan(String id, String text) {
        Span span = new Span(text);
        span.setId(id);
        span.addClassNames("studio-problem", "builder-problem");
        return span;
    }

    Optional<FormOutline.Node> shown() {
        return shown;
    }
}
