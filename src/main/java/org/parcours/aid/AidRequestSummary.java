package org.parcours.aid;

import java.time.Instant;
import java.util.Optional;

/** An aid request in a list. */
public record AidRequestSummary(long id, long clientId, RequestStatus status, Instant createdAt, String createdBy,
                                Optional<Instant> submittedAt, int schemes, long pending) {
}
