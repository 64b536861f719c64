package org.parcours.formdef;

import java.util.List;
import java.util.stream.Collectors;

/** A form source could not be read; carries every problem found, not just the first. */
public class FormDefinitionException extends RuntimeException {

    private final List<FormProblem> problems;

    public FormDefinitionException(List<FormProblem> problems) {
        super(problems.stream().map(FormProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<FormProblem> problems() {
        return problems;
    }
}
