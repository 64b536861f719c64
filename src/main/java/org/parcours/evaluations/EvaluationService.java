package org.parcours.evaluations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.parcours.formdef.ComputedItem;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.Item;
import org.parcours.formdef.NoteItem;
import org.parcours.formdef.RepeatItem;
import org.parcours.formrun.FormSession;
import org.parcours.formrun.Issue;
import org.parcours.security.CurrentUser;
import org.parcours.security.UserContext;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
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

    private final EvaluationRepository evaluations;
    private final EvaluationRevisionRepository revisions;
    private final ClientService clients;
    private final FormCatalog catalog;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    EvaluationService(EvaluationRepository evaluations, EvaluationRevisionRepository revisions, ClientService clients,
                      FormCatalog catalog, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.evaluations = evaluations;
        this.revisions = revisions;
        this.clients = clients;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A blank evaluation on the current version of the form; nothing is stored until saved.
     * Items marked "prefill" start with the answers of the client's last submitted evaluation of
     * the same form (matched by item id, whatever its version). Showing those previous answers is
     * a read of that evaluation, audited.
     */
    @Transactional
    public EvaluationDetails blank(long clientId, String formKey) {
        ClientSummary client = clients.requireVisible(clientId);
        PublishedForm form = catalog.current(formKey);
        Optional<EvaluationRevision> previous = lastSubmitted(clientId, formKey, Optional.empty());
        Map<String, String> previousAnswers = previous.map(EvaluationRevision::getAnswers).orElse(Map.of());
        Map<String, String> start = new HashMap<>(FormSession.start(form.definition(), LocalDate.now(clock)).answersToStore());
        Set<String> prefilled = new HashSet<>();
        Map<String, String> carried = prefill(form.definition(), previousAnswers);
        start.putAll(carried);
        prefilled.addAll(carried.keySet());
        previous.ifPresent(p -> audit.record(currentUser.require().username(), AuditAction.EVALUATION_READ, "evaluation", p.getEvaluationId(),
                "previous answers shown in a new " + formKey + " form for client " + clientId));
        return new EvaluationDetails(Optional.empty(), client, form, EvaluationStatus.DRAFT, 1, start, Optional.empty(),
                Optional.empty(), 0, true, List.of(), previousAnswers, previous.map(EvaluationRevision::getSubmittedAt), prefilled);
    }

    /** The evaluation as it stands: its last revision (a draft being filled, or the submitted one). */
    @Transactional
    public EvaluationDetails open(long evaluationId) {
        UserContext user = currentUser.require();
        Visible found = find(evaluationId);
        audit.record(user.username(), AuditAction.EVALUATION_READ, TARGET, evaluationId, "opened");
        return details(found, latest(found.evaluation()));
    }

    /** An earlier revision, read-only. */
    @Transactional
    public EvaluationDetails openRevision(long evaluationId, int number) {
        UserContext user = currentUser.require();
        Visible found = find(evaluationId);
        Evaluation evaluation = found.evaluation();
        EvaluationRevision revision = revisions.findByEvaluationIdAndNumber(evaluationId, number)
                .orElseThrow(() -> new EvaluationNotFoundException(evaluationId));
        audit.record(user.username(), AuditAction.EVALUATION_READ, TARGET, evaluationId, "opened revision " + number);
        EvaluationDetails details = details(found, revision);
        return new EvaluationDetails(details.id(), details.client(), details.form(), details.status(), number, details.answers(),
                details.createdBy(), details.updatedAt(), details.lockVersion(),
                details.editable() && number == latest(evaluation).getNumber(), details.revisions(), details.previous(),
                details.previousDate(), Set.of());
    }

    @Transactional(readOnly = true)
    public List<EvaluationSummary> ofClient(long clientId) {
        clients.requireVisible(clientId);
        return evaluations.findByClientIdOrderByCreatedAtDesc(clientId).stream()
                .map(e -> EvaluationSummary.of(e, latest(e), catalog.version(e.getFormVersionId())))
                .toList();
    }

    /**
     * For the worklist and the agenda: per visible client, the day of its last measurement with a
     * form: its measurement date when the form binds one (an imported measurement of 2011 is not
     * fresh because it was entered today), else the day it was submitted.
     */
    @Transactional(readOnly = true)
    public Map<Long, LocalDate> lastSubmittedDates(Collection<Long> visibleClientIds, String formKey) {
        if (visibleClientIds.isEmpty() || catalog.versionIds(formKey).isEmpty()) {
            return Map.of();
        }
        Map<Long, LocalDate> dates = new HashMap<>();
        measurementsOfClients(visibleClientIds, formKey).forEach((clientId, found) -> found.stream().findFirst()
                .ifPresent(newest -> dates.put(clientId, LocalDate.ofInstant(newest.measuredAt(), ZoneOffset.UTC))));
        return dates;
    }

    /** For the worklist: the drafts and open amendments of the given (visible) clients, latest first. */
    @Transactional(readOnly = true)
    public List<EvaluationSummary> inProgress(Collection<Long> visibleClientIds) {
        if (visibleClientIds.isEmpty()) {
            return List.of();
        }
        return evaluations.findByClientIdInAndStatusInOrderByUpdatedAtDesc(visibleClientIds,
                        List.of(EvaluationStatus.DRAFT, EvaluationStatus.AMENDING)).stream()
                .map(e -> EvaluationSummary.of(e, latest(e), catalog.version(e.getFormVersionId())))
                .toList();
    }

    /**
     * Stores the answers of a draft: a new evaluation (no id yet) or its current draft revision.
     * Answers that do not fit the form (unknown items, wrong formats) are refused; rules such as
     * "required" wait for submission. A save based on an outdated copy is refused.
     */
    @Transactional
    public EvaluationDetails save(EvaluationDetails edited, Map<String, String> answers) {
        UserContext user = currentUser.require();
        Map<String, String> cleaned = validate(edited.form(), answers);
        Instant now = clock.instant();
        if (edited.id().isEmpty()) {
            ClientSummary client = clients.requireVisible(user, edited.client().id());
            Evaluation evaluation = evaluations.save(new Evaluation(client.id(), edited.form().versionId(), now, user.username()));
            EvaluationRevision revision = revisions.save(new EvaluationRevision(evaluation.getId(), 1, null, cleaned, now, user.username()));
            revisions.flush();
            audit.record(user.username(), AuditAction.EVALUATION_CREATED, TARGET, evaluation.getId(),
                    "form " + edited.form().formKey() + " v" + edited.form().versionNumber() + " for client " + client.id()
                            + ", " + cleaned.size() + " answers" + (edited.prefilled().isEmpty() ? ""
                            : ", " + edited.prefilled().size() + " carried over from the previous evaluation"));
            return details(new Visible(evaluation, client), revision, List.of(RevisionSummary.of(revision)));
        }
        Visible found = find(edited.id().get());
        Evaluation evaluation = found.evaluation();
        EvaluationRevision revision = editableDraft(evaluation, edited.lockVersion());
        Map<String, String> before = new HashMap<>(revision.getAnswers());
        revision.replaceAnswers(cleaned, now, user.username());
        evaluation.touch(evaluation.getStatus(), now, user.username());
        flush(evaluation.getId());
        audit.record(user.username(), AuditAction.EVALUATION_SAVED, TARGET, evaluation.getId(),
                "revision " + revision.getNumber() + ": " + changes(before, cleaned));
        return details(found, revision);
    }

    /**
     * Saves the answers, then submits: every rule of the form must hold (required answers,
     * limits, constraints), else nothing is submitted and the issues say what to fix. The draft
     * itself is saved either way.
     */
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
        Visible found = find(saved.id().orElseThrow());
        Evaluation evaluation = found.evaluation();
        EvaluationRevision revision = editableDraft(evaluation, saved.lockVersion());
        Instant now = clock.instant();
        revision.submit(now, user.username());
        evaluation.touch(EvaluationStatus.SUBMITTED, now, user.username());
        flush(evaluation.getId());
        audit.record(user.username(), AuditAction.EVALUATION_SUBMITTED, TARGET, evaluation.getId(),
                "revision " + revision.getNumber() + " submitted with " + revision.getAnswers().size() + " answers");
        return details(found, revision);
    }

    /** Opens an amendment of a submitted evaluation: a new draft revision, copied from the last, with its reason. */
    @Transactional
    public EvaluationDetails amend(long evaluationId, String reason) {
        UserContext user = currentUser.require();
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty() || trimmed.length() > REASON_MAX) {
            throw new AmendmentReasonException();
        }
        Visible found = find(evaluationId);
        Evaluation evaluation = found.evaluation();
        EvaluationRevision last = latest(evaluation);
        if (last.getStatus() != RevisionStatus.SUBMITTED) {
            throw new IllegalStateException("evaluation " + evaluationId + " already has a draft revision");
        }
        Instant now = clock.instant();
        EvaluationRevision amendment = revisions.save(new EvaluationRevision(evaluationId, last.getNumber() + 1, trimmed,
                last.getAnswers(), now, user.username()));
        evaluation.touch(EvaluationStatus.AMENDING, now, user.username());
        flush(evaluationId);
        audit.record(user.username(), AuditAction.EVALUATION_AMENDED, TARGET, evaluationId,
                "revision " + amendment.getNumber() + " opened; reason: " + trimmed);
        return details(found, amendment);
    }

    /**
     * After a conflict: keeps the user's answers as a new draft evaluation of the same client on
     * the same form version, leaving the other person's work untouched.
     */
    @Transactional
    public EvaluationDetails saveAsCopy(EvaluationDetails edited, Map<String, String> answers) {
        EvaluationDetails copy = new EvaluationDetails(Optional.empty(), edited.client(), edited.form(), EvaluationStatus.DRAFT, 1,
                Map.of(), Optional.empty(), Optional.empty(), 0, true, List.of(), Map.of(), Optional.empty(), Set.of());
        return save(copy, answers);
    }

    private EvaluationRevision editableDraft(Evaluation evaluation, long lockVersion) {
        EvaluationRevision revision = latest(evaluation);
        if (revision.getStatus() != RevisionStatus.DRAFT) {
            throw new NotEditableException(evaluation.getId());
        }
        if (revision.getVersion() != lockVersion) {
            throw new ConcurrentEditException(evaluation.getId());
        }
        return revision;
    }

    private void flush(long evaluationId) {
        try {
            revisions.flush();
            evaluations.flush();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ConcurrentEditException(evaluationId);
        }
    }

    /** An evaluation with its client, checked once per call: the signed-in user may see it. */
    private record Visible(Evaluation evaluation, ClientSummary client) {
    }

    private Visible find(long evaluationId) {
        Evaluation evaluation = evaluations.findById(evaluationId)
                .orElseThrow(() -> new EvaluationNotFoundException(evaluationId));
        try {
            return new Visible(evaluation, clients.requireVisible(evaluation.getClientId()));
        } catch (ClientNotFoundException e) {
            throw new EvaluationNotFoundException(evaluationId);
        }
    }

    private EvaluationRevision latest(Evaluation evaluation) {
        return revisions.findFirstByEvaluationIdOrderByNumberDesc(evaluation.getId())
                .orElseThrow(() -> new IllegalStateException("evaluation " + evaluation.getId() + " has no revision"));
    }

    private EvaluationDetails details(Visible found, EvaluationRevision revision) {
        return details(found, revision, revisions.findByEvaluationIdOrderByNumberAsc(found.evaluation().getId()).stream()
                .map(RevisionSummary::of).toList());
    }

    /** {@code history}: the evaluation's revisions, when the caller knows them (a just-created evaluation has one). */
    private EvaluationDetails details(Visible found, EvaluationRevision revision, List<RevisionSummary> history) {
        Evaluation e = found.evaluation();
        PublishedForm form = catalog.version(e.getFormVersionId());
        Optional<EvaluationRevision> previous = lastSubmitted(e.getClientId(), form.formKey(), Optional.of(e.getId()));
        return new EvaluationDetails(Optional.of(e.getId()), found.client(), form, e.getStatus(),
                revision.getNumber(), revision.getAnswers(), Optional.of(e.getCreatedBy()), Optional.of(revision.getUpdatedAt()),
                revision.getVersion(), revision.getStatus() == RevisionStatus.DRAFT, history,
                previous.map(EvaluationRevision::getAnswers).orElse(Map.of()), previous.map(EvaluationRevision::getSubmittedAt),
                Set.of());
    }

    /** The client's last submitted revision of this form (any version), other than {@code excluded}. */
    private Optional<EvaluationRevision> lastSubmitted(long clientId, String formKey, Optional<Long> excluded) {
        List<Long> ids = evaluations.findByClientIdOrderByCreatedAtDesc(clientId).stream()
                .filter(e -> excluded.map(x -> !x.equals(e.getId())).orElse(true))
                .filter(e -> e.getStatus() != EvaluationStatus.DRAFT)
                .filter(e -> catalog.version(e.getFormVersionId()).formKey().equals(formKey))
                .map(Evaluation::getId)
                .toList();
        return ids.isEmpty() ? Optional.empty()
                : revisions.findFirstByEvaluationIdInAndStatusOrderBySubmittedAtDesc(ids, RevisionStatus.SUBMITTED);
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

    private static String changes(Map<String, String> before, Map<String, String> after) {
        StringBuilder detail = new StringBuilder();
        before.forEach((k, v) -> {
            if (!v.equals(after.get(k))) {
                detail.append(k).append(": ").append(abbreviate(v)).append(" -> ").append(abbreviate(after.getOrDefault(k, ""))).append("; ");
            }
        });
        after.forEach((k, v) -> {
            if (!before.containsKey(k)) {
                detail.append(k).append(": -> ").append(abbreviate(v)).append("; ");
            }
        });
        return detail.isEmpty() ? "saved without changes" : detail.toString();
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
        List<Long> versionIds = catalog.versionIds(formKey);
        if (versionIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Measurement> byRevision = new LinkedHashMap<>();
        for (Object[] row : revisions.latestSubmittedWithAnswers(client.id(), versionIds)) {
            EvaluationRevision r = (EvaluationRevision) row[0];
            byRevision.computeIfAbsent(r.getId(), id -> measurement(r, (Long) row[1]));
        }
        return byRevision.values().stream().sorted(Measurement.NEWEST_FIRST).toList();
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

    /** A submitted revision as a measurement, dated by its form version's {@code measurement.date} when answered. */
    private Measurement measurement(EvaluationRevision r, long formVersionId) {
        return new Measurement(r.getEvaluationId(), r.getNumber(), r.getSubmittedAt(), r.getSubmittedBy(), formVersionId,
                r.getAnswers(), catalog.version(formVersionId).definition().measuredOn(r.getAnswers()));
    }

    /**
     * The measurements with a form of several clients, as {@link #measurements} per client (newest
     * first), in one statement: the form's versions are picked by key in the query. No access check:
     * callers (the committee's agenda) decide which clients may be read. Clients without
     * measurements are absent from the map.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<Measurement>> measurementsOfClients(java.util.Collection<Long> clientIds, String formKey) {
        if (clientIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Measurement> byRevision = new LinkedHashMap<>();
        Map<Long, Long> clientOf = new java.util.HashMap<>();
        for (Object[] row : revisions.latestSubmittedWithAnswersOfClients(clientIds, formKey)) {
            EvaluationRevision r = (EvaluationRevision) row[0];
            clientOf.putIfAbsent(r.getId(), (Long) row[2]);
            byRevision.computeIfAbsent(r.getId(), id -> measurement(r, (Long) row[1]));
        }
        Map<Long, List<Measurement>> byClient = new LinkedHashMap<>();
        byRevision.forEach((revisionId, m) -> byClient.computeIfAbsent(clientOf.get(revisionId), k -> new java.util.ArrayList<>()).add(m));
        byClient.replaceAll((k, v) -> v.stream().sorted(Measurement.NEWEST_FIRST).toList());
        return byClient;
    }
}
