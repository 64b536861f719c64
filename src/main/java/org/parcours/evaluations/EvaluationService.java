package org.parcours.evaluations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.formdef.BindingRole;
import org.parcours.formdef.ComputedItem;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.Item;
import org.parcours.formdef.NoteItem;
import org.parcours.formdef.RepeatItem;
import org.parcours.formrun.FormSession;
import org.parcours.formrun.Issue;
import org.parcours.security.CurrentUser;
import org.parcours.security.UserContext;
import org.parcours.database.RetryOnTransientFailure;
import org.parcours.submissions.StaleRevisionException;
import org.parcours.submissions.StoredForm;
import org.parcours.submissions.StoredRevision;
import org.parcours.submissions.StoredSubmission;
import org.parcours.submissions.SubmissionKind;
import org.parcours.submissions.SubmissionStorage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluations of a client: started on the current published version of a form and kept on it.
 * A draft is saved as often as needed; submitting checks every rule of the form and freezes the
 * revision; an amendment (with a reason) is a new revision starting from the last one. Access
 * follows the client; every read and change is audited.
 */
@Service
public class EvaluationService {

    static final String TARGET = "evaluation";
    static final int REASON_MAX = 2000;

    private static final SubmissionKind KIND = SubmissionKind.EVALUATION;

    private final SubmissionStorage storage;
    private final ClientService clients;
    private final FormCatalog catalog;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final List<StartingAnswers> startingAnswers;

    EvaluationService(SubmissionStorage storage, ClientService clients, FormCatalog catalog, CurrentUser currentUser, AuditLog audit,
                      Clock clock, List<StartingAnswers> startingAnswers) {
        this.startingAnswers = List.copyOf(startingAnswers);
        this.storage = storage;
        this.clients = clients;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A blank evaluation on the current version of the form; nothing is stored until saved.
     * Items marked "prefill" start with the answers of the client's last measurement with the
     * same form (the newest by measurement date, not the last submitted; matched by item id,
     * whatever its version); an answer that records a client
     * fact (the status, as a programme declares) starts with that fact instead. Showing those
     * previous answers is a read of that evaluation, audited.
     */
    @Transactional
    public EvaluationDetails blank(long clientId, String formKey) {
        ClientSummary client = clients.requireVisible(clientId);
        PublishedForm form = catalog.current(formKey);
        Optional<Measurement> previous = lastMeasured(clientId, formKey, Optional.empty());
        Map<String, String> previousAnswers = previous.map(Measurement::answers).orElse(Map.of());
        Map<String, String> start = new HashMap<>(FormSession.start(form.definition(), LocalDate.now(clock)).answersToStore());
        Set<String> prefilled = new HashSet<>();
        Map<String, String> carried = prefill(form.definition(), previousAnswers);
        start.putAll(carried);
        prefilled.addAll(carried.keySet());
        for (StartingAnswers source : startingAnswers) {
            source.of(client, formKey).forEach((path, value) -> {
                if (form.definition().item(path).isPresent()) {
                    start.put(path, value);
                    if (!value.equals(carried.get(path))) {
                        prefilled.remove(path); // not the previous evaluation's answer: not marked as carried over
                    }
                }
            });
        }
        previous.ifPresent(p -> audit.record(currentUser.require().username(), AuditAction.EVALUATION_READ, "evaluation", p.evaluationId(),
                "previous answers shown in a new " + formKey + " form for client " + clientId));
        return new EvaluationDetails(Optional.empty(), client, form, EvaluationStatus.DRAFT, 1, start, Optional.empty(),
                Optional.empty(), 0, true, List.of(), previousAnswers, previous.map(Measurement::measuredAt), prefilled);
    }

    /** The evaluation as it stands: its last revision (a draft being filled, or the submitted one). */
    @Transactional
    public EvaluationDetails open(long evaluationId) {
        UserContext user = currentUser.require();
        Visible found = find(evaluationId);
        audit.record(user.username(), AuditAction.EVALUATION_READ, TARGET, evaluationId, "opened");
        return details(found, storage.latest(evaluationId));
    }

    /** An earlier revision, read-only. */
    @Transactional
    public EvaluationDetails openRevision(long evaluationId, int number) {
        UserContext user = currentUser.require();
        Visible found = find(evaluationId);
        StoredRevision revision = storage.revision(evaluationId, number)
                .orElseThrow(() -> new EvaluationNotFoundException(evaluationId));
        audit.record(user.username(), AuditAction.EVALUATION_READ, TARGET, evaluationId, "opened revision " + number);
        EvaluationDetails details = details(found, revision);
        return new EvaluationDetails(details.id(), details.client(), details.form(), details.status(), number, details.answers(),
                details.createdBy(), details.updatedAt(), details.lockVersion(),
                details.editable() && number == storage.latest(evaluationId).number(), details.revisions(), details.previous(),
                details.previousDate(), Set.of());
    }

    @Transactional(readOnly = true)
    public List<EvaluationSummary> ofClient(long clientId) {
        clients.requireVisible(clientId);
        List<StoredSubmission> found = storage.ofClient(KIND, clientId);
        Map<Long, StoredRevision> latest = storage.latestOf(found.stream().map(StoredSubmission::id).toList());
        return found.stream()
                .map(e -> EvaluationSummary.of(e, latest.get(e.id()), catalog.version(e.formVersionId())))
                .toList();
    }

    /**
     * For the worklist and the agenda: per visible client, the day of its last measurement with a
     * form: its measurement date when the form binds one (an imported measurement of 2011 is not
     * fresh because it was entered today), else the day it was submitted.
     */
    @Transactional(readOnly = true)
    public Map<Long, LocalDate> lastSubmittedDates(Collection<Long> visibleClientIds, String formKey) {
        List<Long> versionIds = visibleClientIds.isEmpty() ? List.of() : catalog.versionIds(formKey);
        if (versionIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> dateItems = new HashMap<>();
        for (long versionId : versionIds) {
            catalog.version(versionId).definition().path(BindingRole.MEASUREMENT_DATE).ifPresent(item -> dateItems.put(versionId, item));
        }
        return storage.lastMeasuredDates(KIND, visibleClientIds, versionIds, dateItems);
    }

    /** For the worklist: the drafts and open amendments of the given (visible) clients, latest first. */
    @Transactional(readOnly = true)
    public List<EvaluationSummary> inProgress(Collection<Long> visibleClientIds) {
        if (visibleClientIds.isEmpty()) {
            return List.of();
        }
        return storage.drafts(KIND, visibleClientIds).stream()
                .map(f -> EvaluationSummary.of(f.submission(), f.revision(), catalog.version(f.submission().formVersionId())))
                .toList();
    }

    /**
     * Stores the answers of a draft: a new evaluation (no id yet) or its current draft revision.
     * Answers that do not fit the form (unknown items, wrong formats) are refused; rules such as
     * "required" wait for submission. A save based on an outdated copy is refused.
     */
    @RetryOnTransientFailure
    @Transactional
    public EvaluationDetails save(EvaluationDetails edited, Map<String, String> answers) {
        UserContext user = currentUser.require();
        Map<String, String> cleaned = validate(edited.form(), answers);
        Instant now = clock.instant();
        if (edited.id().isEmpty()) {
            ClientSummary client = clients.requireWritable(edited.client().id());
            StoredForm created = storage.create(KIND, client.id(), edited.form().versionId(), cleaned, now, user.username());
            StoredRevision revision = created.revision();
            audit.record(user.username(), AuditAction.EVALUATION_CREATED, TARGET, created.submission().id(),
                    "form " + edited.form().formKey() + " v" + edited.form().versionNumber() + " for client " + client.id()
                            + ", " + cleaned.size() + " answers" + (edited.prefilled().isEmpty() ? ""
                            : ", " + edited.prefilled().size() + " carried over from the previous evaluation"));
            // what the caller was shown as the previous measurement stays: a new evaluation is not read back
            return details(new Visible(created.submission(), client), revision, List.of(RevisionSummary.of(revision)),
                    edited.previous(), edited.previousDate());
        }
        Visible found = findWritable(edited.id().get());
        long id = found.evaluation().id();
        StoredRevision draft = editableDraft(id, edited.lockVersion());
        StoredRevision revision = saveDraft(id, draft.lockVersion(), cleaned, now, user.username());
        audit.record(user.username(), AuditAction.EVALUATION_SAVED, TARGET, id,
                "revision " + revision.number() + ": " + changes(draft.answers(), cleaned));
        List<RevisionSummary> history = edited.revisions();
        if (history.isEmpty() || history.getLast().number() != revision.number()) {
            return details(found, revision);
        }
        // the draft is the latest revision (else saving it was refused): the history shown is the caller's, with it updated
        List<RevisionSummary> updated = new java.util.ArrayList<>(history.subList(0, history.size() - 1));
        updated.add(RevisionSummary.of(revision));
        return details(found, revision, updated, edited.previous(), edited.previousDate());
    }

    /**
     * Saves the answers, then submits: every rule of the form must hold (required answers,
     * limits, constraints), else nothing is submitted and the issues say what to fix. The draft
     * itself is saved either way.
     */
    @RetryOnTransientFailure
    @Transactional(noRollbackFor = IncompleteEvaluationException.class)
    public EvaluationDetails submit(EvaluationDetails edited, Map<String, String> answers) {
        EvaluationDetails saved = save(edited, answers);
        UserContext user = currentUser.require();
        List<Issue> issues = new java.util.ArrayList<>(FormSession.resume(saved.form().definition(), saved.answers(),
                LocalDate.now(clock)).validate());
        measuredBeforeBirth(saved.form().definition(), saved.answers(), saved.client()).ifPresent(issues::add);
        if (!issues.isEmpty()) {
            throw new IncompleteEvaluationException(issues, saved);
        }
        Visible found = findWritable(saved.id().orElseThrow());
        long id = found.evaluation().id();
        StoredRevision draft = editableDraft(id, saved.lockVersion());
        StoredRevision revision;
        try {
            revision = storage.submit(id, draft.lockVersion(), clock.instant(), user.username());
        } catch (StaleRevisionException e) {
            throw new ConcurrentEditException(id);
        }
        audit.record(user.username(), AuditAction.EVALUATION_SUBMITTED, TARGET, id,
                "revision " + revision.number() + " submitted with " + revision.answers().size() + " answers");
        return details(found, revision);
    }

    /**
     * A past measurement brought in by an import: created and submitted at once on the form's
     * current version, with the given answers only (nothing is carried over from an earlier
     * evaluation), by {@code author}, a user name the caller checked (the importer, or the author
     * a file names). Every rule of the form holds as for {@link #submit}; a refused answer throws
     * {@link InvalidAnswersException} and nothing is stored. The audit names the importing user
     * as the one acting, and the author.
     *
     * @return the new evaluation's id
     */
    @Transactional
    public long submitImported(long clientId, String formKey, Map<String, String> answers, String author) {
        UserContext user = currentUser.require();
        ClientSummary client = clients.requireWritable(clientId);
        PublishedForm form = catalog.current(formKey);
        Map<String, String> cleaned = validate(form, answers);
        List<Issue> issues = new java.util.ArrayList<>(FormSession.resume(form.definition(), cleaned, LocalDate.now(clock)).validate());
        measuredBeforeBirth(form.definition(), cleaned, client).ifPresent(issues::add);
        if (!issues.isEmpty()) {
            Map<String, String> problems = new LinkedHashMap<>();
            issues.forEach(issue -> problems.putIfAbsent(issue.path(), issue.kind().name().toLowerCase(java.util.Locale.ROOT)));
            throw new InvalidAnswersException(problems);
        }
        Instant now = clock.instant();
        StoredForm created = storage.create(KIND, client.id(), form.versionId(), cleaned, now, author);
        long id = created.submission().id();
        StoredRevision revision;
        try {
            revision = storage.submit(id, created.revision().lockVersion(), now, author);
        } catch (StaleRevisionException e) {
            throw new ConcurrentEditException(id);
        }
        String by = author.equals(user.username()) ? "" : ", author " + author;
        audit.record(user.username(), AuditAction.EVALUATION_CREATED, TARGET, id, "imported: form " + formKey + " v"
                + form.versionNumber() + " for client " + client.id() + ", " + cleaned.size() + " answers" + by);
        audit.record(user.username(), AuditAction.EVALUATION_SUBMITTED, TARGET, id,
                "imported: revision " + revision.number() + " submitted with " + revision.answers().size() + " answers" + by);
        return id;
    }

    /** Opens an amendment of a submitted evaluation: a new draft revision, copied from the last, with its reason. */
    @RetryOnTransientFailure
    @Transactional
    public EvaluationDetails amend(long evaluationId, String reason) {
        UserContext user = currentUser.require();
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty() || trimmed.length() > REASON_MAX) {
            throw new AmendmentReasonException();
        }
        Visible found = findWritable(evaluationId);
        StoredRevision last = storage.latest(evaluationId);
        if (last.draft()) {
            throw new IllegalStateException("evaluation " + evaluationId + " already has a draft revision");
        }
        StoredRevision amendment;
        try {
            amendment = storage.addRevision(evaluationId, trimmed, last.answers(), clock.instant(), user.username());
        } catch (StaleRevisionException e) {
            throw new ConcurrentEditException(evaluationId);
        }
        audit.record(user.username(), AuditAction.EVALUATION_AMENDED, TARGET, evaluationId,
                "revision " + amendment.number() + " opened; reason: " + trimmed);
        return details(found, amendment);
    }

    /**
     * After a conflict: keeps the user's answers as a new draft evaluation of the same client on
     * the same form version, leaving the other person's work untouched.
     */
    @RetryOnTransientFailure
    @Transactional
    public EvaluationDetails saveAsCopy(EvaluationDetails edited, Map<String, String> answers) {
        EvaluationDetails copy = new EvaluationDetails(Optional.empty(), edited.client(), edited.form(), EvaluationStatus.DRAFT, 1,
                Map.of(), Optional.empty(), Optional.empty(), 0, true, List.of(), Map.of(), Optional.empty(), Set.of());
        return save(copy, answers);
    }

    private StoredRevision editableDraft(long evaluationId, long lockVersion) {
        StoredRevision revision = storage.latest(evaluationId);
        if (!revision.draft()) {
            throw new NotEditableException(evaluationId);
        }
        if (revision.lockVersion() != lockVersion) {
            throw new ConcurrentEditException(evaluationId);
        }
        return revision;
    }

    private StoredRevision saveDraft(long evaluationId, long lockVersion, Map<String, String> answers, Instant now, String author) {
        try {
            return storage.saveDraft(evaluationId, lockVersion, answers, now, author);
        } catch (StaleRevisionException e) {
            throw new ConcurrentEditException(evaluationId);
        }
    }

    /** An evaluation with its client, checked once per call: the signed-in user may see it. */
    private record Visible(StoredSubmission evaluation, ClientSummary client) {
    }

    /** As {@link #find(long)} for a change: a justified access outside the team only reads (docs/privacy.md). */
    private Visible findWritable(long id) {
        Visible found = find(id);
        clients.requireWritable(found.client().id());
        return found;
    }

    private Visible find(long evaluationId) {
        StoredSubmission evaluation = storage.find(KIND, evaluationId)
                .orElseThrow(() -> new EvaluationNotFoundException(evaluationId));
        try {
            return new Visible(evaluation, clients.requireVisible(evaluation.clientId()));
        } catch (ClientNotFoundException e) {
            throw new EvaluationNotFoundException(evaluationId);
        }
    }

    private EvaluationDetails details(Visible found, StoredRevision revision) {
        return details(found, revision, storage.revisions(found.evaluation().id()).stream().map(RevisionSummary::of).toList());
    }

    /** {@code history}: the evaluation's revisions, when the caller knows them (a just-created evaluation has one). */
    private EvaluationDetails details(Visible found, StoredRevision revision, List<RevisionSummary> history) {
        StoredSubmission e = found.evaluation();
        Optional<Measurement> previous = lastMeasured(e.clientId(), catalog.version(e.formVersionId()).formKey(), Optional.of(e.id()));
        return details(found, revision, history, previous.map(Measurement::answers).orElse(Map.of()), previous.map(Measurement::measuredAt));
    }

    /** {@code previous}, {@code previousDate}: the client's last measurement before this one, as {@link #lastMeasured} finds it. */
    private EvaluationDetails details(Visible found, StoredRevision revision, List<RevisionSummary> history,
                                      Map<String, String> previous, Optional<Instant> previousDate) {
        StoredSubmission e = found.evaluation();
        PublishedForm form = catalog.version(e.formVersionId());
        EvaluationStatus status = history.isEmpty() || history.getLast().number() == revision.number()
                ? EvaluationStatus.of(revision) : EvaluationStatus.of(storage.latest(e.id()));
        return new EvaluationDetails(Optional.of(e.id()), found.client(), form, status,
                revision.number(), revision.answers(), Optional.of(e.createdBy()), Optional.of(revision.updatedAt()),
                revision.lockVersion(), revision.draft(), history,
                previous, previousDate, Set.of());
    }

    /**
     * The client's last measurement with this form (any version), other than {@code excluded}: of
     * the latest submitted revision of each evaluation, the one measured last (by measurement
     * date, then submission), so that an older measurement imported or entered late is not taken
     * for the last one.
     */
    private Optional<Measurement> lastMeasured(long clientId, String formKey, Optional<Long> excluded) {
        return storage.latestSubmitted(KIND, List.of(clientId), formKey).stream()
                .filter(f -> excluded.map(x -> x != f.submission().id()).orElse(true))
                .map(this::measurement)
                .min(Measurement.NEWEST_FIRST);
    }

    /** The previous answers of the items marked "prefill" that this version still has, in a format it accepts. */
    private Map<String, String> prefill(FormDefinition form, Map<String, String> previous) {
        if (previous.isEmpty()) {
            return Map.of();
        }
        Map<String, String> carried = new LinkedHashMap<>();
        form.items().filter(i -> i.rules().prefillFromLastEvaluation()).forEach((Item item) -> {
            if (item instanceof RepeatItem repeat) {
                previous.forEach((path, value) -> {
                    if (path.equals(repeat.id()) || path.startsWith(repeat.id() + ".")) {
                        carried.put(path, value);
                    }
                });
            } else if (!(item instanceof ComputedItem || item instanceof NoteItem)) {
                // an item renamed with 'was:' starts with the answer stored under its former id
                java.util.stream.Stream.concat(java.util.stream.Stream.of(item.id()),
                                form.renames().formerIds().getOrDefault(item.id(), List.of()).stream())
                        .filter(previous::containsKey).findFirst().ifPresent(id -> carried.put(item.id(), previous.get(id)));
            }
        });
        FormSession.unknownPaths(form, carried).forEach(carried::remove);
        FormSession.resume(form, carried, LocalDate.now(clock)).formatIssues().forEach(issue -> carried.remove(issue.path()));
        carried.keySet().removeIf(path -> form.item(path).filter(ComputedItem.class::isInstance).isPresent());
        return carried;
    }

    /**
     * The answers to store: unknown paths and answers that do not fit their item are refused;
     * rules such as "required" are not checked for a draft.
     */
    private Map<String, String> validate(PublishedForm form, Map<String, String> answers) {
        Map<String, String> given = new LinkedHashMap<>();
        answers.forEach((path, value) -> {
            if (value != null && !value.isBlank()) {
                given.put(path, value);
            }
        });
        Map<String, String> problems = new LinkedHashMap<>();
        FormSession.unknownPaths(form.definition(), given).forEach(path ->
                problems.put(path, "unknown item for form " + form.formKey() + " v" + form.versionNumber()));
        FormSession session = FormSession.resume(form.definition(), given, LocalDate.now(clock));
        session.formatIssues().forEach(issue -> problems.putIfAbsent(issue.path(),
                "value not accepted (" + issue.kind().name().toLowerCase(java.util.Locale.ROOT) + "): " + abbreviate(given.get(issue.path()))));
        if (!problems.isEmpty()) {
            throw new InvalidAnswersException(problems);
        }
        return session.answersToStore();
    }

    /**
     * The items a save changed, by id. The audit trail names them, never their values: an answer
     * erased by the retention job or restricted to some roles leaves no copy there (docs/privacy.md).
     */
    private static String changes(Map<String, String> before, Map<String, String> after) {
        java.util.Set<String> changed = new java.util.TreeSet<>();
        before.forEach((k, v) -> {
            if (!v.equals(after.get(k))) {
                changed.add(k);
            }
        });
        after.keySet().stream().filter(k -> !before.containsKey(k)).forEach(changed::add);
        String text = changed.isEmpty() ? "saved without changes" : "changed " + String.join(", ", changed);
        return text.length() > 1800 ? text.substring(0, 1800) + "…" : text;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }


    /**
     * The items hidden from {@code roles} whichever version of the form an evaluation is on: those
     * {@code sensitive} to other roles in any published version of it ({@link FormCatalog#hiddenFromAnyVersion}).
     */
    public Set<String> hiddenAcrossVersions(String formKey, Set<String> roles) {
        return catalog.hiddenFromAnyVersion(formKey, roles);
    }

    /**
     * The client's measurements with a form (every version of it): per evaluation, its latest
     * submitted revision, newest first (by measurement date, then submission), with answers. {@code client} is the summary
     * {@link ClientService} returned after checking that the caller may see the client, so no
     * second access check is run here. Two statements: the form's version ids and one query for
     * revisions with their answers; form definitions come from the catalog's cache.
     */
    @Transactional(readOnly = true)
    public List<Measurement> measurements(ClientSummary client, String formKey) {
        return storage.latestSubmitted(KIND, List.of(client.id()), formKey).stream()
                .map(this::measurement).sorted(Measurement.NEWEST_FIRST).toList();
    }

    /**
     * The client's other measurements with the form of an evaluation being shown, newest first, as
     * many as the policy's {@code evaluation.grid_earlier_measurements} (3 when the policy does not
     * say), for the grid beside the current one; audited as a read of the client's history.
     */
    @Transactional
    public List<Measurement> earlierMeasurements(EvaluationDetails shown) {
        int limit;
        try {
            limit = catalog.policy().text("evaluation.grid_earlier_measurements").map(Integer::parseInt).orElse(3);
        } catch (org.parcours.formdef.Policy.PolicyException | NumberFormatException e) {
            limit = 3;
        }
        ClientSummary client = clients.requireVisible(shown.client().id());
        List<Measurement> found = measurements(client, shown.form().formKey()).stream()
                .filter(m -> shown.id().map(id -> id != m.evaluationId()).orElse(true)).limit(Math.max(0, limit)).toList();
        if (!found.isEmpty()) {
            audit.record(currentUser.require().username(), AuditAction.HISTORY_READ, "client", client.id(),
                    "earlier measurements of form " + shown.form().formKey() + " beside the evaluation being entered ("
                            + found.size() + ")");
        }
        return found;
    }

    /** A measurement date (the form's {@code measurement.date}) before the client was born, as an issue of that item. */
    static Optional<Issue> measuredBeforeBirth(FormDefinition form, Map<String, String> answers, ClientSummary client) {
        return form.measuredOn(answers).filter(on -> client.birthDate() != null && on.isBefore(client.birthDate()))
                .map(on -> new Issue(form.requireBound(org.parcours.formdef.BindingRole.MEASUREMENT_DATE), Issue.Kind.DATE_BEFORE_MIN,
                        List.of(client.birthDate().toString()), Optional.empty()));
    }

    /**
     * The measurements with a form of several clients, as {@link #measurements} per client (newest
     * first), in one statement. No access check: callers (the committee's agenda) decide which
     * clients may be read. Clients without measurements are absent from the map.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<Measurement>> measurementsOfClients(Collection<Long> clientIds, String formKey) {
        if (clientIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Measurement>> byClient = new LinkedHashMap<>();
        for (StoredForm f : storage.latestSubmitted(KIND, clientIds, formKey)) {
            byClient.computeIfAbsent(f.submission().clientId(), k -> new java.util.ArrayList<>()).add(measurement(f));
        }
        byClient.replaceAll((k, v) -> v.stream().sorted(Measurement.NEWEST_FIRST).toList());
        return byClient;
    }

    /** A submitted revision as a measurement, dated by its form version's {@code measurement.date} when answered. */
    private Measurement measurement(StoredForm f) {
        StoredRevision r = f.revision();
        long formVersionId = f.submission().formVersionId();
        return new Measurement(f.submission().id(), r.number(), r.submittedAt().orElseThrow(), r.submittedBy().orElseThrow(),
                formVersionId, r.answers(), catalog.version(formVersionId).definition().measuredOn(r.answers()));
    }

    /** For stores: how many evaluations of these form versions answer the item (holding the option, if given). */
    int countAnswering(Collection<Long> versionIds, String itemId, Optional<String> option) {
        return storage.countAnswering(KIND, versionIds, itemId, option);
    }
}
