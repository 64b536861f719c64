package org.parcours.committee.history;

import java.time.Instant;
import java.util.List;

/**
 * DOMAIN §1 R5: the factor had a problem value (scale value with {@code problem: true}) in each
 * of the client's {@code measurements} newest consecutive measurements; {@code dates} and
 * {@code codes} are those measurements, newest first, and justify the flag.
 */
public record PersistentProblem(String rule, int measurements, List<Instant> dates, List<String> codes) {

    /** The rule of DOMAIN §1 this flag applies. */
    public static final String RULE = "R5";

    public PersistentProblem {
        dates = List.copyOf(dates);
        codes = List.copyOf(codes);
    }
}
