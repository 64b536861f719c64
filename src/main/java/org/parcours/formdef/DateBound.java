package org.parcours.formdef;

import java.time.LocalDate;
import java.util.Optional;

/** A limit for a date: a fixed day, or today (when {@code fixed} is empty). */
public record DateBound(Optional<LocalDate> fixed) {

    public static final DateBound TODAY = new DateBound(Optional.empty());

    public LocalDate resolve(LocalDate today) {
        return fixed.orElse(today);
    }
}
