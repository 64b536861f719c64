package org.parcours.audit;

/**
 * Published, inside the change's transaction, for each row {@link AuditLog#record} appends: the
 * audit trail already names every change of client files, submissions and decisions, so other
 * modules (the API's event log and webhook outbox) learn of them here without each feature
 * publishing its own event. A listener that fails rolls the change back.
 */
public record AuditRecorded(AuditAction action, String targetType, String targetId, String detail) {
}
