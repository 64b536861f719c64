package org.parcours.committee.history;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.parcours.formdef.FormDefinition;

/**
 * One measurement as the score history reads it: the submitted revision of an evaluation, with
 * the form version it was made with (its own definition) and its answers (item id to code).
 */
public record HistoryMeasurement(Instant submittedAt, String author, FormDefinition form, Map<String, String> answers) {

    public HistoryMeasurement {
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(form, "form");
        author = author == null ? "" : author;
        answers = Map.copyOf(answers);
    }
}
