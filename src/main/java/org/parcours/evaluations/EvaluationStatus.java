package org.parcours.evaluations;

/** Where an evaluation is in its life. */
public enum EvaluationStatus {
    /** never submitted; its only revision is being filled */
    DRAFT,
    /** its last revision is submitted and can no longer change */
    SUBMITTED,
    /** submitted before; an amendment (a new revision) is being filled */
    AMENDING
}
