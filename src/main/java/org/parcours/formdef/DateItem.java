package org.parcours.formdef;

import java.util.Optional;

/** A day, optionally between two bounds. */
public record DateItem(String id, LocalizedText label, ItemRules rules, Optional<DateBound> min, Optional<DateBound> max)
        implements Item {

    @Override
    public ValueType valueType() {
        return ValueType.DATE;
    }
}
