package org.parcours.committee.history;

import java.time.Instant;

/**
 * One measurement as a column of the history: when it was submitted and by whom, and when it was
 * measured (its own measurement date, else the submission time), which the column shows.
 * Column 0 is the newest.
 */
public record HistoryColumn(int index, Instant submittedAt, String author, Instant measuredAt) {

    public HistoryColumn(int index, Instant submittedAt, String author) {
        this(index, submittedAt, author, submittedAt);
    }
}
