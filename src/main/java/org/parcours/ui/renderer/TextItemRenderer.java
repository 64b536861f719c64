package org.parcours.ui.renderer;

import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import org.parcours.formdef.TextItem;

/** A text item: a text field, or a text area when multiline; length limited as the form says. */
@org.springframework.stereotype.Component
class TextItemRenderer implements ItemRenderer<TextItem> {

    @Override
    public Class<TextItem> itemType() {
        return TextItem.class;
    }

    @Override
    public ItemField render(TextItem item, RenderContext context) {
        String label = item.label().in(context.locale());
        if (item.multiline()) {
            TextArea area = new TextArea(label);
            area.setMaxLength(item.maxLength());
            area.setValue(context.initialValue());
            area.setWidthFull();
            area.setMinHeight("6em");
            area.setId(FieldIds.of(context.path()));
            area.setValueChangeMode(ValueChangeMode.LAZY);
            item.rules().help().ifPresent(h -> area.setHelperText(h.in(context.locale())));
            area.addValueChangeListener(e -> context.onChange().accept(e.getValue().strip()));
            return RuntimeValidatedField.of(area);
        }
        TextField field = new TextField(label);
        field.setMaxLength(item.maxLength());
        field.setValue(context.initialValue());
        field.setWidthFull();
        field.setId(FieldIds.of(context.path()));
        field.setValueChangeMode(ValueChangeMode.LAZY);
        item.rules().help().ifPresent(h -> field.setHelperText(h.in(context.locale())));
        field.addValueChangeListener(e -> context.onChange().accept(e.getValue().strip()));
        return RuntimeValidatedField.of(field);
    }
}
