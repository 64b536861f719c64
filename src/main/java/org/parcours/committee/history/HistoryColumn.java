package org.parcours.committee.history;

import java.time.Instant;

/** One measurement as a column of the history: when it was submitted and by whom. Column 0 is the newest. */
public record HistoryColumn(int index, Instant submittedAt, String author) {
}
