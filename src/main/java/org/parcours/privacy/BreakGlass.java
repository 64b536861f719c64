package org.parcours.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.parcours.catalog.FormCatalog;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ClientService;
import org.parcours.clients.JustifiedAccess;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.UserContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Justified access outside one's caseload ("break glass"): a worker opens a client of another
 * team by giving a reason; the access lasts the policy's {@code break_glass.hours}, is audited
 * with the reason and listed to administrators. Without it, the team rule refuses as always.
 */
@Service
public class BreakGlass implements JustifiedAccess {

    static final String HOURS_PATH = "break_glass.hours";
    private static final String TARGET = "client";

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final ClientService clients;
    private final FormCatalog catalog;
    private final AuditLog audit;
    private final Clock clock;

    BreakGlass(JdbcTemplate jdbc, CurrentUser currentUser, ClientService clients, FormCatalog catalog, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clients = clients;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    /** One justified access, as listed to administrators. */
    public record Access(long id, String username, long clientId, long teamId, String reason, Instant grantedAt, Instant expiresAt) {
    }

    /**
     * Opens a justified access to the client for the signed-in worker; returns when it ends. An
     * unknown client is refused like a client one may not open (no probing by id).
     */
    @Transactional
    public Instant open(long clientId, String reason) {
        UserContext user = currentUser.require();
        if (!user.has(Role.WORKER)) {
            audit.recordDenied(user.username(), TARGET, clientId, "a justified access is for workers");
            throw new AccessDeniedException("Only workers open a justified access");
        }
        String why = LegalHolds.requireReason(reason);
        long teamId = clients.teamOf(clientId).orElseThrow(() -> {
            audit.recordDenied(user.username(), TARGET, clientId, "justified access to no such client");
            return new ClientNotFoundException(clientId);
        });
        Instant now = clock.instant();
        Instant until = now.plus(Duration.ofHours(catalog.policy().integer(HOURS_PATH)));
        jdbc.update("INSERT INTO break_glass_access (username, client_id, team_id, reason, granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                user.username(), clientId, teamId, why, utc(now), utc(until));
        audit.record(user.username(), AuditAction.JUSTIFIED_ACCESS_OPENED, TARGET, clientId,
                "justified access to a client of team " + teamId + " until " + until + ": " + why);
        return until;
    }

    @Override
    public boolean grants(UserContext user, long clientId) {
        if (!user.has(Role.WORKER)) {
            return false;
        }
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM break_glass_access WHERE username = ? AND client_id = ? AND expires_at > ?",
                Integer.class, user.username(), clientId, utc(clock.instant()));
        return n != null && n > 0;
    }

    @Override
    public List<Grant> grantsOn(long clientId, int days) {
        return jdbc.query("SELECT username, reason, granted_at, expires_at FROM break_glass_access WHERE client_id = ? AND granted_at >= ?"
                        + " ORDER BY granted_at DESC, id DESC",
                (rs, n) -> new Grant(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC)),
                clientId, utc(clock.instant().minus(Duration.ofDays(days))));
    }

    /** The justified accesses of the last days, newest first: administrators only. */
    @Transactional(readOnly = true)
    public List<Access> recent(int days) {
        UserContext user = currentUser.require();
        if (!user.has(Role.ADMIN)) {
            audit.recordDenied(user.username(), TARGET, "-", "listing justified accesses requires the administrator role");
            throw new AccessDeniedException("Only administrators list justified accesses");
        }
        return jdbc.query("SELECT id, username, client_id, team_id, reason, granted_at, expires_at FROM break_glass_access"
                        + " WHERE granted_at >= ? ORDER BY granted_at DESC, id DESC",
                (rs, n) -> new Access(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getObject(6, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getObject(7, LocalDateTime.class).toInstant(ZoneOffset.UTC)),
                utc(clock.instant().minus(Duration.ofDays(days))));
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
