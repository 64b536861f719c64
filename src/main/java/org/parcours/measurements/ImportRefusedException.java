package org.parcours.measurements;

/** An import refused as a whole: nothing was created; the report says which lines to fix. */
public class ImportRefusedException extends RuntimeException {

    private final ImportReport report;

    public ImportRefusedException(ImportReport report) {
        super("The file was not imported: " + report.fileProblems() + " "
                + report.lines().stream().filter(l -> l.outcome() == ImportLine.Outcome.REFUSED)
                        .map(l -> "line " + l.line() + ": " + l.problems()).toList());
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
