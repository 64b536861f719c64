package org.parcours.privacy;

import java.time.Clock;
import java.time.Instant;
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
import org.parcours.committee.MeetingService.FollowUp;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.Item;
import org.parcours.formdef.TextItem;
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

    /**
     * One submitted form as given to the person: its answers in the order of its own version, with
     * that version's labels.
     *
     * @param formVersion the number of the form's version the answers were made with
     */
    public record Form(String formKey, String formTitle, int formVersion, SubmissionKind kind, long id, int revision, Instant submittedAt,
                       String submittedBy, List<Answer> answers) {
    }

    /**
     * One stored answer: the item's path, its label in the chosen language, the value as stored,
     * the item of the form's version (empty for a value no item of that version names) to show
     * the value readably, and whether the service should read it again before handing it over.
     *
     * @param review declared {@code third-party} (household members, ...), a free text or an item
     *               restricted to some roles: it may speak of other people (GDPR art. 15(4))
     */
    public record Answer(String item, String label, String value, Optional<Item> definition, boolean review) {
    }

    /**
     * Everything held on one client, and who read or changed it: what the JSON and the PDF
     * (print module) both show.
     */
    public record Report(Instant generatedAt, String generatedBy, ClientSummary client, boolean legalHold, List<Form> submissions,
                         List<FollowUp> decisions, List<AuditEntry> accessLog) {
    }

    /** The client's data as a JSON document, labels in {@code locale}. */
    @Transactional
    public byte[] export(long clientId, Locale locale) {
        Report report = report(clientId, locale, "JSON");
        ObjectNode root = json.createObjectNode();
        root.put("generatedAt", report.generatedAt().toString());
        root.put("generatedBy", report.generatedBy());
        root.set("client", json.valueToTree(report.client()));
        root.put("legalHold", report.legalHold());
        ArrayNode forms = root.putArray("submissions");
        for (Form f : report.submissions()) {
            ObjectNode form = forms.addObject();
            form.put("form", f.formKey());
            form.put("formTitle", f.formTitle());
            form.put("formVersion", f.formVersion());
            form.put("kind", f.kind().code());
            form.put("id", f.id());
            form.put("revision", f.revision());
            form.put("submittedAt", String.valueOf(f.submittedAt()));
            form.put("submittedBy", f.submittedBy());
            ArrayNode answers = form.putArray("answers");
            for (Answer answer : f.answers()) {
                ObjectNode a = answers.addObject();
                a.put("item", answer.item());
                a.put("label", answer.label());
                a.put("value", answer.value());
                if (answer.review()) {
                    a.put("review", true);
                }
            }
        }
        ArrayNode decisions = root.putArray("decisions");
        report.decisions().forEach(f -> decisions.add(json.valueToTree(f)));
        ArrayNode accesses = root.putArray("accessLog");
        report.accessLog().forEach(row -> {
            ObjectNode r = accesses.addObject();
            r.put("at", row.occurredAt().toString());
            r.put("who", row.actor());
            r.put("action", row.action());
            r.put("target", row.targetType() + " " + row.targetId());
            r.put("detail", row.detail());
        });
        return json.writeValueAsBytes(root);
    }

    /**
     * Everything held on the client, labels in {@code locale}, for an administrator; the export is
     * audited on the client file, naming its {@code format} ("JSON", "PDF").
     */
    @Transactional
    public Report report(long clientId, Locale locale, String format) {
        UserContext admin = currentUser.require();
        if (!admin.has(Role.ADMIN)) {
            audit.recordDenied(admin.username(), "client", clientId, "a subject access export requires the administrator role");
            throw new AccessDeniedException("Only administrators export a client's data");
        }
        ClientSummary client = clients.requireVisible(admin, clientId);
        List<Form> forms = new ArrayList<>();
        List<String[]> auditTargets = new ArrayList<>();
        auditTargets.add(new String[] {"client", String.valueOf(clientId)});
        for (PublishedForm live : catalog.liveForms().stream().sorted(Comparator.comparing(PublishedForm::formKey)).toList()) {
            for (SubmittedForm submitted : submissions.submittedOfClients(List.of(clientId), live.formKey()).getOrDefault(clientId, List.of())) {
                PublishedForm published = catalog.version(submitted.formVersionId());
                FormDefinition version = published.definition();
                List<String> order = version.allItems().map(Item::id).toList();
                List<Answer> answers = submitted.answers().entrySet().stream().sorted(inFormOrder(order))
                        .map(a -> answer(version, a.getKey(), a.getValue(), locale)).toList();
                forms.add(new Form(live.formKey(), version.title().in(locale), published.versionNumber(), submitted.kind(), submitted.id(),
                        submitted.revision(), submitted.submittedAt(), submitted.submittedBy(), answers));
                auditTargets.add(new String[] {FileReaders.AUDIT_TARGETS.get(submitted.kind()), String.valueOf(submitted.id())});
            }
        }
        List<FollowUp> decisions = meetings.followUps(true).stream().filter(f -> f.clientId() == clientId).toList();
        List<AuditEntry> rows = new ArrayList<>();
        for (String[] target : auditTargets) {
            rows.addAll(trail.find(new AuditFilter(null, null, target[0], target[1], null, null), 0, AUDIT_ROWS_MAX));
        }
        rows.sort(Comparator.comparingLong(AuditEntry::id));
        audit.record(admin.username(), AuditAction.SUBJECT_ACCESS_EXPORTED, "client", clientId,
                "subject access export (" + format + "): " + forms.size() + " submissions, " + decisions.size() + " decisions, "
                        + rows.size() + " audit rows");
        return new Report(clock.instant(), admin.username(), client, holds.held(clientId), List.copyOf(forms), decisions, List.copyOf(rows));
    }

    /**
     * An answer path ({@code item} or {@code repeat.N.item}) with its label: the item's, and for a
     * repeat row the repeat's label and the row's number.
     */
    private static Answer answer(FormDefinition version, String path, String value, Locale locale) {
        String[] parts = path.split("\\.");
        String itemId = parts[parts.length - 1];
        Optional<Item> item = version.item(itemId);
        String text = item.map(i -> i.label().in(locale)).orElse(itemId);
        boolean row = parts.length == 3;
        if (row) {
            text = text + " (" + version.item(parts[0]).map(r -> r.label().in(locale)).orElse(parts[0]) + ", " + parts[1] + ")";
        }
        boolean review = version.privacy().of(itemId).thirdParty()
                || item.filter(i -> i instanceof TextItem free && free.multiline() || !i.rules().sensitiveTo().isEmpty()).isPresent();
        return new Answer(path, text, value, item, review);
    }

    /** Answer paths in the order of the form's items, repeat rows by number, unknown paths last. */
    private static Comparator<Map.Entry<String, String>> inFormOrder(List<String> itemIds) {
        Comparator<String> byItem = Comparator.comparingInt(path -> {
            String[] parts = path.split("\\.");
            int at = itemIds.indexOf(parts[0]);
            return at < 0 ? Integer.MAX_VALUE : at;
        });
        Comparator<String> byRow = Comparator.comparingInt(path -> {
            String[] parts = path.split("\\.");
            return parts.length == 3 && parts[1].chars().allMatch(Character::isDigit) ? Integer.parseInt(parts[1]) : 0;
        });
        Comparator<String> byChild = Comparator.comparingInt(path -> {
            String[] parts = path.split("\\.");
            return parts.length == 3 ? itemIds.indexOf(parts[2]) : -1;
        });
        Comparator<String> paths = byItem.thenComparing(byRow).thenComparing(byChild).thenComparing(Comparator.naturalOrder());
        return (a, b) -> paths.compare(a.getKey(), b.getKey());
    }
}
