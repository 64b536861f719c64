package org.parcours.api;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.parcours.audit.AuditRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The domain events integrators see (docs/decisions/0020), taken from the audit rows of changes
 * as they are written, so in the transaction of the change: an event exists if and only if the
 * change does. Each event is stored in {@code api_event} (the client list's {@code updated-since}
 * reads it) and, for every active subscription that wants its type, as a pending row of the
 * webhook outbox. Ids only: no name, number or answer is ever stored or sent.
 */
@Component
class ApiEvents {

    static final String CLIENT_CREATED = "client.created";
    static final String CLIENT_UPDATED = "client.updated";
    static final String CLIENT_CLOSED = "client.closed";
    static final String SUBMISSION_SUBMITTED = "submission.submitted";
    static final String SUBMISSION_AMENDED = "submission.amended";
    static final String DECISION_RECORDED = "committee.decision_recorded";
    static final List<String> TYPES = List.of(CLIENT_CREATED, CLIENT_UPDATED, CLIENT_CLOSED, SUBMISSION_SUBMITTED,
            SUBMISSION_AMENDED, DECISION_RECORDED);

    /** How the client module's audit detail spells a change of status to closed (before -> after). */
    private static final Pattern TO_CLOSED = Pattern.compile("(^|; )status: [^;]* -> CLOSED(;|$)");

    /** An event of the log: its type and what it is about ({@code client}, {@code evaluation}, ...). */
    record Event(String type, String targetType, long targetId) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ApiEvents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void onAudit(AuditRecorded row) {
        toEvent(row).ifPresent(this::store);
    }

    /** The event a change's audit row stands for, if integrators are told of it. */
    static Optional<Event> toEvent(AuditRecorded row) {
        long id;
        try {
            id = Long.parseLong(row.targetId());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String detail = row.detail() == null ? "" : row.detail();
        String type = switch (row.action()) {
            case CLIENT_CREATED -> CLIENT_CREATED;
            case CLIENT_UPDATED, CLIENT_ASSIGNED, CLIENT_STATUS_BY_DECISION, CLIENT_STATUS_BY_RULE ->
                    TO_CLOSED.matcher(detail).find() ? CLIENT_CLOSED : CLIENT_UPDATED;
            case EVALUATION_SUBMITTED, AID_REQUEST_SUBMITTED, CONTRACT_SIGNED -> SUBMISSION_SUBMITTED;
            case EVALUATION_AMENDED, CONTRACT_AMENDED -> SUBMISSION_AMENDED;
            case DECISION_RECORDED -> DECISION_RECORDED;
            default -> null;
        };
        if (type == null || !"client".equals(row.targetType()) && type.startsWith("client.")) {
            return Optional.empty();
        }
        return Optional.of(new Event(type, targetOf(row.targetType()), id));
    }

    private static String targetOf(String auditTarget) {
        return switch (auditTarget) {
            case "masp_contract" -> "contract";
            case "committee_decision" -> "decision";
            default -> auditTarget;
        };
    }

    private void store(Event event) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO api_event (event_type, target_type, target_id, occurred_at) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            statement.setString(1, event.type());
            statement.setString(2, event.targetType());
            statement.setLong(3, event.targetId());
            statement.setTimestamp(4, Timestamp.from(now));
            return statement;
        }, key);
        long eventId = key.getKey().longValue();
        // the outbox: one pending delivery per subscription that wants this type
        jdbc.update("""
                INSERT INTO webhook_delivery (subscription_id, event_id, state, attempts, next_attempt_at)
                SELECT id, ?, 'PENDING', 0, ? FROM webhook_subscription
                WHERE active AND FIND_IN_SET(?, events) > 0""", eventId, Timestamp.from(now), event.type());
    }

    /** The API address of what an event is about, where the API has one. */
    static Optional<String> link(String targetType, long targetId) {
        return switch (targetType) {
            case "client" -> Optional.of("/api/clients/" + targetId);
            case "evaluation" -> Optional.of("/api/evaluations/" + targetId);
            default -> Optional.empty();
        };
    }
}
