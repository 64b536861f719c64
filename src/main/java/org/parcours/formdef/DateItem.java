package org.parcours.formdef;

import java.util.Optional;

/** A day, optionally between two bounds. */
public record DateItem(String id, LocalizedText label, ItemRules rules, Optional<DateBound> min, Optional<DateBound> max)
        implements Item {

    /** The default that stands for the day a submission is started. */
    public static final String TODAY = "today";

    @Override
    public ValueType valueType() {
        return ValueType.DATE;
    }
}
