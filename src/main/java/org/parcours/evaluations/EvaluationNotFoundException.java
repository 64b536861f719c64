package org.parcours.evaluations;

/** The evaluation does not exist or belongs to a client the user may not see. */
public class EvaluationNotFoundException extends RuntimeException {

    public EvaluationNotFoundException(long evaluationId) {
        super("Evaluation " + evaluationId + " not found");
    }
}
