package org.parcours.worklist;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parcours.evaluations.EvaluationSummary;
import org.parcours.programmes.engine.ScheduleEngine;

/**
 * A worker's day: evaluations falling due by the declared programme schedules (earliest first), work in progress, counts, and the
 * caseload when the policy names a caseload form, the reminder job's last figures for this worker, and the names of the
 * clients these lines are about.
 */
public record Worklist(List<ScheduleEngine.Due> due, List<EvaluationSummary> inProgress, long overdue, long dueSoon,
                       long drafts, long amendments, int clients, Optional<Caseload> caseload,
                       Optional<Reminder> reminder, Map<Long, String> clientNames) {

    public Worklist {
        due = List.copyOf(due);
        inProgress = List.copyOf(inProgress);
        clientNames = Map.copyOf(clientNames);
    }

    /** The name of a client of this worklist, as the lists show it. */
    public String clientName(long clientId) {
        return clientNames.getOrDefault(clientId, "");
    }
}
