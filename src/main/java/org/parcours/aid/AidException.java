package org.parcours.aid;

import java.util.List;

/** An aid request action the rules refuse; {@link #messageKey()} names the translated message. */
public class AidException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public AidException(String messageKey, String message, Object... arguments) {
        super(message);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
