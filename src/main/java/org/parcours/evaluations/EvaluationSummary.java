package org.parcours.evaluations;

import java.time.Instant;

import org.parcours.catalog.PublishedForm;
import org.parcours.formdef.LocalizedText;

/** A line of a client's evaluation list. */
public record EvaluationSummary(long id, long clientId, String formKey, LocalizedText formTitle, int formVersion, EvaluationStatus status,
                                int revisions, String createdBy, Instant createdAt, Instant updatedAt, int answered) {

    static EvaluationSummary of(Evaluation e, EvaluationRevision latest, PublishedForm form) {
        return new EvaluationSummary(e.getId(), e.getClientId(), form.formKey(), form.definition().title(), form.versionNumber(),
                e.getStatus(), latest.getNumber(), e.getCreatedBy(), e.getCreatedAt(), e.getUpdatedAt(), latest.getAnswers().size());
    }
}
