package org.parcours.aid;

import java.util.List;

import org.parcours.formrun.Issue;

/** Submission refused: what the form still misses. */
public class IncompleteAidRequestException extends RuntimeException {

    private final List<Issue> issues;

    public IncompleteAidRequestException(List<Issue> issues) {
        super(issues.size() + " problem(s) prevent submission: " + issues);
        this.issues = List.copyOf(issues);
    }

    public List<Issue> issues() {
        return issues;
    }
}
