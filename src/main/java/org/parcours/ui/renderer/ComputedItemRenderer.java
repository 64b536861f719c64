package org.parcours.ui.renderer;

import java.util.Locale;

import com.vaadin.flow.component.textfield.TextField;

import org.parcours.formdef.ComputedItem;
import org.parcours.formdef.ValueType;
import org.parcours.formrun.ItemState;

/**
 * A computed value in a read-only field, written for the locale (numbers "1 234,50", days,
 * Oui/Non). The runtime computes it; the form renderer shows each new value through
 * {@link ItemField#show(ItemState)}.
 */
@org.springframework.stereotype.Component
class ComputedItemRenderer implements ItemRenderer<ComputedItem> {

    @Override
    public Class<ComputedItem> itemType() {
        return ComputedItem.class;
    }

    @Override
    public ItemField render(ComputedItem item, RenderContext context) {
        Locale locale = context.locale();
        ValueType type = type(item, context);
        TextField field = new TextField(item.label().in(locale));
        field.setId(FieldIds.of(context.path()));
        field.setReadOnly(true);
        field.setWidthFull();
        field.getElement().setAttribute("data-item-type", "computed");
        item.rules().help().ifPresent(h -> field.setHelperText(h.in(locale)));
        if (type == ValueType.INTEGER || type == ValueType.DECIMAL) {
            field.addThemeVariants(com.vaadin.flow.component.textfield.TextFieldVariant.LUMO_ALIGN_RIGHT);
        }
        field.setValue(display(field, context.initialValue(), type, locale));
        return new ItemField() {
            @Override
            public TextField component() {
                return field;
            }

            @Override
            public void show(ItemState state) {
                field.setVisible(state.visible());
                field.setValue(display(field, state.value(), type, locale));
            }
        };
    }

    private static ValueType type(ComputedItem item, RenderContext context) {
        try {
            return context.host().session().form().expressions().computedType(item.id());
        } catch (IllegalArgumentException notCompiled) {
            return ValueType.TEXT;
        }
    }

    static String display(com.vaadin.flow.component.Component any, String raw, ValueType type, Locale locale) {
        if (raw.isEmpty()) {
            return "";
        }
        return switch (type) {
            case INTEGER, DECIMAL -> LocalFormats.numberOrAsIs(raw, locale);
            case DATE -> LocalFormats.dateOrAsIs(raw, locale);
            case BOOLEAN -> raw.equals("true") ? any.getTranslation(locale, "item.yes")
                    : raw.equals("false") ? any.getTranslation(locale, "item.no") : raw;
            default -> raw;
        };
    }
}
