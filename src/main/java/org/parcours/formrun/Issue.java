package org.parcours.formrun;

import java.util.List;
import java.util.Optional;

import org.parcours.formdef.LocalizedText;

/**
 * Something wrong with one answer. {@code kind} names a message the UI translates with
 * {@code arguments}; constraints and patterns carry the form's own message.
 */
public record Issue(String path, Kind kind, List<String> arguments, Optional<LocalizedText> message) {

    public enum Kind {
        REQUIRED, NOT_AN_OPTION, NOT_A_WHOLE_NUMBER, NOT_A_NUMBER, TOO_MANY_DECIMALS, BELOW_MIN, ABOVE_MAX, TOO_LONG,
        PATTERN, NOT_A_DATE, DATE_BEFORE_MIN, DATE_AFTER_MAX, NOT_YES_NO, CONSTRAINT, TOO_FEW_ROWS, TOO_MANY_ROWS,
        NOT_ANSWERABLE
    }

    public Issue {
        arguments = List.copyOf(arguments);
    }

    static Issue of(String path, Kind kind, Object... arguments) {
        return new Issue(path, kind, java.util.Arrays.stream(arguments).map(String::valueOf).toList(), Optional.empty());
    }

    static Issue withMessage(String path, Kind kind, LocalizedText message) {
        return new Issue(path, kind, List.of(), Optional.of(message));
    }
}
