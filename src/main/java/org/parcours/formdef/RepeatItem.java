package org.parcours.formdef;

import java.util.List;

/** Rows of the same items (e.g. household members), between {@code min} and {@code max} rows. */
public record RepeatItem(String id, LocalizedText label, ItemRules rules, List<Item> items, int min, int max) implements Item {

    public RepeatItem {
        items = List.copyOf(items);
    }

    @Override
    public ValueType valueType() {
        return ValueType.ROWS;
    }
}
