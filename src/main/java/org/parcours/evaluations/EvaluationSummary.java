package org.parcours.evaluations;

import java.time.Instant;

import org.parcours.catalog.PublishedForm;
import org.parcours.formdef.LocalizedText;
import org.parcours.submissions.StoredRevision;
import org.parcours.submissions.StoredSubmission;

/** A line of a client's evaluation list. */
public record EvaluationSummary(long id, long clientId, String formKey, LocalizedText formTitle, int formVersion, EvaluationStatus status,
                                int revisions, String createdBy, Instant createdAt, Instant updatedAt, int answered) {

    static EvaluationSummary of(StoredSubmission e, StoredRevision latest, PublishedForm form) {
        return new EvaluationSummary(e.id(), e.clientId(), form.formKey(), form.definition().title(), form.versionNumber(),
                EvaluationStatus.of(latest), latest.number(), e.createdBy(), e.createdAt(), e.updatedAt(), latest.answers().size());
    }
}
