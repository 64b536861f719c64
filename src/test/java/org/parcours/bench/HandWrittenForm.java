package org.parcours.bench;

import java.util.Arrays;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;

/**
 * The hand-written yardstick of the render figures: a FormLayout with the 200 fields of the
 * benchmark form (100 radio groups of 5 values with badge renderers + 100 text fields), written
 * the way a developer would without the form engine; ids {@code scale-N} and {@code text-N}.
 */
final class HandWrittenForm {

    static final String[][] SCALE = {
            {"A", "green", "#e3f4e1", "#1e5b1a", "#8bc487"},
            {"B", "amber", "#fff0cc", "#6d4c00", "#e0b54a"},
            {"C", "red", "#fde2e1", "#8a1c14", "#e08a84"},
            {"NVT", "neutral", "#eceff1", "#37474f", "#b0bec5"},
            {"?", "neutral", "#eceff1", "#37474f", "#b0bec5"}};

    /** The id of the view's last field, present once the whole view is there. */
    static final String LAST_FIELD = "text-" + BenchForms.SECTIONS * BenchForms.PER_SECTION;

    private HandWrittenForm() {
    }

    static Component build() {
        FormLayout layout = new FormLayout();
        for (int s = 1; s <= BenchForms.SECTIONS; s++) {
            for (int i = 1; i <= BenchForms.PER_SECTION; i++) {
                int n = (s - 1) * BenchForms.PER_SECTION + i;
                RadioButtonGroup<String> group = new RadioButtonGroup<>("Facteur " + n + " de la section " + s);
                group.setId("scale-" + n);
                group.setItems(Arrays.stream(SCALE).map(v -> v[0]).toList());
                group.setRenderer(new ComponentRenderer<Component, String>(HandWrittenForm::badge));
                layout.add(group);
            }
            for (int i = 1; i <= BenchForms.PER_SECTION; i++) {
                int n = (s - 1) * BenchForms.PER_SECTION + i;
                TextField field = new TextField("Remarque " + n + " de la section " + s);
                field.setId("text-" + n);
                layout.add(field);
            }
        }
        return layout;
    }

    private static Span badge(String code) {
        String[] v = Arrays.stream(SCALE).filter(x -> x[0].equals(code)).findFirst().orElseThrow();
        Span badge = new Span(code);
        badge.setTitle("Valeur " + code);
        badge.getElement().setAttribute("data-colour", v[1]);
        badge.getStyle()
                .set("display", "inline-block")
                .set("min-width", "2.6em")
                .set("text-align", "center")
                .set("padding", "0.15em 0.5em")
                .set("border-radius", "var(--lumo-border-radius-m, 6px)")
                .set("font-weight", "600")
                .set("background", v[2])
                .set("color", v[3])
                .set("border", "1px solid " + v[4]);
        return badge;
    }
}
