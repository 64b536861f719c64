package org.parcours.privacy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditEntry;
import org.parcours.audit.AuditLog;
import org.parcours.audit.AuditTrail;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.UserAccounts;
import org.parcours.security.UserContext;
import org.parcours.submissions.SubmissionKind;
import org.parcours.submissions.SubmittedForm;
import org.parcours.submissions.Submissions;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Who read this file": every reading and change of a client file and of its submitted forms, by
 * person, role, time and what was opened, from the audit trail. For the file's responsible worker
 * and administrators; anyone else is refused and the attempt audited. Reading the list is audited
 * too. The subject access export gives the same lines to the person.
 */
@Service
public class FileReaders {

    static final int LINES_MAX = 10_000;
    /** The audit trail's target type of each kind of submission. */
    static final Map<SubmissionKind, String> AUDIT_TARGETS = Map.of(SubmissionKind.EVALUATION, "evaluation",
            SubmissionKind.AID_REQUEST, "aid_request", SubmissionKind.CONTRACT, "masp_contract");

    private final CurrentUser currentUser;
    private final ClientService clients;
    private final Submissions submissions;
    private final FormCatalog catalog;
    private final AuditTrail trail;
    private final AuditLog audit;
    private final UserAccounts accounts;

    FileReaders(CurrentUser currentUser, ClientService clients, Submissions submissions, FormCatalog catalog, AuditTrail trail, AuditLog audit,
                UserAccounts accounts) {
        this.currentUser = currentUser;
        this.clients = clients;
        this.submissions = submissions;
        this.catalog = catalog;
        this.trail = trail;
        this.audit = audit;
        this.accounts = accounts;
    }

    /**
     * One reading or change.
     *
     * @param roles      the roles the person holds today (empty for a job, such as the retention run)
     * @param targetType what was opened or changed: {@code client}, {@code evaluation}, {@code aid_request}, {@code masp_contract}
     */
    public record Line(Instant at, String who, Set<Role> roles, String action, String targetType, String targetId, String detail) {
    }

    /** Whether the signed-in user may read the list of a file they see: administrators and the file's responsible worker. */
    public boolean mayRead(ClientSummary client) {
        UserContext user = currentUser.require();
        return user.has(Role.ADMIN) || client.responsibleWorkerId() != null && client.responsibleWorkerId() == user.id();
    }

    /** Who read or changed the file and its forms, newest first. */
    @Transactional
    public List<Line> of(long clientId) {
        UserContext user = currentUser.require();
        ClientSummary client = clients.requireVisible(user, clientId);
        if (!mayRead(client)) {
            audit.recordDenied(user.username(), "client", clientId, "who read this file is for its responsible worker and administrators");
            throw new AccessDeniedException("Only the responsible worker and administrators see who read this file");
        }
        List<AuditEntry> rows = trail.onRecords(records(clientId), LINES_MAX);
        Map<String, Set<Role>> roles = accounts.rolesOf(rows.stream().map(AuditEntry::actor).toList());
        audit.record(user.username(), AuditAction.CLIENT_READ, "client", clientId, "who read this file: " + rows.size() + " lines");
        return rows.stream().map(r -> new Line(r.occurredAt(), r.actor(), roles.getOrDefault(r.actor(), Set.of()), r.action(), r.targetType(),
                r.targetId(), r.detail())).toList();
    }

    /** The records of a client in the audit trail: the file and each of its submitted forms, by target type. */
    Map<String, Set<String>> records(long clientId) {
        Map<String, Set<String>> records = new LinkedHashMap<>();
        records.put("client", Set.of(String.valueOf(clientId)));
        for (PublishedForm live : catalog.liveForms()) {
            for (SubmittedForm submitted : submissions.submittedOfClients(List.of(clientId), live.formKey()).getOrDefault(clientId, List.of())) {
                records.computeIfAbsent(AUDIT_TARGETS.get(submitted.kind()), k -> new TreeSet<>()).add(String.valueOf(submitted.id()));
            }
        }
        return records;
    }
}
