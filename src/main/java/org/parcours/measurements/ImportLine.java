package org.parcours.measurements;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One line of an import file as the dry run judged it.
 *
 * @param line     its line number in the file (the header is line 1)
 * @param clientId the client it was matched to, when found
 * @param author   the user name of the measurement's author: the file's {@code author} cell, else the importing user
 * @param outcome  what the import does with it
 * @param problems what is wrong, in the user's words, for a refused line
 */
public record ImportLine(int line, Optional<Long> clientId, Optional<LocalDate> measuredOn, String author,
                         Map<String, String> answers,
                         Outcome outcome, List<ImportProblem> problems) {

    public enum Outcome {
        /** a new submitted measurement is created */
        CREATE,
        /** the client already has a measurement with the form on that date: nothing is created (re-importing a file) */
        ALREADY_THERE,
        /** the line is wrong: the file is not imported */
        REFUSED
    }

    public ImportLine {
        answers = Map.copyOf(answers);
        problems = List.copyOf(problems);
    }
}
