package org.parcours.formdef;

/** Yes or no. */
public record YesNoItem(String id, LocalizedText label, ItemRules rules) implements Item {

    @Override
    public ValueType valueType() {
        return ValueType.BOOLEAN;
    }
}
