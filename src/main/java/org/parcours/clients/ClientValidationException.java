package org.parcours.clients;

import java.util.Map;

/** The entered client data is not acceptable; one message per field, nothing saved. */
public class ClientValidationException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public ClientValidationException(Map<String, String> fieldErrors) {
        super("Invalid client data: " + fieldErrors);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** Field name to message key (see the i18n bundles). */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
