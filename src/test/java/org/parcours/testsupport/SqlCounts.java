package org.parcours.testsupport;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the SQL statements the database received for an action, whatever sent them (Hibernate,
 * JdbcTemplate, a native query): the action runs in one transaction, so on one connection, and the
 * counts are that connection's session counters before and after (SHOW SESSION STATUS, which
 * counts itself apart).
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

    private SqlCounts() {
    }

    public static <T> Counted<T> of(TransactionTemplate transactions, JdbcTemplate jdbc, Supplier<T> action) {
        return transactions.execute(status -> {
            Counts before = read(jdbc);
            T result = action.get();
            Counts after = read(jdbc);
            return new Counted<>(result, new Counts(after.selects - before.selects, after.inserts - before.inserts,
                    after.updates - before.updates, after.deletes - before.deletes));
        });
    }

    public static Counts counts(TransactionTemplate transactions, JdbcTemplate jdbc, Runnable action) {
        return of(transactions, jdbc, () -> {
            action.run();
            return null;
        }).counts();
    }

    private static Counts read(JdbcTemplate jdbc) {
        Map<String, Long> values = new java.util.HashMap<>();
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SHOW SESSION STATUS WHERE Variable_name IN ('Com_select', 'Com_insert', 'Com_update', 'Com_delete')");
        rows.forEach(row -> values.put(String.valueOf(row.get("Variable_name")), Long.parseLong(String.valueOf(row.get("Value")))));
        return new Counts(values.getOrDefault("Com_select", 0L), values.getOrDefault("Com_insert", 0L),
                values.getOrDefault("Com_update", 0L), values.getOrDefault("Com_delete", 0L));
    }
}
