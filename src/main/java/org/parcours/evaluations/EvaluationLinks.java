package org.parcours.evaluations;

/**
 * The addresses of the evaluation screen (routes of {@code evaluations.ui.EvaluationView}), for
 * screens of other features that open it: the client file links here, so it does not depend on
 * the evaluation screen, which links back to it (no package cycle, decision 0017).
 */
public final class EvaluationLinks {

    private EvaluationLinks() {
    }

    /** An existing evaluation. */
    public static String evaluation(long evaluationId) {
        return "evaluations/" + evaluationId;
    }

    /** A new evaluation of the form for the client. */
    public static String newEvaluation(long clientId, String formKey) {
        return "clients/" + clientId + "/new/" + formKey;
    }
}
