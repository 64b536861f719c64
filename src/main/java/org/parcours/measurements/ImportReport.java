package org.parcours.measurements;

import java.util.List;

/**
 * The verdict on an import file: the file's own problems (size, header) and each line's. A file
 * is imported only when it has neither; {@code created} counts what an import made (0 for a dry run).
 */
public record ImportReport(String formKey, List<ImportProblem> fileProblems, List<ImportLine> lines, int created) {

    public ImportReport {
        fileProblems = List.copyOf(fileProblems);
        lines = List.copyOf(lines);
    }

    public boolean importable() {
        return fileProblems.isEmpty() && lines.stream().noneMatch(l -> l.outcome() == ImportLine.Outcome.REFUSED);
    }

    public long toCreate() {
        return lines.stream().filter(l -> l.outcome() == ImportLine.Outcome.CREATE).count();
    }
}
