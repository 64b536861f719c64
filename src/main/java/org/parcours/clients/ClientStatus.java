package org.parcours.clients;

/**
 * Where a client's follow-up stands. A status has a since-date and, for
 * {@link #SOCIAL_ACTIVATION_ONLY} and {@link #CLOSED}, a required reason.
 */
public enum ClientStatus {
    /** Followed for social and professional activation. */
    FOLLOWED,
    /** Activable on the social plane only (IMASP R3/R5). */
    SOCIAL_ACTIVATION_ONLY,
    /** The follow-up has ended. */
    CLOSED;

    public boolean requiresReason() {
        return this != FOLLOWED;
    }
}
