package org.parcours.evaluations;

import org.parcours.submissions.StoredRevision;

/** Where an evaluation is in its life. */
public enum EvaluationStatus {
    /** never submitted; its only revision is being filled */
    DRAFT,
    /** its last revision is submitted and can no longer change */
    SUBMITTED,
    /** submitted before; an amendment (a new revision) is being filled */
    AMENDING;

    /** The status that the evaluation's latest revision gives it. */
    static EvaluationStatus of(StoredRevision latest) {
        return !latest.draft() ? SUBMITTED : latest.number() == 1 ? DRAFT : AMENDING;
    }
}
