package org.parcours.ui.renderer;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

import org.parcours.formdef.YesNoItem;

/** Yes or no as two radio buttons (Oui/Non, Ja/Nee, Yes/No). Stored "true", "false" or "" when unanswered. */
@org.springframework.stereotype.Component
class YesNoItemRenderer implements ItemRenderer<YesNoItem> {

    @Override
    public Class<YesNoItem> itemType() {
        return YesNoItem.class;
    }

    @Override
    public ItemField render(YesNoItem item, RenderContext context) {
        Locale locale = context.locale();
        RadioButtonGroup<Boolean> group = new RadioButtonGroup<>(item.label().in(locale));
        group.setId(FieldIds.of(context.path()));
        group.setItems(List.of(Boolean.TRUE, Boolean.FALSE));
        group.setItemLabelGenerator(yes -> group.getTranslation(locale, yes ? "item.yes" : "item.no"));
        switch (context.initialValue()) {
            case "true" -> group.setValue(Boolean.TRUE);
            case "false" -> group.setValue(Boolean.FALSE);
            default -> {
            }
        }
        item.rules().help().ifPresent(h -> group.setHelperText(h.in(locale)));
        group.getElement().setAttribute("data-item-type", "yes-no");
        ChangeReporter changes = new ChangeReporter(context);
        group.addValueChangeListener(e -> changes.report(e.getValue() == null ? "" : e.getValue().toString()));
        return RuntimeValidatedField.of(group);
    }
}
