package org.parcours.evaluations;

/** The evaluation is submitted: it can only be amended (with a reason), never changed in place. */
public class NotEditableException extends RuntimeException {

    public NotEditableException(long evaluationId) {
        super("Evaluation " + evaluationId + " is submitted; amend it to change it");
    }
}
