package org.parcours.evaluations;

/** Where an evaluation is in its life. Submission and amendment come with the evaluations issue. */
public enum EvaluationStatus {
    DRAFT
}
