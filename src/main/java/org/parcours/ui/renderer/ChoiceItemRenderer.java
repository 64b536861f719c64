package org.parcours.ui.renderer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

import org.parcours.formdef.ChoiceItem;
import org.parcours.formdef.Option;
import org.parcours.formrun.AnswerCodec;

/**
 * A choice: a few options as radio buttons (or check boxes for a multi-choice), more as a combo
 * box that filters by label as the user types. Both are keyboard-native. The stored answer is
 * the code, or the chosen codes joined in the order of the options.
 */
@org.springframework.stereotype.Component
class ChoiceItemRenderer implements ItemRenderer<ChoiceItem> {

    /** Up to this many options, a single choice shows all of them as radio buttons. */
    static final int MAX_RADIO_OPTIONS = 5;
    /** Up to this many options, a multi-choice shows all of them as check boxes. */
    static final int MAX_CHECKBOX_OPTIONS = 6;

    @Override
    public Class<ChoiceItem> itemType() {
        return ChoiceItem.class;
    }

    @Override
    public ItemField render(ChoiceItem item, RenderContext context) {
        Locale locale = context.locale();
        String label = item.label().in(locale);
        List<String> codes = item.options().options().stream().map(Option::code).toList();
        ItemLabelGenerator<String> labels = code -> item.options().option(code).map(o -> o.label().in(locale)).orElse(code);
        if (!item.multiple()) {
            String initial = item.options().option(context.initialValue()).isPresent() ? context.initialValue() : null;
            if (codes.size() <= MAX_RADIO_OPTIONS) {
                RadioButtonGroup<String> group = new RadioButtonGroup<>(label);
                group.setItems(codes);
                group.setItemLabelGenerator(labels);
                return wire(group, item, context, initial, code -> code == null ? "" : code);
            }
            ComboBox<String> box = new ComboBox<>(label);
            box.setItems(codes);
            box.setItemLabelGenerator(labels);
            box.setClearButtonVisible(true);
            box.setAllowCustomValue(false);
            box.setWidthFull();
            return wire(box, item, context, initial, code -> code == null ? "" : code);
        }
        Set<String> initial = new LinkedHashSet<>(AnswerCodec.codes(context.initialValue(), true).stream()
                .filter(code -> item.options().option(code).isPresent()).toList());
        Function<Set<String>, String> stored = chosen -> AnswerCodec.joinCodes(codes.stream().filter(chosen::contains).toList());
        if (codes.size() <= MAX_CHECKBOX_OPTIONS) {
            CheckboxGroup<String> group = new CheckboxGroup<>(label);
            group.setItems(codes);
            group.setItemLabelGenerator(labels);
            return wire(group, item, context, initial, stored);
        }
        MultiSelectComboBox<String> box = new MultiSelectComboBox<>(label);
        box.setItems(codes);
        box.setItemLabelGenerator(labels);
        box.setClearButtonVisible(true);
        box.setWidthFull();
        return wire(box, item, context, initial, stored);
    }

    private static <F extends AbstractField<F, V> & HasHelper & HasValidation, V> ItemField wire(
            F field, ChoiceItem item, RenderContext context, V initial, Function<V, String> toStored) {
        field.setId(FieldIds.of(context.path()));
        if (initial != null) {
            field.setValue(initial);
        }
        item.rules().help().ifPresent(h -> field.setHelperText(h.in(context.locale())));
        field.getElement().setAttribute("data-item-type", item.multiple() ? "multi-choice" : "choice");
        ChangeReporter changes = new ChangeReporter(context);
        field.addValueChangeListener(e -> changes.report(toStored.apply(e.getValue())));
        return RuntimeValidatedField.of(field);
    }
}
