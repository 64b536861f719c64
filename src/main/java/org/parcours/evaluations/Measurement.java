package org.parcours.evaluations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * One measurement of a client with a form: the latest submitted revision of one evaluation, with
 * the form version it was made with and its answers (item path to stored value).
 *
 * @param measuredOn the answer of the form's {@code measurement.date} role, when it binds one and it is answered
 */
public record Measurement(long evaluationId, int revisionNumber, Instant submittedAt, String submittedBy, long formVersionId,
                          Map<String, String> answers, Optional<LocalDate> measuredOn) {

    /** Newest measurement first: by measurement date, then by submission time. */
    public static final java.util.Comparator<Measurement> NEWEST_FIRST = java.util.Comparator.comparing(Measurement::measuredAt)
            .thenComparing(Measurement::submittedAt).thenComparingLong(Measurement::evaluationId).reversed();

    public Measurement {
        answers = Map.copyOf(answers);
    }

    /**
     * When the measurement was made: noon (UTC) of its measurement date, else its submission
     * time. Histories, schedules, rules and the dashboard place a measurement here; the audit and
     * the revision list keep the submission time.
     */
    public Instant measuredAt() {
        return measuredOn.map(d -> d.atTime(java.time.LocalTime.NOON).toInstant(ZoneOffset.UTC)).orElse(submittedAt);
    }
}
