package org.parcours.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes webhook deliveries delivered longer ago than {@code parcours.webhooks.retention} (30
 * days by default), with their attempts, every hour and once per cluster (ShedLock row
 * "webhook-deliveries"), in slices so that no long delete holds locks. Pending deliveries are
 * never touched, and failed ones stay for an administrator to see. The events themselves stay:
 * the client list's {@code updated-since} reads them.
 */
@Component
class WebhookDeliveryPurge {

    static final String NAME = "webhook-deliveries";
    private static final int SLICE = 1000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;

    WebhookDeliveryPurge(JdbcTemplate jdbc, Clock clock, @Value("${parcours.webhooks.retention:30d}") Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("parcours.webhooks.retention must be a positive duration (e.g. 30d), not " + retention);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
    @SchedulerLock(name = NAME, lockAtMostFor = "PT30M")
    public void scheduled() {
        purge(clock.instant());
    }

    /** Deletes the deliveries delivered before {@code now} minus the retention; returns how many. */
    int purge(Instant now) {
        Timestamp before = Timestamp.from(now.minus(retention));
        int total = 0;
        int removed;
        do {
            // the attempts go with their delivery (ON DELETE CASCADE)
            removed = jdbc.update("DELETE FROM webhook_delivery WHERE state = 'DELIVERED' AND delivered_at < ? LIMIT " + SLICE, before);
            total += removed;
        } while (removed == SLICE);
        return total;
    }
}
