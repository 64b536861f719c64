package org.parcours.committee.history;

import java.time.Instant;
import java.util.List;

import org.parcours.formdef.LocalizedText;

/**
 * A factor flagged by a rule over the measurement history (a per-factor rule of the form's
 * programme, e.g. "a problem value in each of the last 3 measurements"): {@code measurements}
 * newest consecutive measurements had a problem value; {@code dates} and {@code codes} are
 * those measurements, newest first, and justify the flag; {@code message} says what the rule means.
 */
public record PersistentProblem(LocalizedText message, int measurements, List<Instant> dates, List<String> codes) {

    /** The message of a flag computed from a number alone (no declared rule). */
    public static final LocalizedText UNNAMED = LocalizedText.of("", "", "");

    public PersistentProblem {
        dates = List.copyOf(dates);
        codes = List.copyOf(codes);
    }
}
