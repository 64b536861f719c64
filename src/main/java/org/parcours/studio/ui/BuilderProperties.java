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
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import org.parcours.formdef.LocalizedText;
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
    }

    private final Host host;
    private final FormLayout form = new FormLayout();
    private Optional<FormOutline.Node> shown = Optional.empty();
    private Map<String, List<String>> problems = Map.of();

    BuilderProperties(Host host) {
        this.host = host;
        setId("builder-properties");
        setPadding(false);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
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
        add(new H4(getTranslation("builder.properties", n.id())));
        List<String> unplaced = problems.entrySet().stream().filter(e -> !placed(n, e.getKey()))
                .flatMap(e -> e.getValue().stream()).toList();
        if (!unplaced.isEmpty()) {
            Span all = problemSpan("prop-problems", String.join(" · ", unplaced));
            add(all);
        }
        if (n.kind() == FormOutline.Kind.SECTION) {
            texts(n, "title");
            texts(n, "description");
            expression(n, "visible-when");
        } else {
            item(n);
        }
        add(form);
    }

    private static boolean placed(FormOutline.Node n, String key) {
        return !key.isEmpty() && List.of("title", "description", "visible-when", "type", "id", "label", "text", "help", "scale", "list",
                "options", "required", "required-when", "default", "constraints", "prefill", "sensitive", "min", "max", "multiline",
                "max-length", "pattern", "pattern-message", "expression").contains(key);
    }

    private void item(FormOutline.Node n) {
        Select<String> type = new Select<>();
        type.setId("prop-type");
        type.setLabel(getTranslation("builder.prop.type"));
        type.setItems(TYPES);
        type.setItemLabelGenerator(t -> getTranslation("builder.type." + t));
        if (TYPES.contains(n.type())) {
            type.setValue(n.type());
        }
        type.addValueChangeListener(e -> host.edit(t -> YamlEdits.setKey(t, n.id(), "type", Optional.of(e.getValue()))));
        row("type", type);
        TextField id = new TextField(getTranslation("builder.prop.id"));
        id.setId("prop-id");
        id.setValue(n.id());
        id.setReadOnly(true);
        id.setHelperText(getTranslation("builder.prop.id.hint"));
        row("id", id);
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
        row(key, select);
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
            line.addClassName("builder-languages");
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
            line.addClassName("builder-languages");
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
