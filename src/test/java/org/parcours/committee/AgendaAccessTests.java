package org.parcours.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationService;
import org.parcours.security.Role;
import org.parcours.security.UserAccounts;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The committee's access rule (docs/decisions/0016) for a committee member of team Sud and
 * clients of team Nord: a client on a meeting's agenda is seen through that meeting (history,
 * agenda histories), audited naming it; the same client without the meeting, through another
 * meeting, or a client on no agenda, is "not found", the refusal audited.
 */
@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
class AgendaAccessTests {

    @Autowired
    MeetingService meetings;

    @Autowired
    HistoryService histories;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    UserAccounts accounts;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    private String member;
    private ClientSummary onAgenda;
    private ClientSummary elsewhere;
    private long meeting;
    private long otherMeeting;

    @BeforeEach
    void aMemberOfSudAndTwoClientsOfNord() {
        member = "csouth" + System.nanoTime() % 1_000_000;
        data.as(TestUsers.ADMIN, "ADMIN", () -> accounts.create(member, TestUsers.PASSWORD, "Comité Sud", Set.of(Role.COMMITTEE),
                Set.of(TestUsers.TEAM_SOUTH)));
        onAgenda = data.client(TestUsers.TEAM_NORTH, "AgendaNord");
        elsewhere = data.client(TestUsers.TEAM_NORTH, "NullePartNord");
        evaluations.submit(evaluations.blank(onAgenda.id(), "imasp"), Map.of("illness", "C"));
        evaluations.submit(evaluations.blank(elsewhere.id(), "imasp"), Map.of("illness", "B"));
        meeting = data.as(member, "COMMITTEE", () -> meetings.create(LocalDate.now().plusDays(2), List.of("Alice Martin"))).id();
        otherMeeting = data.as(member, "COMMITTEE", () -> meetings.create(LocalDate.now().plusDays(9), List.of("Alice Martin"))).id();
        meetings.propose(meeting, onAgenda.id(), AgendaQuestion.CONTRACT_RENEWAL, null);
    }

    private List<String> details(String action, long clientId) {
        return jdbc.queryForList("SELECT detail FROM audit_event WHERE actor = ? AND action = ? AND target_type = 'client' AND target_id = ?"
                + " ORDER BY id", String.class, member, action, String.valueOf(clientId));
    }

    @Test
    void throughTheMeetingTheMemberSeesTheHistoryOfAClientOfAnotherTeamAndTheReadNamesTheMeeting() {
        HistoryService.ClientHistory page = data.as(member, "COMMITTEE",
                () -> histories.history(onAgenda.id(), "imasp", OptionalLong.of(meeting)));

        assertThat(page.client().id()).isEqualTo(onAgenda.id());
        assertThat(page.history().columns()).hasSize(1);
        assertThat(details("HISTORY_READ", onAgenda.id())).singleElement().asString()
                .contains("through the agenda of meeting " + meeting);
        // the agenda's own page says the same
        MeetingService.AgendaHistories agenda = data.as(member, "COMMITTEE", () -> meetings.agendaHistories(meeting, "imasp"));
        assertThat(agenda.histories()).extracting(MeetingService.AgendaHistory::clientId).containsExactly(onAgenda.id());
    }

    @Test
    void withoutTheMeetingThroughAnotherMeetingOrForAClientOnNoAgendaTheClientIsNotFound() {
        assertThatThrownBy(() -> data.as(member, "COMMITTEE", () -> histories.history(onAgenda.id(), "imasp")))
                .isInstanceOf(ClientNotFoundException.class);
        assertThatThrownBy(() -> data.as(member, "COMMITTEE", () -> histories.history(onAgenda.id(), "imasp", OptionalLong.of(otherMeeting))))
                .isInstanceOf(ClientNotFoundException.class);
        assertThatThrownBy(() -> data.as(member, "COMMITTEE", () -> histories.history(elsewhere.id(), "imasp", OptionalLong.of(meeting))))
                .isInstanceOf(ClientNotFoundException.class);
        assertThatThrownBy(() -> data.as(member, "COMMITTEE", () -> histories.history(elsewhere.id(), "imasp")))
                .isInstanceOf(ClientNotFoundException.class);

        assertThat(details("ACCESS_DENIED", onAgenda.id())).hasSize(2).anyMatch(d -> d.contains("agenda of meeting " + otherMeeting));
        assertThat(details("ACCESS_DENIED", elsewhere.id())).hasSize(2).anyMatch(d -> d.contains("agenda of meeting " + meeting));
        assertThat(details("HISTORY_READ", onAgenda.id())).isEmpty();
        assertThat(details("HISTORY_READ", elsewhere.id())).isEmpty();
    }

    @Test
    void aWorkerCannotUseAMeetingToReachAnotherTeamsClient() {
        ClientSummary south = data.client(TestUsers.TEAM_SOUTH, "AgendaSud");
        data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> meetings.propose(meeting, south.id(), AgendaQuestion.CONTRACT_RENEWAL, null));

        assertThatThrownBy(() -> histories.history(south.id(), "imasp", OptionalLong.of(meeting)))
                .isInstanceOf(ClientNotFoundException.class);
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "client", south.id())).containsExactly("ACCESS_DENIED");
    }
}
