package org.parcours.committee;

/**
 * A committee action that the state of the meeting forbids, e.g. recording a decision on a
 * closed meeting. {@link #messageKey()} names the translated message for the UI.
 */
public class CommitteeException extends RuntimeException {

    private final String messageKey;

    public CommitteeException(String messageKey, String message) {
        super(message);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
