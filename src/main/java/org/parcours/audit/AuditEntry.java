package org.parcours.audit;

import java.time.Instant;

/** One line of the audit trail as shown to administrators. */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String targetType, String targetId,
                         String detail) {
}
