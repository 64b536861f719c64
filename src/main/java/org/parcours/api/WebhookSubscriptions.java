package org.parcours.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.UserContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook subscriptions, for administrators only (others are refused and audited): the address,
 * the event types wanted and the shared secret that signs each delivery. The secret is shown
 * once, when the subscription is made; lists never show it. Creation and removal are audited.
 */
@Service
class WebhookSubscriptions {

    static final String TARGET = "webhook_subscription";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    WebhookSubscriptions(JdbcTemplate jdbc, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    record Subscription(long id, String url, List<String> events, boolean active, Instant createdAt, String createdBy) {
    }

    /** A new subscription with its secret, the only time it is shown. */
    record Created(Subscription subscription, String secret) {
    }

    record Delivery(long id, long eventId, String eventType, String state, int attempts, Instant nextAttemptAt, Instant deliveredAt,
                    List<Attempt> attemptList) {
    }

    record Attempt(Instant at, Integer httpStatus, String error) {
    }

    @Transactional
    Created create(String url, List<String> events, String secret) {
        UserContext user = requireAdmin("-");
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        String address = url == null ? "" : url.strip();
        if (!validUrl(address)) {
            errors.add(new ApiProblem.FieldError("/url", "An absolute http or https address, at most 2000 characters"));
        }
        Set<String> wanted = new LinkedHashSet<>();
        if (events == null || events.isEmpty()) {
            errors.add(new ApiProblem.FieldError("/events", "Name at least one event type: " + String.join(", ", ApiEvents.TYPES)));
        } else {
            for (int i = 0; i < events.size(); i++) {
                if (!ApiEvents.TYPES.contains(events.get(i))) {
                    errors.add(new ApiProblem.FieldError("/events/" + i, "Not an event type; the types are " + String.join(", ", ApiEvents.TYPES)));
                } else {
                    wanted.add(events.get(i));
                }
            }
        }
        String key = secret == null || secret.isBlank() ? HexFormat.of().formatHex(random32())
                : secret.strip();
        if (key.length() < 16 || key.length() > 200) {
            errors.add(new ApiProblem.FieldError("/secret", "A secret of 16 to 200 characters, or none to have one made"));
        }
        if (!errors.isEmpty()) {
            throw new ApiInputException(HttpStatus.UNPROCESSABLE_CONTENT, ApiProblem.VALIDATION, "Some fields are not valid; nothing was changed",
                    errors);
        }
        Instant now = clock.instant();
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO webhook_subscription (url, events, secret, active, created_at, created_by) VALUES (?, ?, ?, TRUE, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            statement.setString(1, address);
            statement.setString(2, String.join(",", wanted));
            statement.setString(3, key);
            statement.setTimestamp(4, Timestamp.from(now));
            statement.setString(5, user.username());
            return statement;
        }, id);
        long subscriptionId = id.getKey().longValue();
        audit.record(user.username(), AuditAction.WEBHOOK_SUBSCRIBED, TARGET, subscriptionId, "to " + address + " for " + wanted);
        return new Created(new Subscription(subscriptionId, address, List.copyOf(wanted), true, now, user.username()), key);
    }

    @Transactional(readOnly = true)
    List<Subscription> list() {
        requireAdmin("-");
        return jdbc.query("SELECT id, url, events, active, created_at, created_by FROM webhook_subscription ORDER BY id",
                (rs, n) -> new Subscription(rs.getLong(1), rs.getString(2), List.of(rs.getString(3).split(",")), rs.getBoolean(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)));
    }

    @Transactional
    void remove(long id) {
        UserContext user = requireAdmin(id);
        if (jdbc.update("DELETE FROM webhook_subscription WHERE id = ?", id) == 0) {
            throw new ApiNotFoundException("webhook subscription " + id);
        }
        audit.record(user.username(), AuditAction.WEBHOOK_REMOVED, TARGET, id, "removed with its deliveries");
    }

    /** The last 100 deliveries of a subscription, newest first, each with its attempts. */
    @Transactional(readOnly = true)
    List<Delivery> deliveries(long subscriptionId) {
        requireAdmin(subscriptionId);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM webhook_subscription WHERE id = ?", Integer.class, subscriptionId) == 0) {
            throw new ApiNotFoundException("webhook subscription " + subscriptionId);
        }
        return jdbc.query("""
                SELECT d.id, d.event_id, e.event_type, d.state, d.attempts, d.next_attempt_at, d.delivered_at
                FROM webhook_delivery d JOIN api_event e ON e.id = d.event_id WHERE d.subscription_id = ? ORDER BY d.id DESC LIMIT 100""",
                (rs, n) -> new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getTimestamp(6).toInstant(), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        jdbc.query("SELECT attempted_at, http_status, error FROM webhook_attempt WHERE delivery_id = ? ORDER BY id",
                                (a, m) -> new Attempt(a.getTimestamp(1).toInstant(), (Integer) a.getObject(2), a.getString(3)), rs.getLong(1))),
                subscriptionId);
    }

    private UserContext requireAdmin(Object target) {
        UserContext user = currentUser.require();
        if (!user.has(Role.ADMIN)) {
            audit.recordDenied(user.username(), TARGET, target, "webhook subscriptions require the administrator role");
            throw new AccessDeniedException("Only administrators manage webhook subscriptions");
        }
        return user;
    }

    private static byte[] random32() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static boolean validUrl(String address) {
        if (address.isEmpty() || address.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(address);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
