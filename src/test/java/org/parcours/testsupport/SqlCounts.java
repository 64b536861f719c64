package org.parcours.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.function.Supplier;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the SQL statements the database received for an action, whatever sent them (Hibernate,
 * JdbcTemplate, a native query) and including what is written as the transaction commits (the
 * audit rows): the action runs in one transaction, so on one connection, and the counts are that
 * connection's session counters (SHOW SESSION STATUS, which counts itself apart) read before the
 * action and again after the commit, on the same connection (the pool hands a thread back the
 * connection it last used; checked by the session's thread id, else the count fails).
 */
public final class SqlCounts {

    /** Statements by kind; {@code selects} includes the audit chain head's lock (SELECT ... FOR UPDATE) of each audit row. */
    public record Counts(long selects, long inserts, long updates, long deletes) {
        public long total() {
            return selects + inserts + updates + deletes;
        }
    }

    public record Counted<T>(T result, Counts counts) {
    }

    private record Reading(long thread, Counts counts) {
    }

    private SqlCounts() {
    }

    public static <T> Counted<T> of(TransactionTemplate transactions, JdbcTemplate jdbc, Supplier<T> action) {
        Reading[] before = new Reading[1];
        T result = transactions.execute(status -> {
            before[0] = read(jdbc);
            return action.get();
        });
        Reading after = read(jdbc);
        if (after.thread() != before[0].thread()) {
            throw new IllegalStateException("the counters were read on another connection after the commit: cannot count");
        }
        Counts a = after.counts();
        Counts b = before[0].counts();
        return new Counted<>(result, new Counts(a.selects - b.selects, a.inserts - b.inserts, a.updates - b.updates, a.deletes - b.deletes));
    }

    public static Counts counts(TransactionTemplate transactions, JdbcTemplate jdbc, Runnable action) {
        return of(transactions, jdbc, () -> {
            action.run();
            return null;
        }).counts();
    }

    /** The session's thread id and counters, on one connection; SHOW statements count in none of these counters. */
    private static Reading read(JdbcTemplate jdbc) {
        return jdbc.execute((ConnectionCallback<Reading>) connection -> read(connection));
    }

    private static Reading read(Connection connection) throws java.sql.SQLException {
        long thread = -1;
        long[] values = new long[4];
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("SHOW SESSION VARIABLES LIKE 'pseudo_thread_id'")) {
                if (rs.next()) {
                    thread = rs.getLong(2);
                }
            }
            try (ResultSet rs = st.executeQuery(
                    "SHOW SESSION STATUS WHERE Variable_name IN ('Com_select', 'Com_insert', 'Com_update', 'Com_delete')")) {
                while (rs.next()) {
                    int at = switch (rs.getString(1)) {
                        case "Com_select" -> 0;
                        case "Com_insert" -> 1;
                        case "Com_update" -> 2;
                        default -> 3;
                    };
                    values[at] = rs.getLong(2);
                }
            }
        }
        return new Reading(thread, new Counts(values[0], values[1], values[2], values[3]));
    }
}
