package org.parcours.submissions;

import java.time.Instant;

/** A stored submission: its kind, client, form version and who created and last changed it. */
public record StoredSubmission(long id, SubmissionKind kind, long clientId, long formVersionId, Instant createdAt, String createdBy,
                               Instant updatedAt, String updatedBy) {
}
