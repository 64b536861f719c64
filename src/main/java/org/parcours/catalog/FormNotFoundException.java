package org.parcours.catalog;

/** No published version exists for the requested form or version id. */
public class FormNotFoundException extends RuntimeException {

    public FormNotFoundException(String message) {
        super(message);
    }
}
