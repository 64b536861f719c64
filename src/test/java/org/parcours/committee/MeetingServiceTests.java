package org.parcours.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parcours.catalog.FormCatalog;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientStatus;
import org.parcours.clients.ClientSummary;
import org.parcours.committee.MeetingService.AgendaEntry;
import org.parcours.committee.MeetingService.DecisionInput;
import org.parcours.committee.MeetingService.DecisionView;
import org.parcours.committee.MeetingService.MeetingSummary;
import org.parcours.evaluations.EvaluationService;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
@WithUserDetails(TestUsers.COMMITTEE)
class MeetingServiceTests {

    @Autowired
    MeetingService meetings;

    @Autowired
    ClientService clients;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    FormCatalog catalog;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    private static final LocalDate DAY = LocalDate.now().minusDays(1);

    private MeetingSummary meeting() {
        return meetings.create(DAY, List.of("Alice", "Bob"));
    }

    private long propose(MeetingSummary meeting, ClientSummary client, AgendaQuestion question) {
        return data.as(TestUsers.WORKER_NORTH, "WORKER", () -> meetings.propose(meeting.id(), client.id(), question, null));
    }

    private AgendaEntry entry(long meetingId, long itemId) {
        return meetings.meeting(meetingId).agenda().stream().filter(e -> e.id() == itemId).findFirst().orElseThrow();
    }

    @Test
    void onlyCommitteeAndAdministratorsCreateMeetingsAndWorkersAreRefusedAndAudited() {
        MeetingSummary created = meeting();
        assertThat(created.status()).isEqualTo(MeetingStatus.OPEN);
        assertThat(created.chair()).isEqualTo(TestUsers.COMMITTEE);
        assertThat(created.membersPresent()).containsExactly("Alice", "Bob");
        assertThat(data.auditActions(TestUsers.COMMITTEE, "committee_meeting", created.id())).containsExactly("MEETING_CREATED");
        assertThat(data.as(TestUsers.ADMIN, "ADMIN", () -> meetings.create(DAY, List.of("Chair")))).isNotNull();

        long denied = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'ACCESS_DENIED'", Long.class,
                TestUsers.WORKER_NORTH);
        assertThatThrownBy(() -> data.as(TestUsers.WORKER_NORTH, "WORKER", () -> meetings.create(DAY, List.of("X"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'ACCESS_DENIED'", Long.class,
                TestUsers.WORKER_NORTH)).isEqualTo(denied + 1);
        assertThatThrownBy(() -> data.as(TestUsers.WORKER_NORTH, "WORKER", () -> meetings.meetings()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> meetings.create(DAY, List.of(" "))).isInstanceOf(CommitteeException.class);
    }

    @Test
    void workersProposeOnlyClientsTheyCanSeeAndTheCommitteeSeesThemOnTheAgenda() {
        MeetingSummary meeting = meeting();
        ClientSummary north = data.client(TestUsers.TEAM_NORTH, "AgendaNorth");
        ClientSummary south = data.client(TestUsers.TEAM_SOUTH, "AgendaSouth");

        long item = propose(meeting, north, AgendaQuestion.CONTRACT_RENEWAL);
        assertThatThrownBy(() -> data.as(TestUsers.WORKER_NORTH, "WORKER",
                () -> meetings.propose(meeting.id(), south.id(), AgendaQuestion.AID_REQUEST, null)))
                .isInstanceOf(ClientNotFoundException.class);
        assertThatThrownBy(() -> meetings.propose(meeting.id(), north.id(), AgendaQuestion.AID_REQUEST, null))
                .as("the committee decides, it does not propose").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> data.as(TestUsers.WORKER_NORTH, "WORKER",
                () -> meetings.propose(meeting.id(), north.id(), AgendaQuestion.OTHER, " ")))
                .isInstanceOf(CommitteeException.class);
        long southItem = data.as(TestUsers.WORKER_SOUTH, "WORKER",
                () -> meetings.propose(meeting.id(), south.id(), AgendaQuestion.AID_REQUEST, "Loyer"));

        List<AgendaEntry> agenda = meetings.meeting(meeting.id()).agenda();
        assertThat(agenda).extracting(AgendaEntry::id).containsExactly(item, southItem);
        assertThat(agenda.getFirst().clientName()).isEqualTo(north.fullName());
        assertThat(agenda.getFirst().proposedBy()).isEqualTo(TestUsers.WORKER_NORTH);
        assertThat(agenda.get(1).questionText()).isEqualTo("Loyer");
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "committee_agenda_item", item)).containsExactly("AGENDA_ITEM_PROPOSED");
    }

    @Test
    void decisionsOfAClosedMeetingCannotChangeAndACorrectionIsANewLinkedDecision() {
        MeetingSummary meeting = meeting();
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "DecisionClosed");
        long item = propose(meeting, client, AgendaQuestion.AID_REQUEST);
        DecisionView first = meetings.recordDecision(item, new DecisionInput(DecisionOutcome.POSTPONED, "Pièces manquantes", null));
        DecisionView changed = meetings.recordDecision(item, new DecisionInput(DecisionOutcome.REFUSED, "Revenus suffisants", null));
        assertThat(changed.id()).as("while open the decision itself changes").isEqualTo(first.id());
        assertThat(changed.members()).isEqualTo("Alice\nBob");
        assertThat(changed.decidedOn()).isEqualTo(DAY);
        assertThatThrownBy(() -> meetings.correct(first.id(), new DecisionInput(DecisionOutcome.GRANTED, "x", null)))
                .isInstanceOf(CommitteeException.class);

        meetings.close(meeting.id());
        assertThatThrownBy(() -> meetings.recordDecision(item, new DecisionInput(DecisionOutcome.GRANTED, "Changement", null)))
                .isInstanceOf(CommitteeException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> meetings.close(meeting.id())).isInstanceOf(CommitteeException.class);
        assertThatThrownBy(() -> data.as(TestUsers.WORKER_NORTH, "WORKER",
                () -> meetings.propose(meeting.id(), client.id(), AgendaQuestion.OTHER, "late"))).isInstanceOf(CommitteeException.class);

        DecisionView correction = meetings.correct(first.id(), new DecisionInput(DecisionOutcome.GRANTED, "Erreur matérielle", "Alice"));
        assertThat(correction.id()).isNotEqualTo(first.id());
        assertThat(correction.correctsDecisionId()).isEqualTo(first.id());
        assertThat(jdbc.queryForObject("SELECT outcome FROM committee_decision WHERE id = ?", String.class, first.id()))
                .isEqualTo("REFUSED");
        AgendaEntry entry = entry(meeting.id(), item);
        assertThat(entry.decisions()).extracting(DecisionView::outcome).containsExactly(DecisionOutcome.REFUSED, DecisionOutcome.GRANTED);
        assertThat(entry.currentDecision().orElseThrow().id()).isEqualTo(correction.id());
        assertThat(data.auditActions(TestUsers.COMMITTEE, "committee_decision", correction.id())).containsExactly("DECISION_CORRECTED");
        assertThat(data.auditActions(TestUsers.COMMITTEE, "committee_meeting", meeting.id())).contains("MEETING_CLOSED");
        assertThatThrownBy(() -> data.as(TestUsers.WORKER_NORTH, "WORKER",
                () -> meetings.correct(first.id(), new DecisionInput(DecisionOutcome.GRANTED, "x", null))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyTheChairOrAnAdministratorClosesAMeeting() {
        MeetingSummary adminsMeeting = data.as(TestUsers.ADMIN, "ADMIN", () -> meetings.create(DAY, List.of("Admin")));
        assertThat(meetings.meeting(adminsMeeting.id()).mayClose()).isFalse();
        assertThatThrownBy(() -> meetings.close(adminsMeeting.id())).isInstanceOf(AccessDeniedException.class);
        MeetingSummary mine = meeting();
        assertThat(meetings.meeting(mine.id()).mayClose()).isTrue();
        assertThatThrownBy(() -> data.as(TestUsers.WORKER_NORTH, "WORKER", () -> meetings.close(mine.id())))
                .isInstanceOf(AccessDeniedException.class);
        MeetingSummary closed = data.as(TestUsers.ADMIN, "ADMIN", () -> meetings.close(mine.id()));
        assertThat(closed.status()).isEqualTo(MeetingStatus.CLOSED);
        assertThat(closed.closedBy()).isEqualTo(TestUsers.ADMIN);
        assertThat(meetings.openMeetings()).extracting(MeetingSummary::id).doesNotContain(mine.id());
    }

    @Test
    void aGrantedSocialOnlyDecisionSetsTheClientsStatusWithTheDecisionDateWhenTheMeetingCloses() {
        MeetingSummary meeting = meeting();
        ClientSummary granted = data.client(TestUsers.TEAM_NORTH, "SocialGranted");
        ClientSummary refused = data.client(TestUsers.TEAM_NORTH, "SocialRefused");
        ClientSummary renewal = data.client(TestUsers.TEAM_NORTH, "RenewalGranted");
        long grantedItem = propose(meeting, granted, AgendaQuestion.SOCIAL_ONLY);
        long refusedItem = propose(meeting, refused, AgendaQuestion.SOCIAL_ONLY);
        long renewalItem = propose(meeting, renewal, AgendaQuestion.CONTRACT_RENEWAL);
        meetings.recordDecision(grantedItem, new DecisionInput(DecisionOutcome.GRANTED, "Plus de 60 ans", null,
                "No IMASP yet: decided on the medical report")); // the declared grant rule needs 3 persistent measurements
        meetings.recordDecision(refusedItem, new DecisionInput(DecisionOutcome.REFUSED, "Projet professionnel", null));
        meetings.recordDecision(renewalItem, new DecisionInput(DecisionOutcome.GRANTED, "Renouvelé", null));
        assertThat(status(granted)).isEqualTo(ClientStatus.FOLLOWED);

        meetings.close(meeting.id());

        assertThat(status(granted)).isEqualTo(ClientStatus.SOCIAL_ACTIVATION_ONLY);
        assertThat(jdbc.queryForObject("SELECT status_since FROM client WHERE id = ?", LocalDate.class, granted.id())).isEqualTo(DAY);
        assertThat(jdbc.queryForObject("SELECT status_reason FROM client WHERE id = ?", String.class, granted.id())).contains("Plus de 60 ans");
        assertThat(status(refused)).isEqualTo(ClientStatus.FOLLOWED);
        assertThat(status(renewal)).isEqualTo(ClientStatus.FOLLOWED);
        assertThat(data.auditActions(TestUsers.COMMITTEE, "client", granted.id())).containsExactly("CLIENT_STATUS_BY_DECISION");

        // a correction granting it later applies at once, with the correction's date
        DecisionView refusal = entry(meeting.id(), refusedItem).currentDecision().orElseThrow();
        DecisionView correction = meetings.correct(refusal.id(), new DecisionInput(DecisionOutcome.GRANTED, "Recours accepté", null,
                "Appeal upheld"));
        assertThat(status(refused)).isEqualTo(ClientStatus.SOCIAL_ACTIVATION_ONLY);
        assertThat(jdbc.queryForObject("SELECT status_since FROM client WHERE id = ?", LocalDate.class, refused.id()))
                .isEqualTo(correction.decidedOn()).isEqualTo(LocalDate.now());
    }

    @Test
    void applyingACommitteeDecisionToAClientIsRefusedToWorkers() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "StatusWorker");
        assertThatThrownBy(() -> data.as(TestUsers.WORKER_NORTH, "WORKER",
                () -> clients.applyCommitteeDecision(client.id(), ClientStatus.SOCIAL_ACTIVATION_ONLY, DAY, "x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(status(client)).isEqualTo(ClientStatus.FOLLOWED);
    }

    @Test
    void theContestDeadlineIsTheNotificationDatePlusThePolicyPeriodAndTheNotificationIsRecordedOnce() {
        MeetingSummary meeting = meeting();
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "ContestDeadline");
        long item = propose(meeting, client, AgendaQuestion.AID_REQUEST);
        DecisionView decision = meetings.recordDecision(item, new DecisionInput(DecisionOutcome.REFUSED, "Non", null));
        assertThat(decision.contestUntil()).isEmpty();
        meetings.close(meeting.id());

        LocalDate notified = DAY.plusDays(3);
        DecisionView notifiedView = meetings.recordNotification(decision.id(), notified);

        assertThat(catalog.policy().period(MeetingService.CONTEST_PATH)).isEqualTo(java.time.Period.ofMonths(2));
        assertThat(notifiedView.contestUntil()).contains(notified.plusMonths(2));
        assertThat(entry(meeting.id(), item).currentDecision().orElseThrow().contestUntil()).contains(notified.plusMonths(2));
        assertThat(meetings.contestDeadline(LocalDate.of(2026, 1, 31))).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThatThrownBy(() -> meetings.recordNotification(decision.id(), notified.plusDays(1))).isInstanceOf(CommitteeException.class);
        assertThatThrownBy(() -> meetings.recordNotification(decision.id(), DAY.minusDays(1))).isInstanceOf(CommitteeException.class);
        assertThat(data.auditActions(TestUsers.COMMITTEE, "committee_decision", decision.id()))
                .containsExactly("DECISION_RECORDED", "DECISION_NOTIFIED");
    }

    @Test
    void decisionsToFollowUpListTheCurrentDecisionsToNotifyThenByContestDeadlineAndLeaveOutPostponementsAndCorrectedOnes() {
        MeetingSummary old = meetings.create(DAY.minusMonths(4), List.of("Alice"));
        MeetingSummary recent = meeting();
        ClientSummary finalClient = data.client(TestUsers.TEAM_NORTH, "FollowFinal");
        ClientSummary openClient = data.client(TestUsers.TEAM_SOUTH, "FollowOpen");
        ClientSummary toNotifyClient = data.client(TestUsers.TEAM_NORTH, "FollowNotify");
        ClientSummary postponedClient = data.client(TestUsers.TEAM_NORTH, "FollowPostponed");
        ClientSummary correctedClient = data.client(TestUsers.TEAM_NORTH, "FollowCorrected");
        long finalItem = propose(old, finalClient, AgendaQuestion.AID_REQUEST);
        long openItem = data.as(TestUsers.WORKER_SOUTH, "WORKER",
                () -> meetings.propose(recent.id(), openClient.id(), AgendaQuestion.SOCIAL_ONLY, null));
        long notifyItem = propose(recent, toNotifyClient, AgendaQuestion.CONTRACT_RENEWAL);
        long postponedItem = propose(recent, postponedClient, AgendaQuestion.AID_REQUEST);
        long correctedItem = propose(old, correctedClient, AgendaQuestion.AID_REQUEST);
        DecisionView finalDecision = meetings.recordDecision(finalItem, new DecisionInput(DecisionOutcome.REFUSED, "Non", null));
        DecisionView wrong = meetings.recordDecision(correctedItem, new DecisionInput(DecisionOutcome.REFUSED, "Erreur", null));
        DecisionView open = meetings.recordDecision(openItem, new DecisionInput(DecisionOutcome.GRANTED, "Oui", null, "Medical report"));
        DecisionView notify = meetings.recordDecision(notifyItem, new DecisionInput(DecisionOutcome.OTHER, "Avenant", null));
        meetings.recordDecision(postponedItem, new DecisionInput(DecisionOutcome.POSTPONED, "Pièces", null));
        meetings.close(old.id());
        DecisionView correction = meetings.correct(wrong.id(), new DecisionInput(DecisionOutcome.GRANTED, "Corrigé", null));
        meetings.recordNotification(finalDecision.id(), DAY.minusMonths(4).plusDays(1));
        meetings.recordNotification(open.id(), DAY);
        meetings.recordNotification(correction.id(), correction.decidedOn());

        List<MeetingService.FollowUp> current = meetings.followUps(false).stream()
                .filter(f -> f.clientName().startsWith("FOLLOW")).toList();
        assertThat(current).extracting(MeetingService.FollowUp::decisionId)
                .as("to notify first, then the contest periods; no postponement, no corrected or final decision")
                .containsExactly(notify.id(), open.id(), correction.id());
        assertThat(current).extracting(MeetingService.FollowUp::state).containsExactly(MeetingService.FollowUpState.TO_NOTIFY,
                MeetingService.FollowUpState.CONTEST_OPEN, MeetingService.FollowUpState.CONTEST_OPEN);
        assertThat(current.get(1).contestUntil()).contains(DAY.plusMonths(2));
        assertThat(current.get(1).clientName()).isEqualTo(openClient.fullName());
        assertThat(current.getFirst().notifiedOn()).isEmpty();

        List<MeetingService.FollowUp> all = meetings.followUps(true).stream().filter(f -> f.clientName().startsWith("FOLLOW")).toList();
        assertThat(all).extracting(MeetingService.FollowUp::decisionId).containsExactly(notify.id(), open.id(), correction.id(),
                finalDecision.id());
        assertThat(all.getLast().state()).isEqualTo(MeetingService.FollowUpState.FINAL);
        assertThat(all.getLast().contestUntil()).contains(DAY.minusMonths(4).plusDays(1).plusMonths(2));
        assertThatThrownBy(() -> data.as(TestUsers.WORKER_NORTH, "WORKER", () -> meetings.followUps(true)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theAgendaWarnsWhereTheSubmittedImaspIsMissingOrOlderThanThePolicyPeriod() throws Exception {
        ClientSummary none = data.client(TestUsers.TEAM_NORTH, "AgendaNoImasp");
        ClientSummary fresh = data.client(TestUsers.TEAM_NORTH, "AgendaFreshImasp");
        data.as(TestUsers.WORKER_NORTH, "WORKER",
                () -> evaluations.submit(evaluations.blank(fresh.id(), "imasp"), Map.of("illness", "A")));
        // the draft does not count: only submitted IMASPs do
        data.as(TestUsers.WORKER_NORTH, "WORKER", () -> evaluations.save(evaluations.blank(none.id(), "imasp"), Map.of("illness", "A")));
        assertThat(catalog.policy().unset(ImaspFreshness.MAX_AGE_PATH)).as("the shipped policy leaves the window to an administrator")
                .isTrue();
        java.nio.file.Path policy = org.parcours.testsupport.TestForms.dir().resolve("policy.yaml");
        String original = java.nio.file.Files.readString(policy);
        try {
            java.nio.file.Files.writeString(policy, original.replace("imasp_max_age_for_agenda: ~", "imasp_max_age_for_agenda: P6M"));
            catalog.reload();
            java.time.Period maxAge = catalog.policy().period(ImaspFreshness.MAX_AGE_PATH);
            assertThat(maxAge).isEqualTo(java.time.Period.ofMonths(6));

            MeetingSummary soon = meeting();
            MeetingSummary later = meetings.create(LocalDate.now().plus(maxAge).plusDays(2), List.of("Alice"));
            long noneItem = propose(soon, none, AgendaQuestion.SOCIAL_ONLY);
            long freshItem = propose(soon, fresh, AgendaQuestion.SOCIAL_ONLY);
            long laterItem = propose(later, fresh, AgendaQuestion.SOCIAL_ONLY);

            assertThat(entry(soon.id(), noneItem).imasp()).isEqualTo(ImaspFreshness.MISSING);
            assertThat(entry(soon.id(), freshItem).imasp()).isEqualTo(ImaspFreshness.OK);
            assertThat(entry(soon.id(), freshItem).lastImasp()).isNotNull();
            assertThat(entry(later.id(), laterItem).imasp()).isEqualTo(ImaspFreshness.STALE);
        } finally {
            java.nio.file.Files.writeString(policy, original);
            catalog.reload();
        }
    }

    @Test
    void aDecisionNeedsAnImaspWithinTheAdministratorsWindowOrAWrittenOverrideAndNothingIsRefusedWhileTheWindowIsUnset()
            throws Exception {
        ClientSummary none = data.client(TestUsers.TEAM_NORTH, "DecideNoImasp");
        MeetingSummary unsetMeeting = meeting();
        long unsetItem = propose(unsetMeeting, none, AgendaQuestion.SOCIAL_ONLY);
        assertThat(entry(unsetMeeting.id(), unsetItem).checks()).as("the agenda says the rule waits for its number")
                .anySatisfy(f -> assertThat(f.message().in(java.util.Locale.ENGLISH)).contains("until an administrator sets"));
        meetings.recordDecision(unsetItem, new DecisionInput(DecisionOutcome.POSTPONED, "Pièces manquantes", null));

        java.nio.file.Path policy = org.parcours.testsupport.TestForms.dir().resolve("policy.yaml");
        String original = java.nio.file.Files.readString(policy);
        try {
            java.nio.file.Files.writeString(policy, original.replace("imasp_max_age_for_agenda: ~", "imasp_max_age_for_agenda: P6M"));
            catalog.reload();
            MeetingSummary set = meeting();
            long item = propose(set, none, AgendaQuestion.SOCIAL_ONLY);
            assertThatThrownBy(() -> meetings.recordDecision(item, new DecisionInput(DecisionOutcome.POSTPONED, "Pièces manquantes", null)))
                    .isInstanceOf(RuleRefusedException.class)
                    .hasMessageContaining("The IMASP is presented at each committee meeting: a submitted IMASP at most 6 months old");
            meetings.recordDecision(item, new DecisionInput(DecisionOutcome.POSTPONED, "Pièces manquantes", null,
                    "IMASP en cours, présenté oralement"));
            assertThat(jdbc.queryForObject("SELECT detail FROM audit_event WHERE action = 'RULE_OVERRIDDEN' AND target_id = ?",
                    String.class, String.valueOf(item))).contains("imasp/presented-at-committee", "IMASP en cours, présenté oralement");
        } finally {
            java.nio.file.Files.writeString(policy, original);
            catalog.reload();
        }
    }

    private ClientStatus status(ClientSummary client) {
        return ClientStatus.valueOf(jdbc.queryForObject("SELECT status FROM client WHERE id = ?", String.class, client.id()));
    }
}
