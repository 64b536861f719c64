package org.parcours.committee.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.parcours.formdef.FormDefinition;

/**
 * One measurement as the score history reads it: the submitted revision of an evaluation, with
 * the form version it was made with (its own definition) and its answers (item id to code).
 *
 * @param measuredOn the measurement's own date (the form's {@code measurement.date}), when given
 */
public record HistoryMeasurement(Instant submittedAt, String author, FormDefinition form, Map<String, String> answers,
                                 Optional<LocalDate> measuredOn) {

    public HistoryMeasurement {
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(form, "form");
        author = author == null ? "" : author;
        answers = Map.copyOf(answers);
        Objects.requireNonNull(measuredOn, "measuredOn");
    }

    public HistoryMeasurement(Instant submittedAt, String author, FormDefinition form, Map<String, String> answers) {
        this(submittedAt, author, form, answers, Optional.empty());
    }

    /**
     * Where the measurement stands in time: noon (UTC) of its measurement date, so that the day
     * reads the same in any European time zone, else its submission time.
     */
    public Instant measuredAt() {
        return measuredOn.map(d -> d.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC)).orElse(submittedAt);
    }
}
