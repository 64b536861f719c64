package org.parcours.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/** Waits, on a real MariaDB, until another transaction is blocked on a lock that a given connection holds. */
public final class LockWaits {

    /** More than the 100 ms without a reader after which InnoDB takes a new snapshot for information_schema.innodb_trx / innodb_lock_waits. */
    private static final long INNODB_SNAPSHOT_IDLE_MS = 150;

    private LockWaits() {
    }

    /**
     * Until a transaction waits for a lock that {@code holder}'s transaction holds (seen through
     * {@code watch}, another connection); the waiting connection's id, for a {@code KILL}.
     */
    public static long awaitWaiterOf(Connection holder, Connection watch) throws Exception {
        long holderId;
        try (Statement st = holder.createStatement(); ResultSet rs = st.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            holderId = rs.getLong(1);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (PreparedStatement st = watch.prepareStatement("""
                    SELECT r.trx_mysql_thread_id FROM information_schema.innodb_lock_waits w
                      JOIN information_schema.innodb_trx t ON t.trx_id = w.blocking_trx_id
                      JOIN information_schema.innodb_trx r ON r.trx_id = w.requesting_trx_id
                     WHERE t.trx_mysql_thread_id = ?""")) {
                st.setLong(1, holderId);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
            }
            // InnoDB refreshes its information_schema snapshot of transactions and lock waits only when
            // nobody has read it for 100 ms: polled faster, it keeps showing the moment of the first read
            Thread.sleep(INNODB_SNAPSHOT_IDLE_MS);
        }
        throw new IllegalStateException("no transaction waited for the locks of connection " + holderId);
    }
}
