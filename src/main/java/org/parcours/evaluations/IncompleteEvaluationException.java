package org.parcours.evaluations;

import java.util.List;

import org.parcours.formrun.Issue;

/** Submission refused: what is missing or wrong, item by item. The draft is kept as it was. */
public class IncompleteEvaluationException extends RuntimeException {

    private final List<Issue> issues;
    private final EvaluationDetails saved;

    public IncompleteEvaluationException(List<Issue> issues, EvaluationDetails saved) {
        super(issues.size() + " problem(s) prevent submission: " + issues);
        this.issues = List.copyOf(issues);
        this.saved = saved;
    }

    /** The draft as saved before the submission was refused. */
    public EvaluationDetails saved() {
        return saved;
    }

    public List<Issue> issues() {
        return issues;
    }
}
