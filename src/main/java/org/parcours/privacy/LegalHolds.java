package org.parcours.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.parcours.clients.ClientService;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.UserContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal holds: a client file under hold keeps all its data whatever the retention declarations
 * say, until the hold is lifted. Administrators set and lift them, always with a reason; both are
 * audited on the client file.
 */
@Service
public class LegalHolds {

    static final int REASON_MAX = 500;
    private static final String TARGET = "client";

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final ClientService clients;
    private final AuditLog audit;
    private final Clock clock;

    LegalHolds(JdbcTemplate jdbc, CurrentUser currentUser, ClientService clients, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    /** A hold as listed to administrators. */
    public record Hold(long clientId, String reason, String setBy, Instant setAt) {
    }

    @Transactional
    public void set(long clientId, String reason) {
        UserContext admin = requireAdmin(clientId, "set a legal hold");
        String why = requireReason(reason);
        clients.requireVisible(admin, clientId);
        if (held(clientId)) {
            throw new PrivacyException("privacy.hold.error.alreadyHeld");
        }
        jdbc.update("INSERT INTO client_legal_hold (client_id, reason, set_by, set_at) VALUES (?, ?, ?, ?)", clientId, why,
                admin.username(), LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        audit.record(admin.username(), AuditAction.LEGAL_HOLD_SET, TARGET, clientId, "legal hold set: " + why);
    }

    @Transactional
    public void lift(long clientId, String reason) {
        UserContext admin = requireAdmin(clientId, "lift a legal hold");
        String why = requireReason(reason);
        if (jdbc.update("DELETE FROM client_legal_hold WHERE client_id = ?", clientId) == 0) {
            throw new PrivacyException("privacy.hold.error.notHeld");
        }
        audit.record(admin.username(), AuditAction.LEGAL_HOLD_LIFTED, TARGET, clientId, "legal hold lifted: " + why);
    }

    @Transactional(readOnly = true)
    public List<Hold> list() {
        requireAdmin("-", "list legal holds");
        return jdbc.query("SELECT client_id, reason, set_by, set_at FROM client_legal_hold ORDER BY set_at DESC",
                (rs, n) -> new Hold(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
    }

    /** The clients under hold, for the retention job (no user: no check). */
    @Transactional(readOnly = true)
    public Set<Long> heldClientIds() {
        return jdbc.queryForList("SELECT client_id FROM client_legal_hold", Long.class).stream().collect(Collectors.toUnmodifiableSet());
    }

    boolean held(long clientId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM client_legal_hold WHERE client_id = ?", Integer.class, clientId);
        return n != null && n > 0;
    }

    private UserContext requireAdmin(Object target, String what) {
        UserContext user = currentUser.require();
        if (!user.has(Role.ADMIN)) {
            audit.recordDenied(user.username(), TARGET, target, what + " requires the administrator role");
            throw new AccessDeniedException("Only administrators " + what);
        }
        return user;
    }

    static String requireReason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new PrivacyException("privacy.error.reasonRequired");
        }
        if (why.length() > REASON_MAX) {
            throw new PrivacyException("privacy.error.reasonTooLong");
        }
        return why;
    }
}
