package org.parcours.submissions;

/** A change based on a revision someone else changed meanwhile: nothing was stored. */
public class StaleRevisionException extends RuntimeException {

    public StaleRevisionException(long submissionId) {
        super("Submission " + submissionId + " was changed by someone else meanwhile");
    }
}
