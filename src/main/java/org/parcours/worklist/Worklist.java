package org.parcours.worklist;

import java.util.List;

import org.parcours.evaluations.EvaluationSummary;

/** A worker's day: evaluations falling due (overdue first), work in progress, and counts. */
public record Worklist(List<WorklistRules.Due> due, List<EvaluationSummary> inProgress, long overdue, long dueSoon,
                       long drafts, long amendments, int clients) {

    public Worklist {
        due = List.copyOf(due);
        inProgress = List.copyOf(inProgress);
    }
}
