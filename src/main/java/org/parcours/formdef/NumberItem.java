package org.parcours.formdef;

import java.math.BigDecimal;
import java.util.Optional;

/** A whole number, a decimal number or an amount of money (EUR, two decimals). */
public record NumberItem(String id, LocalizedText label, ItemRules rules, Kind kind, Optional<BigDecimal> min,
                         Optional<BigDecimal> max) implements Item {

    public enum Kind { INTEGER, DECIMAL, MONEY }

    @Override
    public ValueType valueType() {
        return kind == Kind.INTEGER ? ValueType.INTEGER : ValueType.DECIMAL;
    }
}
