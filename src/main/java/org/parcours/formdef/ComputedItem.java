package org.parcours.formdef;

/** A read-only value computed from other answers. */
public record ComputedItem(String id, LocalizedText label, ItemRules rules, Expression expression) implements Item {

    @Override
    public ValueType valueType() {
        return ValueType.COMPUTED;
    }
}
