package org.parcours.audit;

import java.time.Instant;

/**
 * What an administrator looks for in the audit trail; every part is optional (null or blank: no
 * restriction). {@code actor} matches user names starting with it; {@code from} is inclusive,
 * {@code until} exclusive.
 */
public record AuditFilter(String actor, AuditAction action, String targetType,
                          String targetId, Instant from, Instant until) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
