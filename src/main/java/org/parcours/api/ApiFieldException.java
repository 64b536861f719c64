package org.parcours.api;

import java.util.List;

/**
 * One field of the request refused before anything is changed (422, {@code validation}), its
 * message a key of the application's bundles, written in the request's language.
 */
class ApiFieldException extends RuntimeException {

    private final String pointer;
    private final String messageKey;
    private final List<Object> arguments;

    ApiFieldException(String pointer, String messageKey, Object... arguments) {
        super(messageKey + " at " + pointer);
        this.pointer = pointer;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    String pointer() {
        return pointer;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments.toArray();
    }
}
