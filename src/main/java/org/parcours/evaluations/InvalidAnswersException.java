package org.parcours.evaluations;

import java.util.Map;

/** Some answers do not fit the form version; nothing was saved. Item id to reason. */
public class InvalidAnswersException extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidAnswersException(Map<String, String> problems) {
        super("Answers rejected: " + problems);
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
