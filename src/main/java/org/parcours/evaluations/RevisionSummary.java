package org.parcours.evaluations;

import java.time.Instant;
import java.util.Optional;

/** A revision as listed in an evaluation's history. */
public record RevisionSummary(int number, RevisionStatus status, Optional<String> reason, String createdBy, Instant createdAt,
                              Optional<String> submittedBy, Optional<Instant> submittedAt) {

    static RevisionSummary of(EvaluationRevision r) {
        return new RevisionSummary(r.getNumber(), r.getStatus(), Optional.ofNullable(r.getReason()), r.getCreatedBy(),
                r.getCreatedAt(), Optional.ofNullable(r.getSubmittedBy()), Optional.ofNullable(r.getSubmittedAt()));
    }
}
