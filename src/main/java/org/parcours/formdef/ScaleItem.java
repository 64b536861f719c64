package org.parcours.formdef;

/** An item answered with one value of a shared scale. */
public record ScaleItem(String id, LocalizedText label, ItemRules rules, Scale scale) implements Item {

    @Override
    public ValueType valueType() {
        return ValueType.TEXT;
    }
}
