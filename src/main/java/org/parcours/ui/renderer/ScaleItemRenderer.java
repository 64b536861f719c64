package org.parcours.ui.renderer;

import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.data.renderer.ComponentRenderer;

import org.parcours.formdef.ScaleItem;
import org.parcours.formdef.ScaleValue;

/**
 * A scale item as a radio group of colour-coded codes (A green, B amber, C red, others neutral).
 * A radio group is keyboard-native: Tab into it, arrows to choose. The meaning of the chosen
 * value is shown above the choices, and each code carries its meaning as a tooltip.
 */
@org.springframework.stereotype.Component
class ScaleItemRenderer implements ItemRenderer<ScaleItem> {

    @Override
    public Class<ScaleItem> itemType() {
        return ScaleItem.class;
    }

    @Override
    public ItemField render(ScaleItem item, RenderContext context) {
        Locale locale = context.locale();
        RadioButtonGroup<String> group = new RadioButtonGroup<>(item.label().in(locale));
        group.setId(FieldIds.of(context.path()));
        if (!context.grid()) {
            group.addThemeVariants(RadioGroupVariant.LUMO_HELPER_ABOVE_FIELD);
        }
        group.setItems(item.scale().values().stream().map(ScaleValue::code).toList());
        group.setRenderer(new ComponentRenderer<Component, String>(code -> badge(item.scale().value(code).orElseThrow(), locale)));
        if (item.scale().value(context.initialValue()).isPresent()) {
            group.setValue(context.initialValue());
        }
        boolean grid = context.grid();
        // on a grid line the label and the meaning stay for screen readers; the line shows the label
        showMeaning(group, item, locale);
        group.addValueChangeListener(e -> {
            showMeaning(group, item, locale);
            if (e.isFromClient()) {
                context.onChange().accept(e.getValue() == null ? "" : e.getValue());
            }
        });
        group.getElement().setAttribute("data-item-type", "scale");
        if (grid) {
            group.setManualValidation(true);
            return new ScaleGridLine(item, context.path(), locale, group, context.onChange());
        }
        return RuntimeValidatedField.of(group);
    }

    private static void showMeaning(RadioButtonGroup<String> group, ScaleItem item, Locale locale) {
        String value = group.getValue();
        group.setHelperText(value == null
                ? group.getTranslation(locale, "evaluation.scale.none")
                : item.scale().value(value).map(v -> v.code() + " – " + v.label().in(locale)).orElse(""));
    }

    private static Span badge(ScaleValue value, Locale locale) {
        Span badge = new Span(value.code());
        badge.setTitle(value.label().in(locale));
        badge.getElement().setAttribute("data-colour", value.colour().yamlName());
        badge.addClassNames("scale-badge", ScaleColours.className(value.colour()));
        return badge;
    }
}
