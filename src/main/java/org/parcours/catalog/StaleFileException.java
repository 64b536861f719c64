package org.parcours.catalog;

/** The form file changed on disk since the draft was opened: the file wins, the publish is refused. */
public class StaleFileException extends RuntimeException {

    public StaleFileException(String message) {
        super(message);
    }
}
