package org.parcours.api;

import java.sql.Timestamp;
import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes expired idempotency keys every hour (once per cluster: ShedLock row
 * "idempotency-keys"), in slices so that no long delete holds locks; a key expired since is also
 * removed when it is sent again ({@link IdempotencyFilter}).
 */
@Component
class IdempotencyKeyPurge {

    static final String NAME = "idempotency-keys";
    private static final int SLICE = 1000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyKeyPurge(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @SchedulerLock(name = NAME, lockAtMostFor = "PT30M")
    public void scheduled() {
        purge();
    }

    /** Deletes the keys expired now; returns how many. */
    int purge() {
        Timestamp now = Timestamp.from(clock.instant());
        int total = 0;
        int removed;
        do {
            removed = jdbc.update("DELETE FROM api_idempotency_key WHERE expires_at < ? LIMIT " + SLICE, now);
            total += removed;
        } while (removed == SLICE);
        return total;
    }
}
