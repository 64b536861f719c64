package org.parcours.evaluations;

import java.time.Instant;
import java.util.Map;

import org.parcours.formdef.LocalizedText;

/** A line of a client's evaluation list. */
public record EvaluationSummary(long id, String formKey, LocalizedText formTitle, int formVersion, EvaluationStatus status,
                                String createdBy, Instant createdAt, Instant updatedAt, int answered) {

    static EvaluationSummary of(Evaluation e, org.parcours.catalog.PublishedForm form) {
        Map<String, String> answers = e.getAnswers();
        return new EvaluationSummary(e.getId(), form.formKey(), form.definition().title(), form.versionNumber(),
                e.getStatus(), e.getCreatedBy(), e.getCreatedAt(), e.getUpdatedAt(), answers.size());
    }
}
