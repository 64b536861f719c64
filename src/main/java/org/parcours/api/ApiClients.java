package org.parcours.api;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.parcours.audit.AuditLog;
import org.parcours.clients.ClientFilter;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API's reads of client lists over {@link ClientService} (its team rule): pages in id order,
 * the {@code updated-since} filter from the event log, and the search by national register
 * number. Each list read is one audit row naming the ids it returned; the number searched for is
 * never written anywhere (audit detail, log).
 */
@Service
class ApiClients {

    static final String TARGET = "client";

    private final ClientService clients;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final JdbcTemplate jdbc;

    ApiClients(ClientService clients, AuditLog audit, CurrentUser currentUser, JdbcTemplate jdbc) {
        this.clients = clients;
        this.audit = audit;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

    /** A page of the clients the user may see, by id, optionally only those changed since the instant (audited). */
    @Transactional
    Paging.Page<ClientSummary> page(Paging paging) {
        String user = currentUser.require().username();
        long after = paging.afterId();
        List<ClientSummary> visible = clients.visibleClients();
        Set<Long> changed = paging.updatedSince().map(this::changedSince).orElse(null);
        List<ClientSummary> ordered = visible.stream()
                .filter(c -> c.id() > after)
                .filter(c -> changed == null || changed.contains(c.id()))
                .sorted(Comparator.comparingLong(ClientSummary::id)).toList();
        Paging.Page<ClientSummary> page = paging.page(ordered, c -> String.valueOf(c.id()));
        audit.recordList(user, TARGET, "-", "API /api/clients (after: " + after + ", updated since: "
                + paging.updatedSince().map(Instant::toString).orElse("-") + ")", page.rows().stream().map(ClientSummary::id).toList());
        return page;
    }

    /**
     * The visible client whose national register number is exactly this one (separators ignored),
     * as a list of zero or one; audited without the number.
     */
    @Transactional
    List<ClientSummary> byNationalRegisterNumber(String number) {
        String user = currentUser.require().username();
        String digits = number == null ? "" : number.replaceAll("[\\s.\\-]", "");
        if (!digits.matches("[0-9]{11}")) {
            throw new ApiInputException(HttpStatus.UNPROCESSABLE_CONTENT, ApiProblem.VALIDATION, "Not a national register number",
                    List.of(new ApiProblem.FieldError("/nationalRegisterNumber", "A national register number has 11 digits")));
        }
        List<ClientSummary> found = clients.visibleClients(ClientFilter.text(digits)).stream()
                .filter(c -> digits.equals(c.nationalRegisterNumber())).toList();
        audit.recordList(user, TARGET, "-", "API search by national register number (the number is not recorded)",
                found.stream().map(ClientSummary::id).toList());
        return found;
    }

    private Set<Long> changedSince(Instant since) {
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT target_id FROM api_event WHERE target_type = 'client' AND occurred_at >= ?",
                Long.class, Timestamp.from(since)));
    }
}
