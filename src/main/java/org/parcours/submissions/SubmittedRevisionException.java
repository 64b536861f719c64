package org.parcours.submissions;

/** A change to a revision that is submitted (or signed): it never changes; nothing was stored. */
public class SubmittedRevisionException extends RuntimeException {

    public SubmittedRevisionException(long submissionId) {
        super("The latest revision of submission " + submissionId + " is submitted and cannot change");
    }
}
