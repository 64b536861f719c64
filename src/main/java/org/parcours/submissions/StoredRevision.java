package org.parcours.submissions;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A stored revision of a submission with its answers (item path to stored value).
 *
 * @param lockVersion the revision's version, for optimistic locking: a change based on another is refused
 */
public record StoredRevision(long id, long submissionId, int number, RevisionStatus status, Optional<String> reason, Instant createdAt,
                             String createdBy, Instant updatedAt, String updatedBy, Optional<Instant> submittedAt,
                             Optional<String> submittedBy, long lockVersion, Map<String, String> answers) {

    public StoredRevision {
        answers = Map.copyOf(answers);
    }

    public boolean draft() {
        return status == RevisionStatus.DRAFT;
    }
}
