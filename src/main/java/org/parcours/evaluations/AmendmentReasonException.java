package org.parcours.evaluations;

/** An amendment needs a reason (at most 2000 characters). */
public class AmendmentReasonException extends RuntimeException {

    public AmendmentReasonException() {
        super("An amendment needs a reason of at most 2000 characters");
    }
}
