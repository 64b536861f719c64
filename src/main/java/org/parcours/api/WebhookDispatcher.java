package org.parcours.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the webhook outbox: every {@code parcours.webhooks.interval} the node holding the ShedLock
 * row "webhooks" POSTs each due delivery to its subscription's address, signed with HMAC-SHA256
 * under the subscription's secret ({@code Parcours-Signature: t=<unix seconds>,v1=<hex of
 * HMAC(secret, t + "." + body)>}). A 2xx answer delivers it; anything else (another status, no
 * answer within the timeout) is an attempt recorded with its status or error, retried after
 * {@code retry-base} doubled per attempt (at most {@code retry-max}), until {@code max-attempts},
 * after which the delivery is FAILED. A delivery is claimed before it is sent, so a second run
 * (another thread, a node whose lock expired) never sends it twice at once. The body holds ids,
 * the event type and the API link only: no personal value is ever sent.
 * <p>
 * A node that dies (kill -9, a crash) in the middle of a run leaves the lock and its claimed
 * delivery behind; both are leases that end by themselves. They are kept short so that sending
 * resumes soon on the restarted node or another one: a run stops taking deliveries after
 * {@link #RUN_BUDGET} (the next run goes on), so it ends well within the lock's two minutes, and
 * a claim lasts two timeouts (connecting, then waiting for the answer) plus a margin. A delivery
 * whose answer came but whose node died before recording it is sent again, with the same ids:
 * deliveries are at least once.
 */
@Component
class WebhookDispatcher {

    static final String NAME = "webhooks";
    static final String SIGNATURE_HEADER = "Parcours-Signature";
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    /** After this long a run takes no more deliveries (and its lock is at most {@code PT2M}). */
    static final Duration RUN_BUDGET = Duration.ofSeconds(30);
    private static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final JsonMapper json;
    private final HttpClient http;
    private final Duration timeout;
    private final Duration retryBase;
    private final Duration retryMax;
    private final int maxAttempts;
    /** How long a claimed delivery is left to its sender before another run may take it again. */
    private final Duration claim;

    WebhookDispatcher(JdbcTemplate jdbc, Clock clock, JsonMapper json,
                      @Value("${parcours.webhooks.timeout:10s}") Duration timeout,
                      @Value("${parcours.webhooks.retry-base:30s}") Duration retryBase,
                      @Value("${parcours.webhooks.retry-max:6h}") Duration retryMax,
                      @Value("${parcours.webhooks.max-attempts:10}") int maxAttempts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
        this.timeout = timeout;
        this.retryBase = retryBase;
        this.retryMax = retryMax;
        this.maxAttempts = maxAttempts;
        this.claim = timeout.multipliedBy(2).plusSeconds(30);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelayString = "${parcours.webhooks.interval:PT10S}", initialDelayString = "${parcours.webhooks.interval:PT10S}")
    @SchedulerLock(name = NAME, lockAtMostFor = "PT2M")
    public void scheduled() {
        dispatchDue(clock.instant());
    }

    private record Due(long id, int attempts, Timestamp nextAttemptAt, String url, String secret, long eventId, String type,
                       String targetType, long targetId, Timestamp occurredAt) {
    }

    /** Sends the deliveries due at {@code now}; returns how many were delivered. */
    int dispatchDue(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        List<Due> due = jdbc.query("""
                SELECT d.id, d.attempts, d.next_attempt_at, s.url, s.secret, e.id, e.event_type, e.target_type, e.target_id, e.occurred_at
                FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id JOIN api_event e ON e.id = d.event_id
                WHERE d.state = 'PENDING' AND d.next_attempt_at <= ? AND s.active ORDER BY d.id LIMIT ?""",
                (rs, n) -> new Due(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                        rs.getString(7), rs.getString(8), rs.getLong(9), rs.getTimestamp(10)), Timestamp.from(at), BATCH);
        int delivered = 0;
        long began = System.nanoTime();
        for (Due delivery : due) {
            long elapsed = System.nanoTime() - began;
            if (elapsed > RUN_BUDGET.toNanos()) {
                break; // the rest waits for the next run, so that this one ends within its lock
            }
            Instant current = at.plusNanos(elapsed).truncatedTo(ChronoUnit.MICROS);
            int claimed = jdbc.update("UPDATE webhook_delivery SET next_attempt_at = ? WHERE id = ? AND state = 'PENDING' AND next_attempt_at = ?",
                    Timestamp.from(current.plus(claim)), delivery.id(), delivery.nextAttemptAt());
            if (claimed == 1 && send(delivery, current)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean send(Due delivery, Instant now) {
        String body = body(delivery);
        long timestamp = now.getEpochSecond();
        Integer status = null;
        String error = null;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(delivery.url())).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Parcours-Webhooks")
                    .header("Parcours-Event-Id", String.valueOf(delivery.eventId()))
                    .header("Parcours-Event-Type", delivery.type())
                    .header("Parcours-Delivery-Id", String.valueOf(delivery.id()))
                    .header(SIGNATURE_HEADER, "t=" + timestamp + ",v1=" + sign(delivery.secret(), timestamp + "." + body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        boolean ok = status != null && status >= 200 && status < 300;
        int attempts = delivery.attempts() + 1;
        jdbc.update("INSERT INTO webhook_attempt (delivery_id, attempted_at, http_status, error) VALUES (?, ?, ?, ?)",
                delivery.id(), Timestamp.from(now), status, error == null ? null : error.substring(0, Math.min(500, error.length())));
        if (ok) {
            jdbc.update("UPDATE webhook_delivery SET state = 'DELIVERED', attempts = ?, delivered_at = ? WHERE id = ?",
                    attempts, Timestamp.from(now), delivery.id());
        } else if (attempts >= maxAttempts) {
            jdbc.update("UPDATE webhook_delivery SET state = 'FAILED', attempts = ? WHERE id = ?", attempts, delivery.id());
            log.warn("Webhook delivery {} (event {}) failed {} times; given up", delivery.id(), delivery.eventId(), attempts);
        } else {
            jdbc.update("UPDATE webhook_delivery SET attempts = ?, next_attempt_at = ? WHERE id = ?",
                    attempts, Timestamp.from(now.plus(backoff(attempts))), delivery.id());
        }
        return ok;
    }

    /** retry-base after the first failure, doubled after each next one, never more than retry-max. */
    Duration backoff(int failedAttempts) {
        Duration wait = retryBase.multipliedBy(1L << Math.min(20, failedAttempts - 1));
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }

    private String body(Due delivery) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", delivery.eventId());
        payload.put("type", delivery.type());
        payload.put("occurredAt", delivery.occurredAt().toInstant().toString());
        payload.put("target", Map.of("type", delivery.targetType(), "id", delivery.targetId()));
        ApiEvents.link(delivery.targetType(), delivery.targetId()).ifPresent(link -> payload.put("link", link));
        return json.writeValueAsString(payload);
    }

    static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
