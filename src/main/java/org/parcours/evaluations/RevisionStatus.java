package org.parcours.evaluations;

/** A revision is a draft until submitted; then it never changes. */
public enum RevisionStatus {
    DRAFT, SUBMITTED
}
