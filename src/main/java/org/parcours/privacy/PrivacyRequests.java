package org.parcours.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientService;
import org.parcours.formdef.Item;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.UserContext;
import org.parcours.submissions.Submissions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's requests to rectify or erase their data (GDPR art. 16, 17): recorded with the day
 * received and the deadline the policy sets ({@code privacy_requests.deadline}), decided with a
 * reason, then carried out. Carrying out an accepted erasure deletes every answer of every form
 * the client has, in every version and revision, and needs a second administrator: not the one
 * who decided it (four eyes); a file under legal hold is refused. A rectification is carried out
 * by the client's team in the file and its forms, then marked done. Administrators only; every
 * step is audited on the client file, with counts and reasons, never an answer.
 */
@Service
public class PrivacyRequests {

    static final String DEADLINE_PATH = "privacy_requests.deadline";
    static final int TEXT_MAX = 1000;
    private static final String TARGET = "client";

    public enum Kind { RECTIFICATION, ERASURE }

    public enum Status { RECEIVED, ACCEPTED, REFUSED, DONE }

    /** One request as listed to administrators. */
    public record Request(long id, long clientId, Kind kind, Status status, String text, LocalDate receivedOn, LocalDate dueOn,
                          String recordedBy, @Nullable String decidedBy, @Nullable String decisionReason, @Nullable String doneBy,
                          @Nullable Instant doneAt) {

        /** Still waiting for an answer after its deadline. */
        public boolean overdue(LocalDate today) {
            return (status == Status.RECEIVED || status == Status.ACCEPTED) && today.isAfter(dueOn);
        }
    }

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final ClientService clients;
    private final Submissions submissions;
    private final FormCatalog catalog;
    private final LegalHolds holds;
    private final AuditLog audit;
    private final Clock clock;

    PrivacyRequests(JdbcTemplate jdbc, CurrentUser currentUser, ClientService clients, Submissions submissions, FormCatalog catalog,
                    LegalHolds holds, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clients = clients;
        this.submissions = submissions;
        this.catalog = catalog;
        this.holds = holds;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a request received today; returns it with its deadline. */
    @Transactional
    public Request record(long clientId, Kind kind, String text) {
        UserContext admin = requireAdmin(clientId, "record a privacy request");
        String what = text == null ? "" : text.strip();
        if (what.isEmpty()) {
            throw new PrivacyException("privacy.request.error.textRequired");
        }
        if (what.length() > TEXT_MAX) {
            throw new PrivacyException("privacy.request.error.textTooLong");
        }
        clients.requireVisible(admin, clientId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate due = today.plus(catalog.policy().period(DEADLINE_PATH));
        jdbc.update("INSERT INTO privacy_request (client_id, kind, status, request_text, received_on, due_on, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                clientId, kind.name(), Status.RECEIVED.name(), what, today, due, admin.username());
        long id = jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class);
        audit.record(admin.username(), AuditAction.PRIVACY_REQUEST_RECORDED, TARGET, clientId,
                kind.name().toLowerCase(java.util.Locale.ROOT) + " request " + id + " received " + today + ", due " + due);
        return find(id);
    }

    /** Accepts or refuses a received request, with a reason. */
    @Transactional
    public Request decide(long requestId, boolean accept, String reason) {
        Request request = find(requestId);
        UserContext admin = requireAdmin(request.clientId(), "decide a privacy request");
        String why = LegalHolds.requireReason(reason);
        if (request.status() != Status.RECEIVED) {
            throw new PrivacyException("privacy.request.error.notReceived");
        }
        Status status = accept ? Status.ACCEPTED : Status.REFUSED;
        jdbc.update("UPDATE privacy_request SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ? WHERE id = ? AND status = ?",
                status.name(), admin.username(), now(), why, requestId, Status.RECEIVED.name());
        audit.record(admin.username(), AuditAction.PRIVACY_REQUEST_DECIDED, TARGET, request.clientId(),
                "request " + requestId + " " + status.name().toLowerCase(java.util.Locale.ROOT) + ": " + why);
        return find(requestId);
    }

    /**
     * Carries out an accepted request. An erasure deletes every stored answer of the client and is
     * refused to the administrator who accepted it and while the file is under legal hold.
     */
    @Transactional
    public Request carryOut(long requestId) {
        Request request = find(requestId);
        UserContext admin = requireAdmin(request.clientId(), "carry out a privacy request");
        if (request.status() != Status.ACCEPTED) {
            throw new PrivacyException("privacy.request.error.notAccepted");
        }
        String outcome = "rectified by the client's team";
        if (request.kind() == Kind.ERASURE) {
            if (admin.username().equals(request.decidedBy())) {
                audit.recordDenied(admin.username(), TARGET, request.clientId(), "an erasure is carried out by a second administrator");
                throw new PrivacyException("privacy.request.error.fourEyes");
            }
            if (holds.held(request.clientId())) {
                throw new PrivacyException("privacy.request.error.held");
            }
            int erased = 0;
            for (PublishedForm live : catalog.liveForms()) {
                Set<String> items = new TreeSet<>();
                for (long versionId : catalog.versionIds(live.formKey())) {
                    catalog.version(versionId).definition().allItems().map(Item::id).forEach(items::add);
                }
                erased += submissions.eraseAnswersAt(request.clientId(), live.formKey(), items);
            }
            outcome = erased + " answers erased";
        }
        jdbc.update("UPDATE privacy_request SET status = ?, done_by = ?, done_at = ? WHERE id = ? AND status = ?", Status.DONE.name(),
                admin.username(), now(), requestId, Status.ACCEPTED.name());
        audit.record(admin.username(), AuditAction.PRIVACY_REQUEST_DONE, TARGET, request.clientId(), "request " + requestId + " done: " + outcome);
        return find(requestId);
    }

    /** The requests not yet done or refused, oldest deadline first, then the last closed ones. */
    @Transactional(readOnly = true)
    public List<Request> list() {
        requireAdmin("-", "list privacy requests");
        return jdbc.query("SELECT * FROM privacy_request ORDER BY status IN ('DONE', 'REFUSED'), due_on, id LIMIT 200", (rs, n) -> row(rs));
    }

    private Request find(long requestId) {
        List<Request> found = jdbc.query("SELECT * FROM privacy_request WHERE id = ?", (rs, n) -> row(rs), requestId);
        if (found.isEmpty()) {
            throw new PrivacyException("privacy.request.error.unknown");
        }
        return found.getFirst();
    }

    private static Request row(java.sql.ResultSet rs) throws java.sql.SQLException {
        LocalDateTime done = rs.getObject("done_at", LocalDateTime.class);
        return new Request(rs.getLong("id"), rs.getLong("client_id"), Kind.valueOf(rs.getString("kind")), Status.valueOf(rs.getString("status")),
                rs.getString("request_text"), rs.getObject("received_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getString("recorded_by"), rs.getString("decided_by"), rs.getString("decision_reason"), rs.getString("done_by"),
                done == null ? null : done.toInstant(ZoneOffset.UTC));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private UserContext requireAdmin(Object target, String what) {
        UserContext user = currentUser.require();
        if (!user.has(Role.ADMIN)) {
            audit.recordDenied(user.username(), TARGET, target, what + " requires the administrator role");
            throw new AccessDeniedException("Only administrators " + what);
        }
        return user;
    }
}
