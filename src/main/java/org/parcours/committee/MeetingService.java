package org.parcours.committee;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.parcours.catalog.FormCatalog;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientStatus;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationService;
import org.parcours.committee.history.RuleFlag;
import org.parcours.committee.history.ScoreHistory;
import org.parcours.formdef.Policy;
import org.parcours.programmes.ProgrammeService;
import org.parcours.programmes.engine.ClientFacts;
import org.parcours.programmes.engine.Finding;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.UserContext;
import org.parcours.database.RetryOnTransientFailure;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Committee meetings, their agenda and decisions (docs/decisions/0006).
 * <ul>
 * <li>Committee members and administrators create meetings, record decisions and see every
 * meeting's agenda. They see the agenda items of <em>any</em> client proposed to their meeting,
 * whatever the client's team: the committee sees what it is asked to decide (docs/decisions/0016,
 * {@link AgendaAccess}). Through a meeting's agenda, for that meeting and audited naming it, a
 * committee member reads the name, question, IMASP check and score history of every client the
 * agenda holds (this page, {@link #agendaHistories}, the meeting pack, the client's history and
 * compare pages opened from the agenda, the API); without a meeting, the team rules of
 * {@link ClientService} apply.</li>
 * <li>Workers (and administrators) propose the clients they can see to an open meeting.</li>
 * <li>Only the chair or an administrator closes a meeting; decisions of a closed meeting never
 * change. A correction is a new decision that names the one it corrects; the newest decision of
 * an item is its current one.</li>
 * <li>A granted "social activation only" question sets the client's status with the decision's
 * date: when the meeting is closed, or at once for a correction.</li>
 * <li>The blocking rules of the programmes (forms/programmes) that guard an action are enforced
 * here: {@code committee.propose} when proposing, {@code committee.decide} for any decision,
 * {@code committee.grant-social-only} for a granted "social activation only" question. A decision
 * may override them with a written reason (audited with the rules it overrides); a proposal may not.</li>
 * <li>The notification date is recorded once, also after the meeting is closed (it is a fact
 * about the letter, not part of the decision); the contest deadline is the notification date
 * plus policy {@value #CONTEST_PATH}.</li>
 * </ul>
 * Every change is audited; refused attempts too.
 */
@Service
public class MeetingService {

    static final String CONTEST_PATH = "decisions.contest_within";
    static final Period DEFAULT_CONTEST = Period.ofMonths(2);
    static final String PROPOSE = "committee.propose";
    static final String DECIDE = "committee.decide";
    static final String GRANT_SOCIAL_ONLY = "committee.grant-social-only";
    static final int TEXT_MAX = 1000;
    static final int MOTIVATION_MAX = 4000;
    static final int MEMBERS_MAX = 2000;

    private static final String MEETING = "committee_meeting";
    private static final String ITEM = "committee_agenda_item";
    private static final String DECISION = "committee_decision";

    private final MeetingRepository meetings;
    private final AgendaItemRepository items;
    private final DecisionRepository decisions;
    private final ClientService clients;
    private final EvaluationService evaluations;
    private final FormCatalog catalog;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final EntityManager entityManager;
    private final Clock clock;
    private final HistoryService histories;
    private final ProgrammeService programmes;

    MeetingService(MeetingRepository meetings, AgendaItemRepository items, DecisionRepository decisions, ClientService clients,
                   EvaluationService evaluations, FormCatalog catalog, CurrentUser currentUser, AuditLog audit,
                   EntityManager entityManager, Clock clock, HistoryService histories, ProgrammeService programmes) {
        this.programmes = programmes;
        this.histories = histories;
        this.meetings = meetings;
        this.items = items;
        this.decisions = decisions;
        this.clients = clients;
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.audit = audit;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public record MeetingSummary(long id, LocalDate date, String chair, List<String> membersPresent, MeetingStatus status,
                                 Instant closedAt, String closedBy) {
    }

    public record DecisionView(long id, long agendaItemId, DecisionOutcome outcome, String motivation, String members,
                               LocalDate decidedOn, String recordedBy, LocalDate notifiedOn, Optional<LocalDate> contestUntil,
                               Long correctsDecisionId) {
    }

    /**
     * One agenda item; {@code decisions} oldest first, the last one being the current decision.
     * {@code lastImasp} is the last measurement with the first programme's form; {@code imasp} and
     * {@code checks} come from the rules guarding a decision ({@code committee.decide}) on the meeting date.
     */
    public record AgendaEntry(long id, long clientId, String clientName, AgendaQuestion question, String questionText,
                              String proposedBy, Instant proposedAt, LocalDate lastImasp, ImaspFreshness imasp,
                              List<DecisionView> decisions, List<RuleFlag> flags, List<RuleFlag> checks) {

        public AgendaEntry {
            flags = flags == null ? List.of() : List.copyOf(flags);
            checks = checks == null ? List.of() : List.copyOf(checks);
        }

        public Optional<DecisionView> currentDecision() {
            return decisions.isEmpty() ? Optional.empty() : Optional.of(decisions.getLast());
        }
    }

    public record MeetingDetails(MeetingSummary meeting, boolean mayClose, boolean mayDecide, List<AgendaEntry> agenda) {
    }

    /**
     * What the committee decided on an item; {@code overrideReason} (optional) is the written
     * reason for deciding although blocking rules refuse it.
     */
    public record DecisionInput(DecisionOutcome outcome, String motivation, String members, String overrideReason) {

        public DecisionInput(DecisionOutcome outcome, String motivation, String members) {
            this(outcome, motivation, members, null);
        }
    }

    // ---- meetings

    @Transactional(readOnly = true)
    public List<MeetingSummary> meetings() {
        requireCommittee(null, MEETING, "list meetings");
        return meetings.findAllByOrderByMeetingDateDescIdDesc().stream().map(MeetingService::summary).toList();
    }

    /** The open meetings, to propose a client to (any signed-in role may list them). */
    @Transactional(readOnly = true)
    public List<MeetingSummary> openMeetings() {
        currentUser.require();
        return meetings.findAllByOrderByMeetingDateDescIdDesc().stream()
                .filter(m -> m.getStatus() == MeetingStatus.OPEN).map(MeetingService::summary).toList();
    }

    @RetryOnTransientFailure
    @Transactional
    public MeetingSummary create(LocalDate date, List<String> membersPresent) {
        UserContext user = requireCommittee(null, MEETING, "create a meeting");
        String members = members(membersPresent);
        if (date == null) {
            throw new CommitteeException("committee.error.dateRequired", "A meeting needs a date");
        }
        if (members.isEmpty()) {
            throw new CommitteeException("committee.error.membersRequired", "A meeting needs the members present");
        }
        Meeting meeting = meetings.saveAndFlush(new Meeting(date, user.username(), members, clock.instant()));
        audit.record(user.username(), AuditAction.MEETING_CREATED, MEETING, meeting.getId(),
                "meeting of " + date + ", chair " + user.username() + ", present: " + members.replace('\n', ','));
        return summary(meeting);
    }

    /** The meeting with its agenda; showing the agenda's clients is audited as one row (their ids). */
    @Transactional
    public MeetingDetails meeting(long meetingId) {
        UserContext user = requireCommittee(meetingId, MEETING, "read a meeting");
        Meeting meeting = find(meetingId);
        List<AgendaItem> agenda = items.findByMeetingIdOrderByIdAsc(meetingId);
        List<Long> clientIds = agenda.stream().map(AgendaItem::getClientId).distinct().toList();
        Map<Long, String> names = clientNames(clientIds);
        Map<Long, LocalDate> imasp = clientIds.isEmpty() || historyFormKey().isEmpty() ? Map.of()
                : evaluations.lastSubmittedDates(clientIds, historyFormKey());
        Map<Long, ClientFacts> facts = facts(clientIds);
        Map<Long, List<RuleFlag>> checks = new HashMap<>();
        facts.forEach((id, f) -> checks.put(id, programmes.failedGuards(DECIDE, f, meeting.getMeetingDate()).stream()
                .map(HistoryService::flag).toList()));
        Period contest = period(CONTEST_PATH, DEFAULT_CONTEST);
        Map<Long, List<DecisionView>> byItem = new HashMap<>();
        if (!agenda.isEmpty()) {
            for (Decision d : decisions.findByAgendaItemIdInOrderByIdAsc(agenda.stream().map(AgendaItem::getId).toList())) {
                byItem.computeIfAbsent(d.getAgendaItem().getId(), k -> new java.util.ArrayList<>()).add(view(d, contest));
            }
        }
        Map<Long, List<RuleFlag>> flags = ruleFlags(facts.values(), meeting.getMeetingDate());
        List<AgendaEntry> entries = agenda.stream().map(i -> {
            LocalDate last = imasp.get(i.getClientId());
            List<RuleFlag> failed = checks.getOrDefault(i.getClientId(), List.of());
            return new AgendaEntry(i.getId(), i.getClientId(), names.getOrDefault(i.getClientId(), "#" + i.getClientId()),
                    i.getQuestion(), i.getQuestionText(), i.getProposedBy(), i.getProposedAt(), last,
                    last == null ? ImaspFreshness.MISSING : failed.stream().allMatch(f -> "info".equals(f.severity())) ? ImaspFreshness.OK
                            : ImaspFreshness.STALE,
                    List.copyOf(byItem.getOrDefault(i.getId(), List.of())), flags.getOrDefault(i.getClientId(), List.of()), failed);
        }).toList();
        audit.recordList(user.username(), MEETING, meetingId, "agenda shown", clientIds);
        boolean open = meeting.getStatus() == MeetingStatus.OPEN;
        return new MeetingDetails(summary(meeting), open && mayClose(user, meeting), open, entries);
    }

    /** The score history of one client of a meeting's agenda, with the client's name and birth date. */
    public record AgendaHistory(long clientId, String clientName, LocalDate birthDate, ScoreHistory history) {
    }

    /** The score histories of every client on a meeting's agenda, in agenda order (a client proposed twice once). */
    public record AgendaHistories(long meetingId, LocalDate meetingDate, String formKey, List<AgendaHistory> histories) {

        public AgendaHistories {
            histories = List.copyOf(histories);
        }
    }

    /**
     * The score history with a form of every client on a meeting's agenda, for the committee and
     * administrators (as {@link #meeting}: any team's client on their meeting). At most three
     * statements whatever the number of clients: the user context, the meeting with its agenda and
     * its clients' names (one join), and every submitted measurement of those clients with its
     * answers (the form's versions picked by key in that query); form versions come from the
     * catalog's cache. The read is audited with one row naming the clients (one insert).
     *
     * @throws CommitteeException when there is no such meeting
     * @throws org.parcours.catalog.FormNotFoundException when the form has neither a published version nor measurements
     */
    @Transactional
    public AgendaHistories agendaHistories(long meetingId, String formKey) {
        UserContext user = requireCommittee(meetingId, MEETING, "read the agenda's histories");
        // the one read of the clients' table outside the clients module: joined to the agenda so
        // that the page stays at three statements (docs/decisions/0017, "Committee and dashboard")
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT m.meeting_date, c.id, c.last_name, c.first_name, c.birth_date,
                       c.status, c.status_since, c.follow_up_start, c.permanently_unfit_since
                FROM committee_meeting m
                  LEFT JOIN committee_agenda_item i ON i.meeting_id = m.id
                  LEFT JOIN client c ON c.id = i.client_id
                WHERE m.id = :id
                ORDER BY i.id""").setParameter("id", meetingId).getResultList();
        if (rows.isEmpty()) {
            throw new CommitteeException("committee.error.notFound", "No meeting " + meetingId);
        }
        LocalDate meetingDate = localDate(rows.getFirst()[0]);
        Map<Long, Object[]> clientRows = new LinkedHashMap<>();
        for (Object[] row : rows) {
            if (row[1] != null) {
                clientRows.putIfAbsent(((Number) row[1]).longValue(), row);
            }
        }
        Map<Long, List<org.parcours.evaluations.Measurement>> measurements =
                evaluations.measurementsOfClients(clientRows.keySet(), formKey);
        // the facts the rules read, from the same statement (3 statements in all, see above)
        Map<Long, ClientFacts> facts = new HashMap<>();
        clientRows.forEach((id, row) -> facts.put(id, new ClientFacts(id, String.valueOf(row[2]), Optional.ofNullable(localDate(row[4])),
                ProgrammeService.status(row[5] == null ? ClientStatus.FOLLOWED : ClientStatus.valueOf(row[5].toString())),
                Optional.ofNullable(localDate(row[6])), Optional.ofNullable(localDate(row[7])), Optional.ofNullable(localDate(row[8])))));
        boolean live = histories.hasLiveVersion(formKey);
        if (!live && measurements.isEmpty() && !clientRows.isEmpty()) {
            throw new org.parcours.catalog.FormNotFoundException("No published version of form '" + formKey + "'");
        }
        List<AgendaHistory> result = new java.util.ArrayList<>();
        clientRows.forEach((clientId, row) -> {
            List<org.parcours.evaluations.Measurement> found = measurements.getOrDefault(clientId, List.of());
            ScoreHistory history = !live && found.isEmpty() ? new ScoreHistory(formKey, List.of(), List.of(), 0)
                    : histories.scoreHistory(facts.get(clientId), found, formKey, user.roleNames());
            result.add(new AgendaHistory(clientId, String.valueOf(row[2]).toUpperCase(java.util.Locale.ROOT) + " " + row[3],
                    localDate(row[4]), history));
        });
        audit.record(user.username(), AuditAction.HISTORY_READ, MEETING, meetingId,
                "score histories of form " + formKey + " of the agenda's clients " + clientRows.keySet());
        return new AgendaHistories(meetingId, meetingDate, formKey, result);
    }

    /** The form the committee's histories show by default: the first programme's scored form. */
    public String historyFormKey() {
        return histories.defaultFormKey();
    }

    /** Closes the meeting (its chair or an administrator) and applies its granted social-only decisions. */
    @RetryOnTransientFailure
    @Transactional
    public MeetingSummary close(long meetingId) {
        UserContext user = requireCommittee(meetingId, MEETING, "close a meeting");
        Meeting meeting = find(meetingId);
        if (!mayClose(user, meeting)) {
            audit.recordDenied(user.username(), MEETING, meetingId, "only the chair or an administrator closes a meeting");
            throw new AccessDeniedException("Only the chair (" + meeting.getChair() + ") or an administrator closes this meeting");
        }
        requireOpen(meeting);
        meeting.close(clock.instant(), user.username());
        meetings.saveAndFlush(meeting);
        audit.record(user.username(), AuditAction.MEETING_CLOSED, MEETING, meetingId, "closed");
        List<AgendaItem> agenda = items.findByMeetingIdOrderByIdAsc(meetingId);
        if (!agenda.isEmpty()) {
            Map<Long, Decision> current = new LinkedHashMap<>();
            decisions.findByAgendaItemIdInOrderByIdAsc(agenda.stream().map(AgendaItem::getId).toList())
                    .forEach(d -> current.put(d.getAgendaItem().getId(), d));
            current.values().forEach(this::applyStatus);
        }
        return summary(meeting);
    }

    // ---- agenda

    /** Puts a client the user can see on an open meeting's agenda (workers and administrators). */
    @RetryOnTransientFailure
    @Transactional
    public long propose(long meetingId, long clientId, AgendaQuestion question, String questionText) {
        UserContext user = currentUser.require();
        if (!user.has(Role.WORKER) && !user.has(Role.ADMIN)) {
            audit.recordDenied(user.username(), ITEM, clientId, "proposing a client requires a worker or an administrator");
            throw new AccessDeniedException("Only workers and administrators propose clients to the committee");
        }
        ClientSummary client = clients.requireWritable(clientId); // a justified access reads only (docs/privacy.md)
        Meeting meeting = find(meetingId);
        requireOpen(meeting);
        List<Finding> blocking = programmes.failedGuards(PROPOSE, client, meeting.getMeetingDate()).stream().filter(Finding::blocking).toList();
        if (!blocking.isEmpty()) {
            audit.recordDenied(user.username(), ITEM, clientId, "proposal refused by the rules "
                    + blocking.stream().map(f -> f.programmeId() + "/" + f.ruleId()).collect(Collectors.joining(", ")));
            throw new RuleRefusedException(blocking.stream().map(HistoryService::flag).toList());
        }
        String text = blankToNull(questionText);
        if (question == null) {
            throw new CommitteeException("committee.error.questionRequired", "A proposal needs a question");
        }
        if (question == AgendaQuestion.OTHER && text == null) {
            throw new CommitteeException("committee.error.questionTextRequired", "A question 'other' needs its text");
        }
        if (text != null && text.length() > TEXT_MAX) {
            throw new CommitteeException("committee.error.tooLong", "The question text is too long");
        }
        AgendaItem item = items.saveAndFlush(new AgendaItem(meeting, clientId, question, text, user.username(), clock.instant()));
        audit.record(user.username(), AuditAction.AGENDA_ITEM_PROPOSED, ITEM, item.getId(),
                "client " + clientId + " proposed to meeting " + meetingId + ": " + question + (text == null ? "" : " – " + text));
        return item.getId();
    }

    // ---- decisions

    /**
     * Records (or, while the meeting is open, replaces) the decision on an agenda item.
     * @throws CommitteeException when the meeting is closed: use {@link #correct}
     */
    @RetryOnTransientFailure
    @Transactional
    public DecisionView recordDecision(long agendaItemId, DecisionInput input) {
        UserContext user = requireCommittee(agendaItemId, ITEM, "record a decision");
        AgendaItem item = items.findById(agendaItemId)
                .orElseThrow(() -> new CommitteeException("committee.error.notFound", "No agenda item " + agendaItemId));
        Meeting meeting = item.getMeeting();
        if (meeting.getStatus() == MeetingStatus.CLOSED) {
            throw new CommitteeException("committee.error.closed",
                    "Meeting " + meeting.getId() + " is closed: its decisions cannot change; record a correction instead");
        }
        check(input);
        enforceRules(user, item, input, meeting.getMeetingDate());
        List<Decision> existing = decisions.findByAgendaItemIdOrderByIdAsc(agendaItemId);
        Decision decision;
        if (existing.isEmpty()) {
            decision = new Decision(item, input.outcome(), input.motivation().strip(), members(input, meeting),
                    meeting.getMeetingDate(), user.username(), clock.instant(), null);
        } else {
            decision = existing.getLast();
            decision.change(input.outcome(), input.motivation().strip(), members(input, meeting), meeting.getMeetingDate(),
                    user.username(), clock.instant());
        }
        decision = decisions.saveAndFlush(decision);
        audit.record(user.username(), AuditAction.DECISION_RECORDED, DECISION, decision.getId(),
                "item " + agendaItemId + ": " + input.outcome() + " – " + decision.getMotivation());
        return view(decision, period(CONTEST_PATH, DEFAULT_CONTEST));
    }

    /**
     * Corrects a decision of a closed meeting with a new decision linked to it (dated today);
     * the corrected decision is left as it was.
     */
    @RetryOnTransientFailure
    @Transactional
    public DecisionView correct(long decisionId, DecisionInput input) {
        UserContext user = requireCommittee(decisionId, DECISION, "correct a decision");
        Decision corrected = decisions.findById(decisionId)
                .orElseThrow(() -> new CommitteeException("committee.error.notFound", "No decision " + decisionId));
        Meeting meeting = corrected.getAgendaItem().getMeeting();
        if (meeting.getStatus() == MeetingStatus.OPEN) {
            throw new CommitteeException("committee.error.correctOpen",
                    "Meeting " + meeting.getId() + " is still open: change the decision itself");
        }
        check(input);
        enforceRules(user, corrected.getAgendaItem(), input, LocalDate.now(clock));
        Decision correction = decisions.saveAndFlush(new Decision(corrected.getAgendaItem(), input.outcome(),
                input.motivation().strip(), members(input, meeting), LocalDate.now(clock), user.username(), clock.instant(), decisionId));
        audit.record(user.username(), AuditAction.DECISION_CORRECTED, DECISION, correction.getId(),
                "corrects decision " + decisionId + ": " + input.outcome() + " – " + correction.getMotivation());
        applyStatus(correction);
        return view(correction, period(CONTEST_PATH, DEFAULT_CONTEST));
    }

    /** Where a decision stands after the meeting: to notify, open to contest, or final. */
    public enum FollowUpState { TO_NOTIFY, CONTEST_OPEN, FINAL }

    /** A current decision (not corrected since) of any meeting, with its notification and contest deadline. */
    public record FollowUp(long decisionId, long meetingId, LocalDate meetingDate, long clientId, String clientName,
                           AgendaQuestion question, DecisionOutcome outcome, LocalDate decidedOn, Optional<LocalDate> notifiedOn,
                           Optional<LocalDate> contestUntil, FollowUpState state) {
    }

    /**
     * The current decisions (postponements left out) for follow-up, in one statement: those still
     * to notify first (oldest decision first), then those whose contest period runs (earliest
     * deadline first), then the final ones (newest first) when {@code includeFinal}.
     */
    @Transactional
    public List<FollowUp> followUps(boolean includeFinal) {
        UserContext user = requireCommittee(null, DECISION, "list the decisions to follow up");
        Period contest = period(CONTEST_PATH, DEFAULT_CONTEST);
        LocalDate today = LocalDate.now(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT d.id, m.id, m.meeting_date, i.client_id, i.question, d.outcome, d.decided_on, d.notified_on
                FROM committee_decision d
                  JOIN committee_agenda_item i ON i.id = d.agenda_item_id
                  JOIN committee_meeting m ON m.id = i.meeting_id
                WHERE d.outcome <> 'POSTPONED'
                  AND NOT EXISTS (SELECT 1 FROM committee_decision later WHERE later.agenda_item_id = d.agenda_item_id AND later.id > d.id)
                """).getResultList();
        Map<Long, String> names = clientNames(rows.stream().map(row -> ((Number) row[3]).longValue()).distinct().toList());
        List<FollowUp> result = new java.util.ArrayList<>();
        for (Object[] row : rows) {
            Optional<LocalDate> notified = Optional.ofNullable(localDate(row[7]));
            Optional<LocalDate> until = notified.map(n -> n.plus(contest));
            FollowUpState state = notified.isEmpty() ? FollowUpState.TO_NOTIFY
                    : until.get().isBefore(today) ? FollowUpState.FINAL : FollowUpState.CONTEST_OPEN;
            if (state == FollowUpState.FINAL && !includeFinal) {
                continue;
            }
            result.add(new FollowUp(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), localDate(row[2]),
                    ((Number) row[3]).longValue(), names.getOrDefault(((Number) row[3]).longValue(), "#" + row[3]),
                    AgendaQuestion.valueOf(row[4].toString()), DecisionOutcome.valueOf(row[5].toString()), localDate(row[6]),
                    notified, until, state));
        }
        result.sort(Comparator.comparing(FollowUp::state).thenComparing((a, b) -> switch (a.state()) {
            case TO_NOTIFY -> a.decidedOn().compareTo(b.decidedOn());
            case CONTEST_OPEN -> a.contestUntil().get().compareTo(b.contestUntil().get());
            case FINAL -> b.contestUntil().get().compareTo(a.contestUntil().get());
        }));
        audit.recordList(user.username(), DECISION, "-", "follow-up list" + (includeFinal ? " with final decisions" : ""),
                result.stream().map(FollowUp::clientId).distinct().toList());
        return result;
    }

    /** Records when the client was notified of a decision; once (the contest deadline runs from it). */
    @RetryOnTransientFailure
    @Transactional
    public DecisionView recordNotification(long decisionId, LocalDate notifiedOn) {
        UserContext user = requireCommittee(decisionId, DECISION, "record a notification");
        Decision decision = decisions.findById(decisionId)
                .orElseThrow(() -> new CommitteeException("committee.error.notFound", "No decision " + decisionId));
        if (notifiedOn == null || notifiedOn.isBefore(decision.getDecidedOn())) {
            throw new CommitteeException("committee.error.notificationDate", "The notification date cannot precede the decision");
        }
        if (decision.getNotifiedOn() != null) {
            throw new CommitteeException("committee.error.alreadyNotified",
                    "Decision " + decisionId + " was already notified on " + decision.getNotifiedOn());
        }
        decision.notifiedOn(notifiedOn);
        decisions.saveAndFlush(decision);
        audit.record(user.username(), AuditAction.DECISION_NOTIFIED, DECISION, decisionId, "notified on " + notifiedOn);
        return view(decision, period(CONTEST_PATH, DEFAULT_CONTEST));
    }

    // ---- helpers

    /**
     * Refuses a decision that blocking rules forbid on {@code day} (with the rules' messages),
     * unless it carries a written override reason: then the override is audited with the rules.
     */
    private void enforceRules(UserContext user, AgendaItem item, DecisionInput input, LocalDate day) {
        ClientFacts client = facts(List.of(item.getClientId())).get(item.getClientId());
        if (client == null) {
            return;
        }
        List<Finding> failed = new java.util.ArrayList<>(programmes.failedGuards(DECIDE, client, day));
        if (input.outcome() == DecisionOutcome.GRANTED && item.getQuestion() == AgendaQuestion.SOCIAL_ONLY) {
            failed.addAll(programmes.failedGuards(GRANT_SOCIAL_ONLY, client, day));
        }
        List<Finding> blocking = failed.stream().filter(Finding::blocking).toList();
        if (blocking.isEmpty()) {
            return;
        }
        String reason = blankToNull(input.overrideReason());
        String rules = blocking.stream().map(f -> f.programmeId() + "/" + f.ruleId()).collect(Collectors.joining(", "));
        if (reason == null) {
            audit.recordDenied(user.username(), ITEM, item.getId(), "refused by the rules " + rules);
            throw new RuleRefusedException(blocking.stream().map(HistoryService::flag).toList());
        }
        if (reason.length() > MOTIVATION_MAX) {
            throw new CommitteeException("committee.error.tooLong", "The override reason is too long");
        }
        audit.record(user.username(), AuditAction.RULE_OVERRIDDEN, ITEM, item.getId(),
                "decision " + input.outcome() + " taken against the rules " + rules + " – reason: " + reason);
    }

    /**
     * The facts the rules read of these clients, whatever their team (the committee decides on
     * any client on its agenda; see the class comment).
     */
    private Map<Long, ClientFacts> facts(Collection<Long> clientIds) {
        Map<Long, ClientFacts> facts = new LinkedHashMap<>();
        clients.basicsOfAnyTeam(clientIds).forEach((id, c) -> facts.put(id, ProgrammeService.facts(c)));
        return facts;
    }

    private void applyStatus(Decision decision) {
        if (decision.getOutcome() == DecisionOutcome.GRANTED && decision.getAgendaItem().getQuestion() == AgendaQuestion.SOCIAL_ONLY) {
            clients.applyCommitteeDecision(decision.getAgendaItem().getClientId(), ClientStatus.SOCIAL_ACTIVATION_ONLY,
                    decision.getDecidedOn(), "committee decision " + decision.getId() + ": " + decision.getMotivation());
        }
    }

    private static void check(DecisionInput input) {
        if (input == null || input.outcome() == null) {
            throw new CommitteeException("committee.error.outcomeRequired", "A decision needs its outcome");
        }
        if (input.motivation() == null || input.motivation().isBlank()) {
            throw new CommitteeException("committee.error.motivationRequired", "A decision needs its motivation");
        }
        if (input.motivation().strip().length() > MOTIVATION_MAX) {
            throw new CommitteeException("committee.error.tooLong", "The motivation is too long");
        }
    }

    private static String members(DecisionInput input, Meeting meeting) {
        String members = input.members() == null || input.members().isBlank() ? meeting.getMembersPresent()
                : members(Arrays.asList(input.members().split("[\\n,]")));
        return members.length() > MEMBERS_MAX ? members.substring(0, MEMBERS_MAX) : members;
    }

    /** The members one per line, blanks dropped. */
    private static String members(List<String> members) {
        String joined = members == null ? "" : members.stream().filter(m -> m != null && !m.isBlank()).map(String::strip)
                .collect(Collectors.joining("\n"));
        if (joined.length() > MEMBERS_MAX) {
            throw new CommitteeException("committee.error.tooLong", "The list of members is too long");
        }
        return joined;
    }

    private static boolean mayClose(UserContext user, Meeting meeting) {
        return user.has(Role.ADMIN) || user.username().equals(meeting.getChair());
    }

    private void requireOpen(Meeting meeting) {
        if (meeting.getStatus() == MeetingStatus.CLOSED) {
            throw new CommitteeException("committee.error.closed", "Meeting " + meeting.getId() + " is closed");
        }
    }

    private UserContext requireCommittee(Object targetId, String target, String what) {
        UserContext user = currentUser.require();
        if (!user.has(Role.COMMITTEE) && !user.has(Role.ADMIN)) {
            audit.recordDenied(user.username(), target, targetId == null ? "-" : targetId, what + " requires the committee or administrator role");
            throw new AccessDeniedException("Only committee members and administrators " + what);
        }
        return user;
    }

    private Meeting find(long meetingId) {
        return meetings.findById(meetingId)
                .orElseThrow(() -> new CommitteeException("committee.error.notFound", "No meeting " + meetingId));
    }

    /** Names only, for the agenda of any team's clients (see the class comment). */
    private Map<Long, String> clientNames(Collection<Long> clientIds) {
        Map<Long, String> names = new HashMap<>();
        clients.basicsOfAnyTeam(clientIds).forEach((id, c) -> names.put(id, c.displayName()));
        return names;
    }

    /** The declared rules' flags of the agenda's clients on the meeting date (any team's client, as the names). */
    private Map<Long, List<RuleFlag>> ruleFlags(Collection<ClientFacts> clients, LocalDate meetingDate) {
        if (clients.isEmpty() || policy().isEmpty()) {
            return Map.of();
        }
        Map<Long, List<RuleFlag>> flags = new HashMap<>();
        programmes.flags(clients, meetingDate).forEach((id, found) -> flags.put(id, found.stream()
                .filter(f -> f.factor().isEmpty()).map(HistoryService::flag).toList()));
        return flags;
    }

    private static LocalDate localDate(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate d -> d;
            case java.sql.Date d -> d.toLocalDate();
            default -> LocalDate.parse(value.toString());
        };
    }

    private Period period(String path, Period fallback) {
        return policy().flatMap(p -> {
            try {
                return Optional.of(p.period(path));
            } catch (Policy.PolicyException e) {
                return Optional.empty();
            }
        }).orElse(fallback);
    }

    /** The contest deadline of a decision notified on the given date (policy {@value #CONTEST_PATH}). */
    public LocalDate contestDeadline(LocalDate notifiedOn) {
        return notifiedOn.plus(period(CONTEST_PATH, DEFAULT_CONTEST));
    }

    private Optional<Policy> policy() {
        try {
            return Optional.of(catalog.policy());
        } catch (Policy.PolicyException e) {
            return Optional.empty();
        }
    }

    private static DecisionView view(Decision d, Period contest) {
        return new DecisionView(d.getId(), d.getAgendaItem().getId(), d.getOutcome(), d.getMotivation(), d.getMembers(),
                d.getDecidedOn(), d.getRecordedBy(), d.getNotifiedOn(),
                Optional.ofNullable(d.getNotifiedOn()).map(n -> n.plus(contest)), d.getCorrectsDecisionId());
    }

    private static MeetingSummary summary(Meeting m) {
        return new MeetingSummary(m.getId(), m.getMeetingDate(), m.getChair(),
                m.getMembersPresent().isEmpty() ? List.of() : List.of(m.getMembersPresent().split("\n")),
                m.getStatus(), m.getClosedAt(), m.getClosedBy());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
