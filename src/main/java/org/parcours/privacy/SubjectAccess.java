package org.parcours.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditEntry;
import org.parcours.audit.AuditFilter;
import org.parcours.audit.AuditLog;
import org.parcours.audit.AuditTrail;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.ClientService;
import org.parcours.committee.MeetingService;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.Item;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.UserContext;
import org.parcours.submissions.SubmissionKind;
import org.parcours.submissions.Submissions;
import org.parcours.submissions.SubmittedForm;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Subject access (GDPR art. 15): for one client, everything Parcours holds (the client file, every
 * submission of every form with its labels, the committee's decisions) and who read or changed it
 * (the audit rows on the file and on its submissions), as one JSON document. Administrators only;
 * the export itself is audited on the client file.
 */
@Service
public class SubjectAccess {

    private static final int AUDIT_ROWS_MAX = 10_000;
    /** The audit trail's target type of each kind of submission. */
    private static final Map<SubmissionKind, String> AUDIT_TARGETS = Map.of(SubmissionKind.EVALUATION, "evaluation",
            SubmissionKind.AID_REQUEST, "aid_request", SubmissionKind.CONTRACT, "masp_contract");

    private final CurrentUser currentUser;
    private final ClientService clients;
    private final Submissions submissions;
    private final FormCatalog catalog;
    private final MeetingService meetings;
    private final AuditTrail trail;
    private final AuditLog audit;
    private final LegalHolds holds;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    SubjectAccess(CurrentUser currentUser, ClientService clients, Submissions submissions, FormCatalog catalog, MeetingService meetings,
                  AuditTrail trail, AuditLog audit, LegalHolds holds, Clock clock) {
        this.currentUser = currentUser;
        this.clients = clients;
        this.submissions = submissions;
        this.catalog = catalog;
        this.meetings = meetings;
        this.trail = trail;
        this.audit = audit;
        this.holds = holds;
        this.clock = clock;
    }

    /** The client's data as a JSON document, labels in {@code locale}. */
    @Transactional
    public byte[] export(long clientId, Locale locale) {
        UserContext admin = currentUser.require();
        if (!admin.has(Role.ADMIN)) {
            audit.recordDenied(admin.username(), "client", clientId, "a subject access export requires the administrator role");
            throw new AccessDeniedException("Only administrators export a client's data");
        }
        ClientSummary client = clients.requireVisible(admin, clientId);
        ObjectNode root = json.createObjectNode();
        root.put("generatedAt", clock.instant().toString());
        root.put("generatedBy", admin.username());
        root.set("client", json.valueToTree(client));
        root.put("legalHold", holds.held(clientId));

        ArrayNode forms = root.putArray("submissions");
        List<String[]> auditTargets = new ArrayList<>();
        auditTargets.add(new String[] {"client", String.valueOf(clientId)});
        for (PublishedForm live : catalog.liveForms().stream().sorted(Comparator.comparing(PublishedForm::formKey)).toList()) {
            for (SubmittedForm submitted : submissions.submittedOfClients(List.of(clientId), live.formKey()).getOrDefault(clientId, List.of())) {
                FormDefinition version = catalog.version(submitted.formVersionId()).definition();
                ObjectNode form = forms.addObject();
                form.put("form", live.formKey());
                form.put("formTitle", version.title().in(locale));
                form.put("kind", submitted.kind().code());
                form.put("id", submitted.id());
                form.put("revision", submitted.revision());
                form.put("submittedAt", String.valueOf(submitted.submittedAt()));
                form.put("submittedBy", submitted.submittedBy());
                ArrayNode answers = form.putArray("answers");
                submitted.answers().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(answer -> {
                    ObjectNode a = answers.addObject();
                    a.put("item", answer.getKey());
                    a.put("label", label(version, answer.getKey(), locale));
                    a.put("value", answer.getValue());
                });
                auditTargets.add(new String[] {AUDIT_TARGETS.get(submitted.kind()), String.valueOf(submitted.id())});
            }
        }

        ArrayNode decisions = root.putArray("decisions");
        meetings.followUps(true).stream().filter(f -> f.clientId() == clientId).forEach(f -> decisions.add(json.valueToTree(f)));

        ArrayNode accesses = root.putArray("accessLog");
        List<AuditEntry> rows = new ArrayList<>();
        for (String[] target : auditTargets) {
            rows.addAll(trail.find(new AuditFilter(null, null, target[0], target[1], null, null), 0, AUDIT_ROWS_MAX));
        }
        rows.stream().sorted(Comparator.comparingLong(AuditEntry::id)).forEach(row -> {
            ObjectNode r = accesses.addObject();
            r.put("at", row.occurredAt().toString());
            r.put("who", row.actor());
            r.put("action", row.action());
            r.put("target", row.targetType() + " " + row.targetId());
            r.put("detail", row.detail());
        });
        audit.record(admin.username(), AuditAction.SUBJECT_ACCESS_EXPORTED, "client", clientId,
                "subject access export: " + forms.size() + " submissions, " + decisions.size() + " decisions, " + rows.size() + " audit rows");
        return json.writeValueAsBytes(root);
    }

    /** The label of an answer path: the item's, with the row for {@code repeat.N.item}. */
    private static String label(FormDefinition version, String path, Locale locale) {
        String[] parts = path.split("\\.");
        String itemId = parts[parts.length - 1];
        Optional<Item> item = version.item(itemId);
        String text = item.map(i -> i.label().in(locale)).orElse(itemId);
        return parts.length == 3 ? text + " (" + parts[0] + " " + parts[1] + ")" : text;
    }
}
