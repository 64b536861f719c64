package org.parcours.ui.renderer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

import org.parcours.formdef.ScaleItem;
import org.parcours.formdef.ScaleValue;
import org.parcours.formrun.ItemState;

/**
 * One scale factor as a compact line of a grid section: the label, the scale's codes as inline
 * coloured choices (a radio group: Tab reaches the next factor, arrows move between codes, and
 * typing a code's first letter, N for NVT, chooses it), the client's earlier scores beside it
 * (newest first) and room for the "taken from the evaluation of ..." note. The screen reader name
 * of the choices says the earlier scores too.
 */
final class ScaleGridLine implements ItemField {

    /** One earlier measurement as the grid shows it: its date as text and its answers. */
    record Earlier(String date, java.util.Map<String, String> answers) {
    }

    private final Div line = new Div();
    private final Span label = new Span();
    private final RadioButtonGroup<String> group;
    private final Div earlier = new Div();
    private final Div notes = new Div();
    private final ScaleItem item;
    private final String path;
    private final Locale locale;

    ScaleGridLine(ScaleItem item, String path, Locale locale, RadioButtonGroup<String> group,
                  java.util.function.Consumer<String> onChange) {
        this.item = item;
        this.path = path;
        this.locale = locale;
        this.group = group;
        line.addClassName("scale-line");
        line.setId("line-" + FieldIds.of(path));
        label.addClassName("scale-line-label");
        label.setText(item.label().in(locale));
        label.setId("label-" + FieldIds.of(path));
        group.addClassName("scale-line-choices");
        group.setAriaLabel(item.label().in(locale));
        earlier.addClassName("scale-line-earlier");
        notes.addClassName("scale-line-notes");
        line.add(label, group, earlier, notes);
        item.rules().help().ifPresent(h -> label.setTitle(h.in(locale)));
        // a typed code (its first letter) chooses it; the radio group keeps Tab and the arrows
        group.getElement().addEventListener("keydown", e -> {
            String key = e.getEventData().get("event.key").asString().toUpperCase(Locale.ROOT);
            if (group.isReadOnly() || !group.isEnabled()) {
                return;
            }
            List<String> codes = item.scale().values().stream().map(ScaleValue::code).toList();
            codes.stream().filter(code -> code.substring(0, 1).toUpperCase(Locale.ROOT).equals(key))
                    .findFirst().filter(code -> !code.equals(group.getValue())).ifPresent(code -> {
                        group.setValue(code);
                        onChange.accept(code);
                        focusChosen(codes.indexOf(code));
                    });
        }).addEventData("event.key").setFilter("event.key.length === 1 && !event.ctrlKey && !event.altKey && !event.metaKey");
    }

    /**
     * Moves the focus to the code just chosen by its letter, as the arrow keys do: a browser's Tab
     * from a radio button that is not the checked one stops at the checked one of the same group,
     * so with the focus left on the former code, Tab went to the chosen code instead of the next
     * factor. Only while the focus is still in this group (the user may have moved on meanwhile).
     */
    private void focusChosen(int index) {
        group.getElement().executeJs("""
                const radio = this.querySelectorAll('vaadin-radio-button')[$0];
                if (radio && this.contains(document.activeElement)) {
                  (radio.querySelector('input') || radio).focus();
                }""", index);
    }

    RadioButtonGroup<String> group() {
        return group;
    }

    @Override
    public Component component() {
        return line;
    }

    @Override
    public Component focusTarget() {
        return group;
    }

    @Override
    public Optional<HasComponents> noteSlot() {
        return Optional.of(notes);
    }

    @Override
    public void show(ItemState state) {
        line.setVisible(state.visible());
        group.setRequiredIndicatorVisible(state.required());
    }

    @Override
    public void showIssues(List<String> messages) {
        group.setErrorMessage(String.join(" · ", messages));
        group.setInvalid(!messages.isEmpty());
    }

    /** Shows the earlier scores beside the choices, newest first, and says them to screen readers. */
    void showEarlier(List<Earlier> measurements) {
        earlier.removeAll();
        StringBuilder spoken = new StringBuilder(item.label().in(locale));
        for (int i = 0; i < measurements.size(); i++) {
            Earlier m = measurements.get(i);
            String code = m.answers().getOrDefault(path, "");
            Span cell = new Span(code.isEmpty() ? "–" : code);
            cell.addClassName("scale-line-cell");
            cell.setId("earlier-" + FieldIds.of(path) + "-" + i);
            Optional<ScaleValue> value = item.scale().value(code);
            value.ifPresent(v -> {
                cell.getElement().setAttribute("data-colour", v.colour().yamlName());
                cell.addClassName(ScaleColours.className(v.colour()));
                cell.setTitle(m.date() + ": " + v.code() + " – " + v.label().in(locale));
            });
            earlier.add(cell);
            if (!code.isEmpty()) {
                spoken.append(", ").append(group.getTranslation(locale, "evaluation.grid.previous", code, m.date()));
            }
        }
        group.setAriaLabel(spoken.toString());
    }
}
