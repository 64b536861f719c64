package org.parcours.privacy;

/** A privacy request that cannot be carried out as asked: the message key says why (shown translated). */
public class PrivacyException extends RuntimeException {

    private final String messageKey;

    public PrivacyException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
