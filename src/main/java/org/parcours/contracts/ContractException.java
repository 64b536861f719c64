package org.parcours.contracts;

import java.util.List;

/**
 * A contract action that the rules refuse (duration out of range, the 4-year cap, a renewal
 * without evaluation...). {@link #messageKey()} and {@link #arguments()} give the translated
 * message for the UI; {@link #getMessage()} says the same in English for logs and tests.
 */
public class ContractException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public ContractException(String messageKey, String message, Object... arguments) {
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
