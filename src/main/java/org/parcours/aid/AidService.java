package org.parcours.aid;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.formdef.BindingRole;
import org.parcours.formdef.ChoiceItem;
import org.parcours.formdef.FormDefinition;
import org.parcours.formrun.FormSession;
import org.parcours.formrun.Issue;
import org.parcours.formdef.programme.Transition;
import org.parcours.programmes.ProgrammeService;
import org.parcours.programmes.engine.WorkflowEngine;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.UserContext;
import org.parcours.database.RetryOnTransientFailure;
import org.parcours.submissions.StaleRevisionException;
import org.parcours.submissions.StoredForm;
import org.parcours.submissions.StoredRevision;
import org.parcours.submissions.StoredSubmission;
import org.parcours.submissions.SubmissionKind;
import org.parcours.submissions.SubmissionStorage;
import org.parcours.submissions.SubmittedRevisionException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CASU aid requests (DOMAIN §2): one request per household fills the casu form (YAML), which
 * computes the remaining income while filling and lists the schemes requested at once; on
 * submission each scheme row gets its own decision (amount, decision, decider, date,
 * motivation), and the request's status derives from them. The schemes and the data each needs
 * come from the form and its lists; the items playing a part in this workflow (the schemes'
 * repeat, each row's scheme and amount, the applicant's name) are the form's bindings
 * ({@code aid.*} roles), never item ids here. Access follows the client's team; reads and changes
 * are audited.
 */
@Service
public class AidService {

    static final String TARGET = "aid_request";
    static final int TEXT_MAX = 2000;

    private static final SubmissionKind KIND = SubmissionKind.AID_REQUEST;

    private final SubmissionStorage storage;
    private final AidRequestRepository requests;
    private final SchemeRequestRepository schemes;
    private final ClientService clients;
    private final FormCatalog catalog;
    private final ProgrammeService programmes;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    AidService(SubmissionStorage storage, AidRequestRepository requests, SchemeRequestRepository schemes, ClientService clients,
               FormCatalog catalog, ProgrammeService programmes, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.storage = storage;
        this.programmes = programmes;
        this.requests = requests;
        this.schemes = schemes;
        this.clients = clients;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    public String formKey() {
        return catalog.policy().text("aid.form").orElse("casu");
    }

    @Transactional
    public List<AidRequestSummary> ofClient(long clientId) {
        UserContext user = requireWorker();
        clients.requireVisible(clientId);
        audit.record(user.username(), AuditAction.AID_REQUEST_READ, "client", clientId, "listed aid requests");
        List<Request> found = requests(storage.ofClient(KIND, clientId));
        Map<Long, List<SchemeRequest>> rows = schemes.findByRequestIdIn(found.stream().map(Request::id).toList()).stream()
                .collect(Collectors.groupingBy(SchemeRequest::getRequestId));
        return found.stream().map(r -> {
            List<SchemeRequest> own = rows.getOrDefault(r.id(), List.of());
            return new AidRequestSummary(r.id(), r.clientId(), status(r, own), r.submission().createdAt(), r.submission().createdBy(),
                    r.text().submittedAt(), r.submitted() ? own.size() : rowCount(r),
                    own.stream().filter(s -> s.getDecision() == SchemeDecision.PENDING).count());
        }).toList();
    }

    /** A new request on the current version of the form, the applicant's identity taken from the client file. */
    @RetryOnTransientFailure
    @Transactional
    public AidRequestDetails create(long clientId) {
        return create(clientId, catalog.current(formKey()));
    }

    /** A new request on a given version of the form (also one not live yet, for tests of a changed form). */
    @Transactional
    AidRequestDetails create(long clientId, PublishedForm form) {
        UserContext user = requireWorker();
        ClientSummary client = clients.requireWritable(clientId);
        FormDefinition definition = form.definition();
        definition.requireBound(BindingRole.AID_SCHEMES);
        Map<String, String> start = new HashMap<>(FormSession.start(definition, LocalDate.now(clock)).answersToStore());
        definition.path(BindingRole.AID_APPLICANT_LAST_NAME).ifPresent(path -> start.put(path, client.lastName()));
        definition.path(BindingRole.AID_APPLICANT_FIRST_NAME).ifPresent(path -> start.put(path, client.firstName()));
        if (client.birthDate() != null) {
            definition.path(BindingRole.AID_APPLICANT_BIRTH_DATE).ifPresent(path -> start.put(path, client.birthDate().toString()));
        }
        FormSession.unknownPaths(form.definition(), start).forEach(start::remove);
        Request request = newRequest(clientId, form, FormSession.resume(form.definition(), start, LocalDate.now(clock)).answersToStore(),
                user);
        audit.record(user.username(), AuditAction.AID_REQUEST_CREATED, TARGET, request.id(),
                "for client " + clientId + " on " + form.formKey() + " v" + form.versionNumber());
        return details(request, client);
    }

    @Transactional
    public AidRequestDetails open(long requestId) {
        UserContext user = requireWorker();
        Visible found = find(requestId);
        audit.record(user.username(), AuditAction.AID_REQUEST_READ, TARGET, requestId, "opened");
        return details(found.request(), found.client());
    }

    /** Saves the draft's answers (format checked; required answers wait for submission). */
    @RetryOnTransientFailure
    @Transactional
    public AidRequestDetails save(long requestId, long lockVersion, Map<String, String> answers) {
        UserContext user = requireWorker();
        Visible found = findWritable(requestId);
        Request request = found.request();
        if (request.submitted()) {
            throw new AidException("aid.error.submitted", "The request is submitted");
        }
        if (request.text().lockVersion() != lockVersion) {
            throw concurrent();
        }
        PublishedForm form = catalog.version(request.formVersionId());
        Map<String, String> cleaned = clean(form, answers);
        StoredRevision saved;
        try {
            saved = storage.saveDraft(request.submissionId(), lockVersion, cleaned, clock.instant(), user.username());
        } catch (StaleRevisionException | SubmittedRevisionException e) {
            throw concurrent();
        }
        audit.record(user.username(), AuditAction.AID_REQUEST_SAVED, TARGET, requestId, cleaned.size() + " answers");
        return details(request.with(saved), found.client());
    }

    /**
     * After a conflict (someone else saved the request meanwhile), keeps the user's answers as a
     * new draft request for the same client on the same form version; the other's request stays
     * as they saved it.
     */
    @RetryOnTransientFailure
    @Transactional
    public AidRequestDetails saveAsCopy(long requestId, Map<String, String> answers) {
        UserContext user = requireWorker();
        Visible found = findWritable(requestId);
        PublishedForm form = catalog.version(found.request().formVersionId());
        Request copy = newRequest(found.request().clientId(), form, clean(form, answers), user);
        audit.record(user.username(), AuditAction.AID_REQUEST_CREATED, TARGET, copy.id(),
                "copy of request " + requestId + " kept after a conflict, for client " + copy.clientId());
        return details(copy, found.client());
    }

    /** Submits: every rule of the form must hold; each requested scheme then waits for its decision. */
    @RetryOnTransientFailure
    @Transactional
    public AidRequestDetails submit(long requestId, long lockVersion, Map<String, String> answers) {
        AidRequestDetails saved = save(requestId, lockVersion, answers);
        UserContext user = currentUser.require();
        Visible found = findWritable(requestId);
        Request request = found.request();
        PublishedForm form = catalog.version(request.formVersionId());
        List<Issue> issues = FormSession.resume(form.definition(), saved.answers(), LocalDate.now(clock)).validate();
        if (!issues.isEmpty()) {
            throw new IncompleteAidRequestException(issues);
        }
        FormDefinition definition = form.definition();
        definition.requireBound(BindingRole.AID_SCHEME);
        Map<String, String> stored = request.text().answers();
        int count = definition.rows(BindingRole.AID_SCHEMES, stored);
        Instant now = clock.instant();
        for (int row = 1; row <= count; row++) {
            String amount = definition.answer(BindingRole.AID_AMOUNT_REQUESTED, row, stored).orElse(null);
            schemes.save(new SchemeRequest(requestId, row, definition.answer(BindingRole.AID_SCHEME, row, stored).orElse(null),
                    definition.answer(BindingRole.AID_SCHEME_DETAIL, row, stored).orElse(null),
                    amount == null ? null : new BigDecimal(amount), now, user.username()));
        }
        flush();
        StoredRevision submitted;
        try {
            submitted = storage.submit(request.submissionId(), saved.lockVersion(), now, user.username());
        } catch (StaleRevisionException | SubmittedRevisionException e) {
            throw concurrent();
        }
        audit.record(user.username(), AuditAction.AID_REQUEST_SUBMITTED, TARGET, requestId, count + " scheme(s) requested");
        return details(request.with(submitted), found.client());
    }

    /**
     * Records the decision on one requested scheme through the transition of the declared scheme
     * workflow (forms/programmes/casu.yaml) leading from its current decision to this one: refused
     * when none does or the user may not fire it. What the transition records is required: who
     * decided and the date (not in the future), the motivation (a refusal or a partial grant); a
     * partial grant is of an amount less than requested. A transition recording nothing (back to
     * pending) clears the decision.
     */
    @RetryOnTransientFailure
    @Transactional
    public AidRequestDetails decide(long requestId, long schemeId, SchemeDecision decision, BigDecimal amountGranted, String decider,
                                    LocalDate decidedOn, String motivation) {
        UserContext user = requireWorker();
        Visible found = find(requestId);
        SchemeRequest scheme = schemes.findById(schemeId).filter(s -> s.getRequestId() == requestId)
                .orElseThrow(() -> new AidRequestNotFoundException(requestId));
        if (decision == null) {
            throw new AidException("aid.error.decision", "The decision is required");
        }
        String who = blankToNull(decider);
        String why = blankToNull(motivation);
        if ((who != null && who.length() > 200) || (why != null && why.length() > TEXT_MAX)) {
            throw new AidException("aid.error.tooLong", "Text too long");
        }
        Instant now = clock.instant();
        Transition step = step(found, scheme, decision, user);
        if (step.records().isEmpty()) {
            scheme.decide(decision, null, null, null, null, now, user.username());
        } else {
            if (step.records("decider") && who == null) {
                throw new AidException("aid.error.decider", "Who decided is required");
            }
            if (step.records("decided-on") && (decidedOn == null || decidedOn.isAfter(LocalDate.now(clock)))) {
                throw new AidException("aid.error.date", "The date of the decision is required and cannot be in the future");
            }
            if (step.records("grounds") && why == null) {
                throw new AidException("aid.error.motivation", "A refusal or a partial grant needs its motivation");
            }
            if (amountGranted != null && amountGranted.signum() < 0) {
                throw new AidException("aid.error.amount", "The amount granted cannot be negative");
            }
            if (decision == SchemeDecision.PARTLY_GRANTED && scheme.getAmountRequested() != null
                    && (amountGranted == null || amountGranted.compareTo(scheme.getAmountRequested()) >= 0)) {
                throw new AidException("aid.error.partialAmount", "A partial grant is less than the amount requested",
                        scheme.getAmountRequested());
            }
            BigDecimal granted = !step.records("amount-granted") ? null
                    : decision == SchemeDecision.GRANTED && amountGranted == null ? scheme.getAmountRequested() : amountGranted;
            scheme.decide(decision, granted, step.records("decider") ? who : null, step.records("decided-on") ? decidedOn : null,
                    step.records("grounds") ? why : null, now, user.username());
        }
        flush();
        audit.record(user.username(), AuditAction.AID_SCHEME_DECIDED, TARGET, requestId,
                "scheme " + scheme.getRow() + " (" + scheme.getSchemeCode() + "): " + decision
                        + (scheme.getAmountGranted() == null ? "" : ", " + scheme.getAmountGranted()) + (who == null ? "" : " by " + who));
        return details(found.request(), found.client());
    }

    /**
     * The pending schemes of the submitted requests of the clients the user may see, oldest
     * request first; {@code teamId} narrows to one team. Audited as a read of the board.
     */
    @Transactional
    public List<BoardRow> board(Optional<Long> teamId, Locale locale) {
        UserContext user = requireWorker();
        List<ClientSummary> visible = clients.visibleClients().stream()
                .filter(c -> teamId.map(t -> t == c.teamId()).orElse(true)).toList();
        Map<Long, ClientSummary> byId = visible.stream().collect(Collectors.toMap(ClientSummary::id, Function.identity()));
        if (byId.isEmpty()) {
            return List.of();
        }
        Map<Long, Request> requestById = new LinkedHashMap<>();
        submitted(byId.keySet()).forEach(r -> requestById.put(r.id(), r));
        Instant now = clock.instant();
        List<BoardRow> rows = new ArrayList<>();
        for (SchemeRequest s : schemes.findByRequestIdIn(requestById.keySet())) {
            if (s.getDecision() != SchemeDecision.PENDING) {
                continue;
            }
            Request r = requestById.get(s.getRequestId());
            ClientSummary c = byId.get(r.clientId());
            FormDefinition form = catalog.version(r.formVersionId()).definition();
            Instant submittedAt = r.text().submittedAt().orElseThrow();
            rows.add(new BoardRow(r.id(), s.getId(), c.id(), c.fullName(), c.teamId(), c.teamName(),
                    label(form, s.getSchemeCode(), locale) + (s.getSchemeDetail() == null ? "" : " – " + s.getSchemeDetail()),
                    Optional.ofNullable(s.getAmountRequested()), submittedAt, Duration.between(submittedAt, now).toDays()));
        }
        rows.sort(Comparator.comparing(BoardRow::submittedAt).thenComparing(BoardRow::requestId).thenComparing(BoardRow::schemeId));
        audit.record(user.username(), AuditAction.AID_REQUEST_READ, TARGET, "board",
                "pending schemes board" + teamId.map(t -> " of team " + t).orElse("") + ": " + rows.size() + " row(s)");
        return rows;
    }

    /**
     * For the dashboard: per month of decision (from {@code from} on), the schemes granted or
     * partly granted on the submitted requests of the given clients, by scheme code. No access
     * check: the caller passes the clients the user may see (as the committee's agenda does).
     */
    @Transactional(readOnly = true)
    public Map<java.time.YearMonth, Map<String, Long>> grantedPerMonth(java.util.Collection<Long> clientIds, java.time.YearMonth from) {
        if (clientIds.isEmpty()) {
            return Map.of();
        }
        List<Long> submissionIds = storage.submittedIds(KIND, clientIds);
        Set<Long> requestIds = submissionIds.isEmpty() ? Set.of()
                : requests.findBySubmissionIdIn(submissionIds).stream().map(AidRequest::getId).collect(Collectors.toSet());
        Map<java.time.YearMonth, Map<String, Long>> counts = new java.util.TreeMap<>();
        if (requestIds.isEmpty()) {
            return counts;
        }
        for (SchemeRequest scheme : schemes.findByRequestIdIn(requestIds)) {
            boolean granted = scheme.getDecision() == SchemeDecision.GRANTED || scheme.getDecision() == SchemeDecision.PARTLY_GRANTED;
            if (granted && scheme.getDecidedOn() != null && !java.time.YearMonth.from(scheme.getDecidedOn()).isBefore(from)) {
                counts.computeIfAbsent(java.time.YearMonth.from(scheme.getDecidedOn()), m -> new java.util.TreeMap<>())
                        .merge(scheme.getSchemeCode(), 1L, Long::sum);
            }
        }
        return counts;
    }

    // ---- internals

    /** A decision as a state of the scheme workflow ({@code PARTLY_GRANTED} is {@code partly-granted}). */
    private static String state(SchemeDecision decision) {
        return decision.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The declared transition leading the scheme from its decision to {@code decision}, if the user may fire it. */
    private Transition step(Visible found, SchemeRequest scheme, SchemeDecision decision, UserContext user) {
        WorkflowEngine workflow = programmes.workflowOf(formKey()).orElseThrow(() -> new AidException("aid.error.transition",
                "No programme declares the decisions of the schemes of form '" + formKey() + "'"));
        String from = state(scheme.getDecision());
        Transition step = workflow.leading(from, state(decision)).orElseThrow(() -> new AidException("aid.error.transition",
                "A scheme that is " + from + " cannot become " + state(decision)));
        WorkflowEngine.Check check = programmes.check(workflow, from, step.id(), user.roleNames(), found.client());
        if (check.outcome() == WorkflowEngine.Outcome.ROLE) {
            audit.recordDenied(user.username(), TARGET, found.request().id(), "the scheme workflow does not let this user " + step.id());
            throw new AccessDeniedException("This decision is not for this user");
        }
        if (!check.allowed()) {
            throw new AidException("aid.error.transition", check.blocking().stream().findFirst()
                    .map(f -> f.message().in(Locale.ENGLISH)).orElse("A scheme that is " + from + " cannot become " + state(decision)));
        }
        return step;
    }

    private record Visible(Request request, ClientSummary client) {
    }

    /** A request: its own id, its submission and the submission's (only) revision, the request's text. */
    record Request(long id, StoredSubmission submission, StoredRevision text) {

        long submissionId() {
            return submission.id();
        }

        long clientId() {
            return submission.clientId();
        }

        long formVersionId() {
            return submission.formVersionId();
        }

        boolean submitted() {
            return !text.draft();
        }

        Request with(StoredRevision changed) {
            return new Request(id, submission, changed);
        }
    }

    private Request newRequest(long clientId, PublishedForm form, Map<String, String> answers, UserContext user) {
        StoredForm created = storage.create(KIND, clientId, form.versionId(), answers, clock.instant(), user.username());
        AidRequest request = requests.saveAndFlush(new AidRequest(created.submission().id()));
        return new Request(request.getId(), created.submission(), created.revision());
    }

    /** The requests of these submissions (in their order), each with its latest revision. */
    private List<Request> requests(List<StoredSubmission> found) {
        Map<Long, StoredSubmission> bySubmission = new LinkedHashMap<>();
        found.forEach(s -> bySubmission.put(s.id(), s));
        Map<Long, StoredRevision> latest = storage.latestOf(bySubmission.keySet());
        Map<Long, Long> requestOf = new HashMap<>();
        requests.findBySubmissionIdIn(bySubmission.keySet()).forEach(r -> requestOf.put(r.getSubmissionId(), r.getId()));
        return bySubmission.values().stream().filter(s -> requestOf.containsKey(s.id()))
                .map(s -> new Request(requestOf.get(s.id()), s, latest.get(s.id()))).toList();
    }

    /** The submitted requests of these clients, the first submitted first. */
    private List<Request> submitted(Collection<Long> clientIds) {
        return requests(storage.ofClients(KIND, clientIds)).stream().filter(Request::submitted)
                .sorted(Comparator.comparing((Request r) -> r.text().submittedAt().orElseThrow()).thenComparing(Request::id)).toList();
    }

    /** For the store: the submitted requests of these clients, the first submitted first; no access check. */
    @Transactional(readOnly = true)
    List<Request> submittedOfClients(Collection<Long> clientIds) {
        return submitted(clientIds);
    }

    /** For the store: how many requests on these form versions answer the item (holding the option, if given). */
    int countAnswering(Collection<Long> versionIds, String itemId, Optional<String> option) {
        return storage.countAnswering(KIND, versionIds, itemId, option);
    }

    private static AidException concurrent() {
        return new AidException("aid.error.concurrent", "Someone else changed this request meanwhile");
    }

    private UserContext requireWorker() {
        UserContext user = currentUser.require();
        if (!user.has(Role.WORKER) && !user.has(Role.ADMIN)) {
            audit.recordDenied(user.username(), TARGET, "-", "aid requests are for workers and administrators");
            throw new AccessDeniedException("Aid requests are for workers and administrators");
        }
        return user;
    }

    /** As {@link #find(long)} for a change: a justified access outside the team only reads (docs/privacy.md). */
    private Visible findWritable(long id) {
        Visible found = find(id);
        clients.requireWritable(found.client().id());
        return found;
    }

    private Visible find(long requestId) {
        AidRequest row = requests.findById(requestId).orElseThrow(() -> new AidRequestNotFoundException(requestId));
        StoredSubmission submission = storage.find(KIND, row.getSubmissionId()).orElseThrow(() -> new AidRequestNotFoundException(requestId));
        Request request = new Request(requestId, submission, storage.latest(submission.id()));
        try {
            return new Visible(request, clients.requireVisible(request.clientId()));
        } catch (ClientNotFoundException e) {
            throw new AidRequestNotFoundException(requestId);
        }
    }

    private void flush() {
        try {
            schemes.flush();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw concurrent();
        }
    }

    private int rowCount(Request request) {
        return catalog.version(request.formVersionId()).definition().rows(BindingRole.AID_SCHEMES, request.text().answers());
    }

    private static RequestStatus status(Request r, List<SchemeRequest> rows) {
        return RequestStatus.of(r.submitted(), rows.stream().map(SchemeRequest::getDecision).toList());
    }

    /** The scheme's label from the form version's choice item (its YAML list or options), else the code. */
    private String label(FormDefinition form, String code, Locale locale) {
        return labelText(form, code).in(locale);
    }

    private org.parcours.formdef.LocalizedText labelText(FormDefinition form, String code) {
        return form.boundItem(BindingRole.AID_SCHEME).flatMap(form::item)
                .filter(ChoiceItem.class::isInstance).map(ChoiceItem.class::cast)
                .flatMap(c -> c.options().option(code)).map(o -> o.label())
                .orElse(org.parcours.formdef.LocalizedText.of(code, code, code));
    }

    private Map<String, String> clean(PublishedForm form, Map<String, String> answers) {
        Map<String, String> given = new LinkedHashMap<>();
        answers.forEach((path, value) -> {
            if (value != null && !value.isBlank()) {
                given.put(path, value);
            }
        });
        List<String> unknown = List.copyOf(FormSession.unknownPaths(form.definition(), given));
        FormSession session = FormSession.resume(form.definition(), given, LocalDate.now(clock));
        List<Issue> format = session.formatIssues();
        if (!unknown.isEmpty() || !format.isEmpty()) {
            throw new AidException("aid.error.answers", "Answers rejected: unknown " + unknown + ", " + format);
        }
        return session.answersToStore();
    }

    private AidRequestDetails details(Request r, ClientSummary client) {
        PublishedForm form = catalog.version(r.formVersionId());
        List<SchemeRequest> rows = schemes.findByRequestIdOrderByRowAsc(r.id());
        List<SchemeView> views = rows.stream().map(s -> new SchemeView(s.getId(), s.getRow(), s.getSchemeCode(),
                labelText(form.definition(), s.getSchemeCode()), Optional.ofNullable(s.getSchemeDetail()),
                Optional.ofNullable(s.getAmountRequested()), s.getDecision(), Optional.ofNullable(s.getAmountGranted()),
                Optional.ofNullable(s.getDecider()), Optional.ofNullable(s.getDecidedOn()), Optional.ofNullable(s.getMotivation()))).toList();
        return new AidRequestDetails(r.id(), client, form, r.text().answers(), !r.submitted(), r.text().lockVersion(), status(r, rows),
                r.text().submittedAt(), r.text().submittedBy(), r.submission().createdBy(), views);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The items hidden from {@code roles} whichever version of the form a request is on: those
     * {@code sensitive} to other roles in any published version of it ({@link FormCatalog#hiddenFromAnyVersion}).
     */
    public Set<String> hiddenAcrossVersions(String formKey, Set<String> roles) {
        return catalog.hiddenFromAnyVersion(formKey, roles);
    }
}
