package org.parcours.worklist;

import java.time.Instant;

/** What the reminder job found for one worker at its last run: evaluations overdue and due soon. */
public record Reminder(int overdue, int dueSoon, Instant computedAt) {
}
