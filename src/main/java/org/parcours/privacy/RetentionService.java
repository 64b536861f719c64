package org.parcours.privacy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientService;
import org.parcours.formdef.DataCategory;
import org.parcours.formdef.DataProtection;
import org.parcours.formdef.DateItem;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.Policy;
import org.parcours.formdef.Retention;
import org.parcours.formdef.TextItem;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.UserContext;
import org.parcours.submissions.Submissions;
import org.parcours.submissions.SubmittedForm;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Retention that runs by itself: for every live form and every retention rule it declares, the
 * clients whose event (file closed, last submission, contract ended) is older than the period
 * lose the answers the rule covers, erased, or for {@code anonymise} those of text and date items.
 * A client file under legal hold is left alone. The dry run counts what would go and changes
 * nothing; a run writes one audit row with counts per form and category, never a value.
 */
@Service
public class RetentionService {

    static final String ACTOR = "retention";

    private final FormCatalog catalog;
    private final ClientService clients;
    private final Submissions submissions;
    private final LegalHolds holds;
    private final AuditLog audit;
    private final Clock clock;
    private final CurrentUser currentUser;

    RetentionService(FormCatalog catalog, ClientService clients, Submissions submissions, LegalHolds holds, AuditLog audit, Clock clock,
                     CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.catalog = catalog;
        this.clients = clients;
        this.submissions = submissions;
        this.holds = holds;
        this.audit = audit;
        this.clock = clock;
    }

    /** What one rule of one form removes (or would remove): how many clients and answers. */
    public record Line(String formKey, Set<DataCategory> categories, Retention.Action action, int clients, int answers) {
    }

    /**
     * The outcome of a run or a dry run.
     *
     * @param heldClients client files that had something to remove but are under legal hold
     * @param problems    rules left out, e.g. a policy path that names no value
     */
    public record Report(LocalDate day, boolean applied, List<Line> lines, int heldClients, List<String> problems) {

        public int answers() {
            return lines.stream().mapToInt(Line::answers).sum();
        }

        /** One line for the audit trail and the job's record: counts only. */
        public String summary() {
            String removed = lines.isEmpty() ? "nothing past its retention" : lines.stream()
                    .map(l -> l.formKey() + " " + l.categories().stream().map(DataCategory::yamlName).toList() + " " + l.action().yamlName()
                            + ": " + l.answers() + " answers of " + l.clients() + " clients")
                    .collect(Collectors.joining("; "));
            return (applied ? "" : "dry run: ") + removed + "; under legal hold: " + heldClients + " clients"
                    + (problems.isEmpty() ? "" : "; rules left out: " + String.join("; ", problems));
        }
    }

    /** Lists what would go, changing nothing: an administrator's dry run. */
    public Report dryRun() {
        requireAdmin("run the retention dry run");
        return run(false);
    }

    /** Removes what passed its retention now and audits the counts: an administrator's run. */
    public Report apply() {
        UserContext admin = requireAdmin("run the retention job");
        return applied(admin.username());
    }

    /** The dry run of the command line, where nobody is signed in. */
    Report dryRunUnattended() {
        return run(false);
    }

    /** The scheduled run, where nobody is signed in. */
    Report applyScheduled() {
        return applied(ACTOR);
    }

    private Report applied(String actor) {
        Report report = run(true);
        audit.recordAlone(actor, AuditAction.RETENTION_APPLIED, "retention", report.day(), report.summary());
        return report;
    }

    private UserContext requireAdmin(String what) {
        UserContext user = currentUser.require();
        if (!user.has(Role.ADMIN)) {
            audit.recordDenied(user.username(), "retention", "-", what + " requires the administrator role");
            throw new AccessDeniedException("Only administrators " + what);
        }
        return user;
    }

    private Report run(boolean apply) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Policy policy = catalog.policy();
        Set<Long> held = holds.heldClientIds();
        Set<Long> heldWithSomething = new TreeSet<>();
        List<Long> everyone = clients.allClientIds();
        Map<Long, LocalDate> closed = clients.closedSince();
        List<Line> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (PublishedForm published : catalog.liveForms()) {
            FormDefinition form = published.definition();
            DataProtection privacy = form.privacy();
            Map<Long, LocalDate> lastSubmitted = null;
            for (Map.Entry<Retention, Set<String>> rule : privacy.itemsByRetention().entrySet()) {
                Retention retention = rule.getKey();
                Period period;
                try {
                    period = retention.period(policy);
                } catch (Policy.PolicyException | java.time.format.DateTimeParseException e) {
                    problems.add(form.id() + ": " + e.getMessage());
                    continue;
                }
                Set<String> items = retention.then() == Retention.Action.ERASE ? rule.getValue()
                        : rule.getValue().stream().filter(id -> form.item(id).filter(i -> i instanceof TextItem || i instanceof DateItem).isPresent())
                                .collect(Collectors.toCollection(TreeSet::new));
                if (items.isEmpty()) {
                    continue;
                }
                Map<Long, LocalDate> events = switch (retention.after()) {
                    case FILE_CLOSED -> closed;
                    case CONTRACT_ENDED -> submissions.endedOfClients(form.id());
                    case LAST_SUBMISSION -> lastSubmitted != null ? lastSubmitted : (lastSubmitted = lastSubmitted(everyone, form.id()));
                };
                Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
                items.forEach(id -> categories.addAll(privacy.of(id).categories()));
                int clientCount = 0;
                int answerCount = 0;
                for (Map.Entry<Long, LocalDate> event : new java.util.TreeMap<>(events).entrySet()) {
                    if (!event.getValue().plus(period).isBefore(today)) {
                        continue;
                    }
                    long clientId = event.getKey();
                    if (held.contains(clientId)) {
                        if (submissions.countAnswersAt(clientId, form.id(), items) > 0) {
                            heldWithSomething.add(clientId);
                        }
                        continue;
                    }
                    int answers = apply ? submissions.eraseAnswersAt(clientId, form.id(), items) : submissions.countAnswersAt(clientId, form.id(), items);
                    if (answers > 0) {
                        clientCount++;
                        answerCount += answers;
                    }
                }
                if (answerCount > 0) {
                    lines.add(new Line(form.id(), categories, retention.then(), clientCount, answerCount));
                }
            }
        }
        return new Report(today, apply, List.copyOf(lines), heldWithSomething.size(), List.copyOf(problems));
    }

    private Map<Long, LocalDate> lastSubmitted(List<Long> clientIds, String formKey) {
        Map<Long, LocalDate> last = new LinkedHashMap<>();
        submissions.submittedOfClients(clientIds, formKey).forEach((clientId, forms) -> forms.stream()
                .map(SubmittedForm::submittedAt).filter(java.util.Objects::nonNull).max(java.util.Comparator.naturalOrder())
                .ifPresent(at -> last.put(clientId, LocalDate.ofInstant(at, ZoneOffset.UTC))));
        return last;
    }
}
