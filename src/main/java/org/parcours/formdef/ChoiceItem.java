package org.parcours.formdef;

/** One option ({@code choice}) or several ({@code multi-choice}) from a list. */
public record ChoiceItem(String id, LocalizedText label, ItemRules rules, OptionList options, boolean multiple) implements Item {

    @Override
    public ValueType valueType() {
        return multiple ? ValueType.TEXT_LIST : ValueType.TEXT;
    }
}
