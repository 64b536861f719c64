package org.parcours.formdef;

/** One problem in a form source: where, what, and how to fix it. */
public record FormProblem(ProblemCode code, SourcePosition at, String message, String hint) {

    @Override
    public String toString() {
        return at + ": [" + code.code() + "] " + message + (hint.isEmpty() ? "" : " (" + hint + ")");
    }
}
