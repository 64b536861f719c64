package org.parcours.testsupport;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.NewClient;
import org.parcours.security.TeamRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Creates test data through the real services, as a given user, and reads rows back with SQL. */
@Component
public class TestData {

    private final ClientService clients;
    private final TeamRepository teams;
    private final JdbcTemplate jdbc;

    TestData(ClientService clients, TeamRepository teams, JdbcTemplate jdbc) {
        this.clients = clients;
        this.teams = teams;
        this.jdbc = jdbc;
    }

    public long teamId(String name) {
        return teams.findByName(name).orElseThrow().getId();
    }

    /** A new client of the team, created as a worker of that team (the caller's security context is kept). */
    public ClientSummary client(String teamName, String lastName) {
        String worker = TestUsers.TEAM_NORTH.equals(teamName) ? TestUsers.WORKER_NORTH : TestUsers.WORKER_SOUTH;
        return as(worker, "WORKER", () -> clients.create(new NewClient("Test", lastName, LocalDate.of(1980, 5, 17), teamId(teamName))));
    }

    public <T> T as(String username, String role, java.util.function.Supplier<T> action) {
        Authentication previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, "n/a", List.of(new SimpleGrantedAuthority("ROLE_" + role))));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    /** The stored answer rows of an evaluation: item id to value. */
    public Map<String, String> answerRows(long evaluationId) {
        Map<String, String> rows = new java.util.TreeMap<>();
        jdbc.query("""
                SELECT a.item_id, a.answer_value FROM submission_answer a JOIN submission_revision r ON r.id = a.revision_id
                WHERE r.submission_id = ? AND r.revision_number = (SELECT MAX(revision_number) FROM submission_revision WHERE submission_id = ?)""",
                rs -> { rows.put(rs.getString(1), rs.getString(2)); }, evaluationId, evaluationId);
        return rows;
    }

    /** The stored answer rows of one revision of an evaluation. */
    public Map<String, String> answerRows(long evaluationId, int revision) {
        Map<String, String> rows = new java.util.TreeMap<>();
        jdbc.query("""
                SELECT a.item_id, a.answer_value FROM submission_answer a JOIN submission_revision r ON r.id = a.revision_id
                WHERE r.submission_id = ? AND r.revision_number = ?""",
                rs -> { rows.put(rs.getString(1), rs.getString(2)); }, evaluationId, revision);
        return rows;
    }

    public long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    public List<String> auditActions(String actor, String targetType, long targetId) {
        return jdbc.queryForList("SELECT action FROM audit_event WHERE actor = ? AND target_type = ? AND target_id = ? ORDER BY id",
                String.class, actor, targetType, String.valueOf(targetId));
    }
}
