package org.parcours.measurements;

import java.util.List;

/**
 * Something wrong with an import file or one of its lines: a message key of the translations
 * ({@code import.problem.*}) and its arguments, so the screen says it in the user's language.
 */
public record ImportProblem(String key, List<String> arguments) {

    public ImportProblem {
        arguments = List.copyOf(arguments);
    }

    static ImportProblem of(String key, Object... arguments) {
        return new ImportProblem("import.problem." + key, java.util.Arrays.stream(arguments).map(String::valueOf).toList());
    }

    @Override
    public String toString() {
        return key + arguments;
    }
}
