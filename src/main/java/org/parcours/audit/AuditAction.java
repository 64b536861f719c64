package org.parcours.audit;

/** What happened, as recorded in the audit trail. */
public enum AuditAction {
    CLIENT_CREATED, CLIENT_READ, EVALUATION_CREATED, EVALUATION_SAVED, EVALUATION_READ, EVALUATION_SUBMITTED, EVALUATION_AMENDED, ACCESS_DENIED, FORM_PUBLISHED
}
