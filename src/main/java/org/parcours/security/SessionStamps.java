package org.parcours.security;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Whether a signed-in session is still valid for its account: the account is enabled and its
 * security stamp ({@code app_user.security_stamp}) is the one the session started with. The
 * stamp is read from MariaDB, so a change made on any node ends the account's sessions on every
 * node. Each node keeps what it read for at most {@link #MAX_AGE} (one read per signed-in user and
 * second at most, however many requests); the node that makes the change forgets its copy as the
 * change commits, so there the next request already sees it, and on the other nodes within
 * {@link #MAX_AGE}.
 */
@Component
public class SessionStamps {

    static final Duration MAX_AGE = Duration.ofSeconds(1);
    /** More users than this seen within a second: the cache is simply emptied (it only saves reads). */
    private static final int MAX_ENTRIES = 10_000;

    private record Seen(boolean enabled, long stamp, long readAtNanos) {
    }

    private final JdbcTemplate jdbc;
    private final ConcurrentHashMap<Long, Seen> seen = new ConcurrentHashMap<>();

    SessionStamps(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a session of {@code userId} that started with {@code stamp} may go on. */
    public boolean isCurrent(long userId, long stamp) {
        long now = System.nanoTime();
        Seen last = seen.get(userId);
        if (last == null || now - last.readAtNanos() > MAX_AGE.toNanos()) {
            List<Seen> rows = jdbc.query("SELECT enabled, security_stamp FROM app_user WHERE id = ?",
                    (rs, i) -> new Seen(rs.getBoolean(1), rs.getLong(2), now), userId);
            last = rows.isEmpty() ? new Seen(false, -1, now) : rows.getFirst();
            if (seen.size() > MAX_ENTRIES) {
                seen.clear();
            }
            seen.put(userId, last);
        }
        return last.enabled() && last.stamp() == stamp;
    }

    /** The account's stamp was bumped in the current transaction: this node forgets its copy once it commits. */
    void changed(long userId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    seen.remove(userId);
                }
            });
        } else {
            seen.remove(userId);
        }
    }
}
