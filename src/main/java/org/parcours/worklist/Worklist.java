package org.parcours.worklist;

import java.util.List;
import java.util.Optional;

import org.parcours.evaluations.EvaluationSummary;
import org.parcours.programmes.engine.ScheduleEngine;

/**
 * A worker's day: evaluations falling due by the declared programme schedules (earliest first), work in progress, counts, and the
 * caseload when the policy names a caseload form, and the reminder job's last figures for this worker.
 */
public record Worklist(List<ScheduleEngine.Due> due, List<EvaluationSummary> inProgress, long overdue, long dueSoon,
                       long drafts, long amendments, int clients, Optional<Caseload> caseload,
                       Optional<Reminder> reminder) {

    public Worklist {
        due = List.copyOf(due);
        inProgress = List.copyOf(inProgress);
    }
}
