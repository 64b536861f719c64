package org.parcours.evaluations;

/** Someone else saved the evaluation since it was opened; nothing was overwritten. */
public class ConcurrentEditException extends RuntimeException {

    public ConcurrentEditException(long evaluationId) {
        super("Evaluation " + evaluationId + " was changed by someone else since it was opened");
    }
}
