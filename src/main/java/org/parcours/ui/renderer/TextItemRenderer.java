package org.parcours.ui.renderer;

import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.parcours.formdef.TextItem;

/** A text item: a text field, or a text area when multiline; length limited as the form says. */
@org.springframework.stereotype.Component
class TextItemRenderer implements ItemRenderer<TextItem> {

    @Override
    public Class<TextItem> itemType() {
        return TextItem.class;
    }

    @Override
    public ItemField render(TextItem item, Locale locale, String initialValue) {
        if (item.multiline()) {
            TextArea area = new TextArea(item.label().in(locale));
            area.setMaxLength(item.maxLength());
            area.setValue(initialValue);
            area.setWidthFull();
            area.setMinHeight("6em");
            return field(item, area, area::getValue);
        }
        TextField field = new TextField(item.label().in(locale));
        field.setMaxLength(item.maxLength());
        field.setValue(initialValue);
        field.setWidthFull();
        return field(item, field, field::getValue);
    }

    private static ItemField field(TextItem item, Component component, java.util.function.Supplier<String> value) {
        component.setId("item-" + item.id());
        return new ItemField() {
            @Override
            public Component component() {
                return component;
            }

            @Override
            public String value() {
                return value.get().strip();
            }
        };
    }
}
