package org.parcours.submissions;

/**
 * A revision is a draft until submitted (an evaluation's revision or an aid request submitted, a
 * contract's text signed); then it never changes.
 */
public enum RevisionStatus {
    DRAFT, SUBMITTED
}
