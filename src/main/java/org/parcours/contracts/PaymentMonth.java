package org.parcours.contracts;

import java.math.BigDecimal;
import java.time.YearMonth;

/** A recorded month of rent and charges. */
public record PaymentMonth(YearMonth month, BigDecimal due, BigDecimal paid, String recordedBy) {

    public boolean unpaid() {
        return paid.compareTo(due) < 0;
    }
}
