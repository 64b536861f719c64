package org.parcours.contracts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.committee.AgendaQuestion;
import org.parcours.committee.MeetingService;
import org.parcours.formdef.BindingRole;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.Policy;
import org.parcours.formrun.FormSession;
import org.parcours.formrun.Issue;
import org.parcours.programmes.ProgrammeService;
import org.parcours.programmes.engine.Finding;
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
 * MASP contracts (DOMAIN §3): drafted by a worker from the masp-contract template (its YAML form,
 * filled with the form engine), signed, changed by avenants (each a new version with its reason
 * and date), evaluated, renewed within the policy's total and ended with an outcome. Also the
 * client's monthly rent-and-charges records and escalations toward a judicial measure. Access
 * follows the client's team; every read and change is audited.
 */
@Service
public class ContractService {

    static final String TARGET = "masp_contract";
    static final String CLIENT_TARGET = "client";
    static final int TEXT_MAX = 2000;
    static final int EVALUATION_MAX = 4000;

    private static final SubmissionKind KIND = SubmissionKind.CONTRACT;

    private final SubmissionStorage storage;
    private final MaspContractRepository contracts;
    private final ContractSignatureRepository signatures;
    private final RentPaymentRepository payments;
    private final EscalationRepository escalations;
    private final ClientService clients;
    private final MeetingService meetings;
    private final FormCatalog catalog;
    private final ProgrammeService programmes;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    ContractService(SubmissionStorage storage, MaspContractRepository contracts, ContractSignatureRepository signatures,
                    RentPaymentRepository payments, EscalationRepository escalations, ClientService clients, MeetingService meetings,
                    FormCatalog catalog, ProgrammeService programmes, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.storage = storage;
        this.programmes = programmes;
        this.contracts = contracts;
        this.signatures = signatures;
        this.payments = payments;
        this.escalations = escalations;
        this.clients = clients;
        this.meetings = meetings;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    public ContractRules rules() {
        return new ContractRules(catalog.policy());
    }

    /** The key of the template form (policy {@code masp.form}). */
    public String formKey() {
        return catalog.policy().text("masp.form").orElse("masp-contract");
    }

    /** A template without the contract's roles bound cannot run this workflow: said at once, not halfway. */
    private static void requireTemplate(FormDefinition template) {
        for (BindingRole role : BindingRole.values()) {
            if (role.group().equals("contract") && role.required()) {
                template.requireBound(role);
            }
        }
    }

    // ---- reading

    /** The client's contracts, newest first; audited as a read of the client's contracts. */
    @Transactional
    public List<ContractSummary> ofClient(long clientId) {
        UserContext user = requireWorker();
        clients.requireVisible(clientId);
        audit.record(user.username(), AuditAction.CONTRACT_READ, CLIENT_TARGET, clientId, "listed MASP contracts");
        LocalDate today = today();
        return stored(storage.ofClient(KIND, clientId)).stream().map(c -> summary(c.row(), c.submission(), today)).toList();
    }

    /** The contract with its latest text (or text {@code versionNumber}, read-only). */
    @Transactional
    public ContractDetails open(long contractId, Optional<Integer> versionNumber) {
        UserContext user = requireWorker();
        Visible found = find(contractId);
        StoredRevision version = versionNumber.map(n -> storage.revision(found.submission().id(), n)
                .orElseThrow(() -> new ContractNotFoundException(contractId))).orElseGet(() -> latest(found));
        audit.record(user.username(), AuditAction.CONTRACT_READ, TARGET, contractId, "opened text " + version.number());
        return details(found, version);
    }

    // ---- drafting and signing

    /** A new draft contract for a client of the user's team, on the current template version. */
    @RetryOnTransientFailure
    @Transactional
    public ContractDetails draft(long clientId) {
        UserContext user = requireWorker();
        ClientSummary client = clients.requireWritable(clientId);
        PublishedForm form = catalog.current(formKey());
        requireTemplate(form.definition());
        Instant now = clock.instant();
        Created created = newContract(client, form, FormSession.start(form.definition(), today()).answersToStore(), null, now, user);
        audit.record(user.username(), AuditAction.CONTRACT_CREATED, TARGET, created.found().contract().getId(),
                "draft for client " + clientId + " on " + form.formKey() + " v" + form.versionNumber());
        return details(created.found(), created.text());
    }

    /** Saves the answers of the text being drafted (the contract or an avenant); rules wait for signing. */
    @RetryOnTransientFailure
    @Transactional
    public ContractDetails save(long contractId, long lockVersion, Map<String, String> answers) {
        UserContext user = requireWorker();
        Visible found = findWritable(contractId);
        StoredRevision draft = editableDraft(found, lockVersion);
        PublishedForm form = catalog.version(found.submission().formVersionId());
        Map<String, String> cleaned = clean(form, answers);
        StoredRevision version;
        try {
            version = storage.saveDraft(found.submission().id(), lockVersion, cleaned, clock.instant(), user.username());
        } catch (StaleRevisionException | SubmittedRevisionException e) {
            throw concurrent(contractId);
        }
        audit.record(user.username(), AuditAction.CONTRACT_SAVED, TARGET, contractId,
                "text " + version.number() + ": " + changes(draft.answers(), cleaned));
        return details(found, version);
    }

    /**
     * After a conflict (someone else saved the contract meanwhile), keeps the user's answers as a
     * new draft contract for the same client on the same template version; the other's contract
     * stays as they saved it.
     */
    @RetryOnTransientFailure
    @Transactional
    public ContractDetails saveAsCopy(long contractId, Map<String, String> answers) {
        UserContext user = requireWorker();
        Visible found = findWritable(contractId);
        PublishedForm form = catalog.version(found.submission().formVersionId());
        Created copy = newContract(found.client(), form, clean(form, answers), null, clock.instant(), user);
        audit.record(user.username(), AuditAction.CONTRACT_CREATED, TARGET, copy.found().contract().getId(),
                "copy of contract " + contractId + " kept after a conflict, for client " + found.client().id());
        return details(copy.found(), copy.text());
    }

    /**
     * Signs the text being drafted: every rule of the template must hold, the person's adhesion
     * must be recorded, the duration must be within the policy's range and the contract with its
     * renewals within the policy's total. Signing text 1 signs the contract; a later text is an
     * avenant whose terms replace the current ones.
     */
    @RetryOnTransientFailure
    @Transactional
    public ContractDetails sign(long contractId, long lockVersion, Map<String, String> answers, LocalDate signedOn) {
        ContractDetails saved = save(contractId, lockVersion, answers);
        UserContext user = currentUser.require();
        Visible found = findWritable(contractId);
        MaspContract contract = found.contract();
        StoredRevision version = editableDraft(found, saved.lockVersion());
        ContractStatus after = fire(found, user, version.number() == 1 ? "sign" : "sign-avenant");
        PublishedForm form = catalog.version(found.submission().formVersionId());
        List<Issue> issues = FormSession.resume(form.definition(), version.answers(), today()).validate();
        if (!issues.isEmpty()) {
            throw new IncompleteContractException(issues);
        }
        if (signedOn == null || signedOn.isAfter(today())) {
            throw new ContractException("contract.error.signedOn", "The signature date is required and cannot be in the future");
        }
        FormDefinition template = form.definition();
        requireTemplate(template);
        Map<String, String> terms = version.answers();
        if (!template.answer(BindingRole.CONTRACT_ADHESION, terms).map("true"::equals).orElse(false)) {
            throw new ContractException("contract.error.noAdhesion",
                    "The person's free adhesion is required to sign; a refusal may be recorded as a trigger toward a judicial measure");
        }
        ContractRules rules = rules();
        int months = Integer.parseInt(template.answer(BindingRole.CONTRACT_DURATION, terms).orElseThrow());
        rules.checkDuration(months);
        rules.checkTotal(earlierMonths(contract), months);
        LocalDate start = LocalDate.parse(template.answer(BindingRole.CONTRACT_START, terms).orElseThrow());
        String level = template.answer(BindingRole.CONTRACT_LEVEL, terms).orElse(null);
        StoredRevision signed;
        try {
            signed = storage.submit(found.submission().id(), version.lockVersion(), clock.instant(), user.username());
        } catch (StaleRevisionException | SubmittedRevisionException e) {
            throw concurrent(contractId);
        }
        signatures.save(new ContractSignature(signed.id(), signedOn));
        contract.applyTerms(level, start, months);
        if (signed.number() == 1) {
            contract.sign(signedOn);
        }
        recorded(contract, after);
        flush(contractId);
        audit.record(user.username(), AuditAction.CONTRACT_SIGNED, TARGET, contractId,
                (signed.number() == 1 ? "contract" : "avenant " + (signed.number() - 1)) + " signed on " + signedOn
                        + ": level " + contract.getLevel() + ", " + start + " for " + months + " months");
        return details(found, signed);
    }

    /** Opens an avenant of a signed contract: a new text, copied from the current one, with its reason. */
    @RetryOnTransientFailure
    @Transactional
    public ContractDetails amend(long contractId, String reason) {
        UserContext user = requireWorker();
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty() || trimmed.length() > TEXT_MAX) {
            throw new ContractException("contract.error.reasonRequired", "An avenant needs its reason");
        }
        Visible found = findWritable(contractId);
        MaspContract contract = found.contract();
        fire(found, user, "amend");
        StoredRevision last = latest(found);
        if (last.draft()) {
            throw new ContractException("contract.error.amendmentOpen", "An avenant is already being drafted");
        }
        StoredRevision avenant;
        try {
            avenant = storage.addRevision(found.submission().id(), trimmed, last.answers(), clock.instant(), user.username());
        } catch (StaleRevisionException e) {
            throw concurrent(contractId);
        }
        audit.record(user.username(), AuditAction.CONTRACT_AMENDED, TARGET, contractId,
                "avenant " + (avenant.number() - 1) + " opened; reason: " + trimmed);
        return details(found, avenant);
    }

    // ---- evaluation, renewal, end

    /**
     * Records the evaluation of the contract's objectives (one result per objective of the
     * current text, and a written evaluation): required before any renewal.
     */
    @RetryOnTransientFailure
    @Transactional
    public ContractDetails evaluate(long contractId, Map<Integer, ObjectiveResult> results, String text, LocalDate on) {
        UserContext user = requireWorker();
        Visible found = findWritable(contractId);
        MaspContract contract = found.contract();
        ContractStatus after = fire(found, user, "evaluate");
        StoredRevision current = latest(found);
        if (current.draft()) {
            throw new ContractException("contract.error.amendmentOpen", "Sign or drop the avenant being drafted first");
        }
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty() || trimmed.length() > EVALUATION_MAX) {
            throw new ContractException("contract.error.evaluationText", "The evaluation needs its text");
        }
        int objectives = catalog.version(found.submission().formVersionId()).definition().rows(BindingRole.CONTRACT_OBJECTIVES,
                current.answers());
        for (int i = 1; i <= objectives; i++) {
            if (results == null || results.get(i) == null) {
                throw new ContractException("contract.error.objectiveResult", "Objective " + i + " has no result", i);
            }
        }
        if (on == null || on.isAfter(today())) {
            throw new ContractException("contract.error.date", "The date is required and cannot be in the future");
        }
        Map<Integer, ObjectiveResult> kept = new HashMap<>();
        results.forEach((k, v) -> {
            if (k >= 1 && k <= objectives) {
                kept.put(k, v);
            }
        });
        contract.evaluate(on, user.username(), trimmed, kept);
        recorded(contract, after);
        touch(found, user);
        audit.record(user.username(), AuditAction.CONTRACT_EVALUATED, TARGET, contractId, "evaluated on " + on + ": " + kept);
        return details(found, current);
    }

    /**
     * Renews an evaluated contract: a new draft contract starting the day after this one ends,
     * for {@code months} (within the policy's range), its text copied from the current one with
     * the evaluation as the prior evaluation. Refused without a prior evaluation, and when the
     * contract and its renewals would run longer than the policy's total.
     */
    @RetryOnTransientFailure
    @Transactional
    public ContractDetails renew(long contractId, int months) {
        UserContext user = requireWorker();
        Visible found = findWritable(contractId);
        MaspContract contract = found.contract();
        ContractStatus after = fire(found, user, "renew");
        ContractRules rules = rules();
        rules.checkDuration(months);
        rules.checkTotal(earlierMonths(contract) + contract.getDurationMonths(), months);
        PublishedForm form = catalog.current(formKey());
        FormDefinition template = form.definition();
        requireTemplate(template);
        Map<String, String> answers = new HashMap<>(latest(found).answers());
        answers.put(template.requireBound(BindingRole.CONTRACT_START), contract.getEndDate().plusDays(1).toString());
        answers.put(template.requireBound(BindingRole.CONTRACT_DURATION), String.valueOf(months));
        template.path(BindingRole.CONTRACT_RENEWAL).ifPresent(path -> answers.put(path, "true"));
        template.path(BindingRole.CONTRACT_PRIOR_EVALUATION).ifPresent(path -> answers.put(path, contract.getEvaluationText()));
        // the person adheres anew to each contract
        answers.remove(template.requireBound(BindingRole.CONTRACT_ADHESION));
        template.path(BindingRole.CONTRACT_ADHESION_DATE).ifPresent(answers::remove);
        FormSession.unknownPaths(form.definition(), answers).forEach(answers::remove);
        Instant now = clock.instant();
        Created renewal = newContract(found.client(), form, FormSession.resume(form.definition(), answers, today()).answersToStore(),
                contract.getId(), now, user);
        contract.renewed();
        recorded(contract, after);
        touch(found, user);
        long renewalId = renewal.found().contract().getId();
        audit.record(user.username(), AuditAction.CONTRACT_RENEWED, TARGET, contractId, "renewed by contract " + renewalId);
        audit.record(user.username(), AuditAction.CONTRACT_CREATED, TARGET, renewalId,
                "renewal of contract " + contractId + " for " + months + " months");
        return details(renewal.found(), renewal.text());
    }

    /** Ends a contract (also a draft the person refused) with its outcome. */
    @RetryOnTransientFailure
    @Transactional
    public ContractDetails end(long contractId, EndOutcome outcome, String note, LocalDate on) {
        UserContext user = requireWorker();
        Visible found = findWritable(contractId);
        MaspContract contract = found.contract();
        ContractStatus after = fire(found, user, "end");
        if (outcome == null) {
            throw new ContractException("contract.error.outcome", "The outcome is required");
        }
        String trimmed = note == null || note.isBlank() ? null : note.strip();
        if (trimmed != null && trimmed.length() > TEXT_MAX) {
            throw new ContractException("contract.error.tooLong", "The note is too long");
        }
        if (on == null || on.isAfter(today())) {
            throw new ContractException("contract.error.date", "The date is required and cannot be in the future");
        }
        contract.end(on, outcome, trimmed);
        recorded(contract, after);
        touch(found, user);
        audit.record(user.username(), AuditAction.CONTRACT_ENDED, TARGET, contractId, "ended on " + on + ": " + outcome);
        return details(found, latest(found));
    }

    /** Records the day the decision (the signed contract, its renewal or end) was notified: the contest period starts. */
    @RetryOnTransientFailure
    @Transactional
    public ContractDetails recordNotification(long contractId, LocalDate notifiedOn) {
        UserContext user = requireWorker();
        Visible found = findWritable(contractId);
        if (!allows(found, user, "notify")) {
            throw new ContractException("contract.error.notSigned", "A draft is not notified");
        }
        if (notifiedOn == null || notifiedOn.isAfter(today())) {
            throw new ContractException("contract.error.date", "The date is required and cannot be in the future");
        }
        found.contract().notified(notifiedOn);
        touch(found, user);
        audit.record(user.username(), AuditAction.CONTRACT_NOTIFIED, TARGET, contractId, "notified on " + notifiedOn);
        return details(found, latest(found));
    }

    // ---- rent and charges, escalation

    /** The client's recorded months of rent and charges, oldest first. */
    @Transactional
    public List<PaymentMonth> payments(long clientId) {
        UserContext user = requireWorker();
        clients.requireVisible(clientId);
        audit.record(user.username(), AuditAction.CONTRACT_READ, CLIENT_TARGET, clientId, "read rent and charges payments");
        return paymentMonths(clientId);
    }

    /** The number of consecutive unpaid months up to the latest recorded month. */
    @Transactional(readOnly = true)
    public int unpaidStreak(long clientId) {
        clients.requireVisible(clientId);
        return ContractRules.unpaidStreak(paymentMonths(clientId).stream()
                .map(p -> new ContractRules.MonthPayment(p.month(), p.due(), p.paid())).toList());
    }

    /** Records (or corrects) the rent and charges due and paid for a month. */
    @RetryOnTransientFailure
    @Transactional
    public List<PaymentMonth> recordPayment(long clientId, YearMonth month, BigDecimal due, BigDecimal paid) {
        UserContext user = requireWorker();
        clients.requireWritable(clientId);
        if (month == null || due == null || paid == null || due.signum() < 0 || paid.signum() < 0) {
            throw new ContractException("contract.error.payment", "Month, amount due and amount paid are required and not negative");
        }
        if (month.isAfter(YearMonth.from(today()))) {
            throw new ContractException("contract.error.paymentFuture", "A future month cannot be recorded");
        }
        LocalDate start = month.atDay(1);
        Instant now = clock.instant();
        payments.findByClientIdAndMonthStart(clientId, start).ifPresentOrElse(
                p -> p.update(due, paid, now, user.username()),
                () -> payments.save(new RentPayment(clientId, start, due, paid, now, user.username())));
        payments.flush();
        audit.record(user.username(), AuditAction.RENT_PAYMENT_RECORDED, CLIENT_TARGET, clientId,
                month + ": due " + due + ", paid " + paid);
        return paymentMonths(clientId);
    }

    @Transactional
    public List<EscalationView> escalations(long clientId) {
        UserContext user = requireWorker();
        clients.requireVisible(clientId);
        audit.record(user.username(), AuditAction.CONTRACT_READ, CLIENT_TARGET, clientId, "read escalations");
        return escalations.findByClientIdOrderByRecordedAtDesc(clientId).stream().map(ContractService::view).toList();
    }

    /**
     * Records a step toward a judicial measure (level 3) with its trigger. Unpaid rent is accepted
     * only when the recorded payments show the policy's number of consecutive unpaid months; a
     * breach needs its description. With a meeting, the client is proposed on its agenda with the
     * question "judicial measure" and the trigger as text.
     */
    @RetryOnTransientFailure
    @Transactional
    public EscalationView escalate(long clientId, Optional<Long> contractId, EscalationTrigger trigger, String detail,
                                   Optional<Long> meetingId) {
        UserContext user = requireWorker();
        clients.requireWritable(clientId);
        if (trigger == null) {
            throw new ContractException("contract.error.trigger", "The trigger is required");
        }
        String text = detail == null || detail.isBlank() ? null : detail.strip();
        if (text != null && text.length() > TEXT_MAX) {
            throw new ContractException("contract.error.tooLong", "The description is too long");
        }
        if (trigger == EscalationTrigger.BREACH && text == null) {
            throw new ContractException("contract.error.breachDetail", "Describe which clauses were not kept");
        }
        contractId.ifPresent(id -> {
            if (find(id).submission().clientId() != clientId) {
                throw new ContractNotFoundException(id);
            }
        });
        Integer unpaid = null;
        if (trigger == EscalationTrigger.UNPAID_RENT) {
            unpaid = unpaidStreak(clientId);
            rules().checkUnpaidTrigger(unpaid);
        }
        Long agendaItem = null;
        if (meetingId.isPresent()) {
            String question = trigger.name() + (unpaid == null ? "" : " (" + unpaid + ")") + (text == null ? "" : ": " + text);
            agendaItem = meetings.propose(meetingId.get(), clientId, AgendaQuestion.JUDICIAL_MEASURE,
                    question.length() > 1000 ? question.substring(0, 1000) : question);
        }
        Escalation saved = escalations.saveAndFlush(new Escalation(clientId, contractId.orElse(null), trigger, text, unpaid, today(),
                clock.instant(), user.username(), agendaItem));
        audit.record(user.username(), AuditAction.ESCALATION_RECORDED, CLIENT_TARGET, clientId,
                "toward a judicial measure: " + trigger + (unpaid == null ? "" : ", " + unpaid + " consecutive unpaid months")
                        + (agendaItem == null ? "" : ", proposed to meeting " + meetingId.get()));
        return view(saved);
    }

    // ---- worklist

    /**
     * For the worklist: the visible clients' running contracts (signed or in a later state that is
     * not terminal in the declared workflow) with a step due before their end (the workflow's
     * {@code due-before-end}, the evaluation), or which end within {@code worklist.due_soon_within};
     * earliest end first.
     */
    @Transactional(readOnly = true)
    public List<ContractDue> due(Collection<ClientSummary> visibleClients) {
        if (visibleClients.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = new HashMap<>();
        visibleClients.forEach(c -> names.put(c.id(), c.fullName()));
        Policy policy = catalog.policy();
        WorkflowEngine workflow = workflow();
        LocalDate today = today();
        LocalDate horizon = today.plus(policy.period("worklist.due_soon_within"));
        List<ContractStatus> running = java.util.Arrays.stream(ContractStatus.values())
                .filter(s -> {
                    String state = s.name().toLowerCase(Locale.ROOT);
                    return workflow.workflow().states().containsKey(state) && !state.equals(workflow.workflow().initial())
                            && !workflow.workflow().terminal(state);
                }).toList();
        List<ContractDue> due = new ArrayList<>();
        Map<Long, Long> clientOf = new HashMap<>();
        storage.ofClients(KIND, names.keySet()).forEach(sub -> clientOf.put(sub.id(), sub.clientId()));
        for (MaspContract c : clientOf.isEmpty() ? List.<MaspContract>of() : contracts.findBySubmissionIdInAndStatusInOrderByEndDateAsc(
                clientOf.keySet(), running)) {
            long clientId = clientOf.get(c.getSubmissionId());
            if (c.getEndDate() == null) {
                continue;
            }
            LocalDate end = c.getEndDate();
            boolean stepDue = workflow.workflow().from(state(c)).stream()
                    .flatMap(t -> workflow.dueBeforeEnd(t, end).stream()).anyMatch(from -> !from.isAfter(today));
            if (stepDue) {
                due.add(new ContractDue(c.getId(), clientId, names.get(clientId), ContractDue.Kind.EVALUATION_DUE,
                        c.getEndDate(), c.getEndDate().isBefore(today)));
            } else if (!c.getEndDate().isAfter(horizon)) {
                due.add(new ContractDue(c.getId(), clientId, names.get(clientId), ContractDue.Kind.ENDING_SOON,
                        c.getEndDate(), c.getEndDate().isBefore(today)));
            }
        }
        return due;
    }

    // ---- internals

    /** A contract with its submission and client, checked once per call: the signed-in user may see it. */
    private record Visible(MaspContract contract, StoredSubmission submission, ClientSummary client) {
    }

    /** A contract's lifecycle row with its submission (client, template version, who made it). */
    record Stored(MaspContract row, StoredSubmission submission) {
    }

    /** A contract just created, with its first text. */
    private record Created(Visible found, StoredRevision text) {
    }

    private Created newContract(ClientSummary client, PublishedForm form, Map<String, String> answers, Long previousContractId,
                                Instant now, UserContext user) {
        StoredForm created = storage.create(KIND, client.id(), form.versionId(), answers, now, user.username());
        MaspContract contract = contracts.save(new MaspContract(created.submission().id(), previousContractId));
        flush(created.submission().id());
        return new Created(new Visible(contract, created.submission(), client), created.revision());
    }

    /** The contracts of these submissions, in their order. */
    private List<Stored> stored(List<StoredSubmission> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, MaspContract> bySubmission = new HashMap<>();
        contracts.findBySubmissionIdIn(found.stream().map(StoredSubmission::id).toList())
                .forEach(c -> bySubmission.put(c.getSubmissionId(), c));
        return found.stream().filter(sub -> bySubmission.containsKey(sub.id())).map(sub -> new Stored(bySubmission.get(sub.id()), sub))
                .toList();
    }

    /** Records who changed the contract's lifecycle, and stores the change. */
    private void touch(Visible found, UserContext user) {
        flush(found.contract().getId());
        try {
            storage.touch(found.submission().id(), clock.instant(), user.username());
        } catch (StaleRevisionException e) {
            throw concurrent(found.contract().getId());
        }
    }

    private static ContractException concurrent(long contractId) {
        return new ContractException("contract.error.concurrent", "Someone else changed contract " + contractId + " meanwhile");
    }

    private UserContext requireWorker() {
        UserContext user = currentUser.require();
        if (!user.has(Role.WORKER) && !user.has(Role.ADMIN)) {
            audit.recordDenied(user.username(), TARGET, "-", "MASP contracts are for workers and administrators");
            throw new AccessDeniedException("MASP contracts are for workers and administrators");
        }
        return user;
    }

    /** As {@link #find(long)} for a change: a justified access outside the team only reads (docs/privacy.md). */
    private Visible findWritable(long id) {
        Visible found = find(id);
        clients.requireWritable(found.client().id());
        return found;
    }

    private Visible find(long contractId) {
        MaspContract contract = contracts.findById(contractId).orElseThrow(() -> new ContractNotFoundException(contractId));
        StoredSubmission submission = storage.find(KIND, contract.getSubmissionId())
                .orElseThrow(() -> new ContractNotFoundException(contractId));
        try {
            return new Visible(contract, submission, clients.requireVisible(submission.clientId()));
        } catch (ClientNotFoundException e) {
            throw new ContractNotFoundException(contractId);
        }
    }

    private StoredRevision latest(Visible found) {
        return storage.latest(found.submission().id());
    }

    private StoredRevision editableDraft(Visible found, long lockVersion) {
        MaspContract contract = found.contract();
        if (!workflow().workflow().from(state(contract)).stream().anyMatch(t -> t.id().equals("edit"))) {
            throw new ContractException("contract.error.closed", "This contract is " + state(contract));
        }
        StoredRevision version = latest(found);
        if (!version.draft()) {
            throw new ContractException("contract.error.signed", "The text is signed; open an avenant to change it");
        }
        if (version.lockVersion() != lockVersion) {
            throw new ContractException("contract.error.concurrent", "Someone else changed this text meanwhile; reopen it");
        }
        return version;
    }

    /**
     * The contract's workflow as declared by the programme over the template (forms/programmes/masp.yaml):
     * which step may leave which state, for whom, under which rules.
     */
    private WorkflowEngine workflow() {
        return programmes.workflowOf(formKey()).orElseThrow(() -> new ContractException("contract.error.noWorkflow",
                "No programme declares the workflow of the contracts of form '" + formKey() + "'", formKey()));
    }

    /** A contract's status as its workflow's state ({@code SIGNED} is {@code signed}). */
    private static String state(MaspContract contract) {
        return contract.getStatus().name().toLowerCase(Locale.ROOT);
    }

    private boolean allows(Visible found, UserContext user, String transition) {
        return programmes.check(workflow(), state(found.contract()), transition, user.roleNames(), found.client()).allowed();
    }

    /**
     * Asks the declared workflow whether the user may take this step on the contract now, and
     * returns the state it leads to; refuses with the reason otherwise (a failed rule with its message).
     */
    private ContractStatus fire(Visible found, UserContext user, String transition) {
        MaspContract contract = found.contract();
        WorkflowEngine.Check check = programmes.check(workflow(), state(contract), transition, user.roleNames(), found.client());
        switch (check.outcome()) {
            case ALLOWED -> {
                return ContractStatus.valueOf(check.to().orElseThrow().toUpperCase(Locale.ROOT));
            }
            case ROLE -> {
                audit.recordDenied(user.username(), TARGET, contract.getId(), "the contract workflow does not let this user " + transition);
                throw new AccessDeniedException("This step of the contract is not for this user");
            }
            case GUARD -> {
                Finding rule = check.blocking().getFirst();
                throw ContractException.byRule(rule.ruleId(), rule.message());
            }
            case UNKNOWN_TRANSITION -> throw new ContractException("contract.error.noWorkflow",
                    "The contract workflow declares no step '" + transition + "'", formKey());
            default -> throw new ContractException("contract.error.status", "Not possible for a contract that is "
                    + state(contract), contract.getStatus().name());
        }
    }

    /** The state the step recorded must be the one its declaration leads to (the store records each step's own state). */
    private static void recorded(MaspContract contract, ContractStatus declared) {
        if (contract.getStatus() != declared) {
            throw new IllegalStateException("the contract workflow leads to '" + declared.name().toLowerCase(Locale.ROOT)
                    + "' but this step records '" + state(contract) + "'");
        }
    }

    /** The steps of the declared workflow the user may take on the contract in its state (the screen's buttons). */
    public java.util.Set<String> steps(ContractDetails details) {
        UserContext user = currentUser.require();
        String state = details.contract().status().name().toLowerCase(Locale.ROOT);
        return workflow().available(state, user.roleNames()).stream().map(t -> t.id())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The months of the contracts this one renews, following the chain back to the first. */
    private int earlierMonths(MaspContract contract) {
        int months = 0;
        Long previous = contract.getPreviousContractId();
        while (previous != null) {
            MaspContract p = contracts.findById(previous).orElseThrow();
            months += p.getDurationMonths() == null ? 0 : p.getDurationMonths();
            previous = p.getPreviousContractId();
        }
        return months;
    }

    private void flush(long contractId) {
        try {
            signatures.flush();
            contracts.flush();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ContractException("contract.error.concurrent", "Someone else changed contract " + contractId + " meanwhile");
        }
    }

    private Map<String, String> clean(PublishedForm form, Map<String, String> answers) {
        Map<String, String> given = new LinkedHashMap<>();
        answers.forEach((path, value) -> {
            if (value != null && !value.isBlank()) {
                given.put(path, value);
            }
        });
        List<String> unknown = List.copyOf(FormSession.unknownPaths(form.definition(), given));
        FormSession session = FormSession.resume(form.definition(), given, today());
        List<Issue> format = session.formatIssues();
        if (!unknown.isEmpty() || !format.isEmpty()) {
            throw new ContractException("contract.error.answers", "Answers rejected: unknown " + unknown + ", " + format);
        }
        return session.answersToStore();
    }

    private List<PaymentMonth> paymentMonths(long clientId) {
        return payments.findByClientIdOrderByMonthStartAsc(clientId).stream()
                .map(p -> new PaymentMonth(YearMonth.from(p.getMonthStart()), p.getAmountDue(), p.getAmountPaid(), p.getRecordedBy()))
                .toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private ContractSummary summary(MaspContract c, StoredSubmission submission, LocalDate today) {
        return summary(c, submission, today, storage.revisions(submission.id()));
    }

    private static ContractSummary summary(MaspContract c, StoredSubmission submission, LocalDate today, List<StoredRevision> texts) {
        boolean amending = c.getStatus() != ContractStatus.DRAFT && !texts.isEmpty() && texts.getLast().draft();
        return new ContractSummary(c.getId(), submission.clientId(), c.getStatus(), c.getStatus().shown(c.getStartDate(), today),
                Optional.ofNullable(c.getLevel()), Optional.ofNullable(c.getStartDate()), Optional.ofNullable(c.getDurationMonths()),
                Optional.ofNullable(c.getEndDate()), Optional.ofNullable(c.getSignedOn()), Optional.ofNullable(c.getPreviousContractId()),
                texts.size(), amending);
    }

    /** Per text (revision id), the day it was signed. */
    private Map<Long, LocalDate> signedOn(List<StoredRevision> texts) {
        Map<Long, LocalDate> signed = new HashMap<>();
        signatures.findByRevisionIdIn(texts.stream().map(StoredRevision::id).toList())
                .forEach(sig -> signed.put(sig.getRevisionId(), sig.getSignedOn()));
        return signed;
    }

    private ContractDetails details(Visible found, StoredRevision shown) {
        MaspContract c = found.contract();
        List<StoredRevision> texts = storage.revisions(found.submission().id());
        Map<Long, LocalDate> signed = signedOn(texts);
        ContractRules rules = rules();
        LocalDate today = today();
        boolean editable = shown.draft() && texts.getLast().number() == shown.number()
                && workflow().workflow().from(state(c)).stream().anyMatch(t -> t.id().equals("edit"));
        return new ContractDetails(summary(c, found.submission(), today, texts), found.client(),
                catalog.version(found.submission().formVersionId()), shown.number(), shown.answers(), editable, shown.lockVersion(),
                texts.stream().map(v -> new VersionSummary(v.number(), !v.draft(), v.reason(), Optional.ofNullable(signed.get(v.id())),
                        v.createdAt(), v.createdBy())).toList(),
                Optional.ofNullable(c.getEvaluatedOn()), Optional.ofNullable(c.getEvaluatedBy()), Optional.ofNullable(c.getEvaluationText()),
                c.getObjectiveResults(), Optional.ofNullable(c.getEndedOn()), Optional.ofNullable(c.getEndOutcome()),
                Optional.ofNullable(c.getEndNote()), Optional.ofNullable(c.getNotifiedOn()),
                Optional.ofNullable(c.getNotifiedOn()).map(meetings::contestDeadline),
                earlierMonths(c), rules.totalMaxMonths(), rules.minMonths(), rules.maxMonths());
    }

    /** Per contract that ended or has an end date, its submission id and the day it ended (or ends). For the retention job. */
    @Transactional(readOnly = true)
    Map<Long, LocalDate> endsOfContracts() {
        Map<Long, LocalDate> ends = new HashMap<>();
        for (MaspContract c : contracts.findByEndedOnIsNotNullOrEndDateIsNotNull()) {
            ends.put(c.getSubmissionId(), c.getEndedOn() != null ? c.getEndedOn() : c.getEndDate());
        }
        return ends;
    }

    /**
     * For the store: per contract of these clients (newest first) its latest signed text, with its
     * submission; no access check.
     */
    @Transactional(readOnly = true)
    List<SignedText> latestSignedOfClients(Collection<Long> clientIds) {
        List<SignedText> found = new ArrayList<>();
        for (Stored c : stored(storage.ofClients(KIND, clientIds))) {
            storage.revisions(c.submission().id()).stream().filter(v -> !v.draft()).reduce((first, second) -> second)
                    .ifPresent(v -> found.add(new SignedText(c.row().getId(), c.submission(), v)));
        }
        return found;
    }

    /** A contract's latest signed text, for readers of submissions. */
    record SignedText(long contractId, StoredSubmission submission, StoredRevision text) {
    }

    /** For the store: how many contracts on these template versions answer the item in any text (holding the option, if given). */
    int countAnswering(Collection<Long> versionIds, String itemId, Optional<String> option) {
        return storage.countAnswering(KIND, versionIds, itemId, option);
    }

    private static EscalationView view(Escalation e) {
        return new EscalationView(e.getId(), e.getTrigger(), Optional.ofNullable(e.getDetail()), Optional.ofNullable(e.getUnpaidMonths()),
                e.getRecordedOn(), e.getRecordedBy(), Optional.ofNullable(e.getContractId()), Optional.ofNullable(e.getAgendaItemId()));
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


    /**
     * The items hidden from {@code roles} whichever version of the form a contract is on: those
     * {@code sensitive} to other roles in any published version of it ({@link FormCatalog#hiddenFromAnyVersion}).
     */
    public java.util.Set<String> hiddenAcrossVersions(String formKey, java.util.Set<String> roles) {
        return catalog.hiddenFromAnyVersion(formKey, roles);
    }
}
