package org.parcours.contracts;

import java.util.List;

import org.parcours.formrun.Issue;

/** Signing refused: the text of the contract misses required answers or breaks a rule of the template. */
public class IncompleteContractException extends RuntimeException {

    private final List<Issue> issues;

    public IncompleteContractException(List<Issue> issues) {
        super(issues.size() + " problem(s) prevent signing: " + issues);
        this.issues = List.copyOf(issues);
    }

    public List<Issue> issues() {
        return issues;
    }
}
