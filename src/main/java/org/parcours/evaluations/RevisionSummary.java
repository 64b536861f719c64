package org.parcours.evaluations;

import java.time.Instant;
import java.util.Optional;

import org.parcours.submissions.RevisionStatus;
import org.parcours.submissions.StoredRevision;

/** A revision as listed in an evaluation's history. */
public record RevisionSummary(int number, RevisionStatus status, Optional<String> reason, String createdBy, Instant createdAt,
                              Optional<String> submittedBy, Optional<Instant> submittedAt) {

    static RevisionSummary of(StoredRevision r) {
        return new RevisionSummary(r.number(), r.status(), r.reason(), r.createdBy(), r.createdAt(), r.submittedBy(), r.submittedAt());
    }
}
