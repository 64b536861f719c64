package org.parcours.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientSummary;
import org.parcours.committee.AgendaQuestion;
import org.parcours.committee.MeetingService;
import org.parcours.evaluations.EvaluationService;
import org.parcours.reporting.ExportService;
import org.parcours.security.Role;
import org.parcours.security.UserAccounts;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The API follows the committee's rule (docs/decisions/0016): a committee member of team Sud reads
 * the submissions of a team Nord client through the agenda of a meeting that holds it, audited
 * naming the meeting; the form's plain submissions (team rule) leave that client out, and so does
 * any other meeting; a worker cannot use the agenda route.
 */
@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
class ApiAgendaAccessTests {

    @Autowired
    ApiController api;

    @Autowired
    MeetingService meetings;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    UserAccounts accounts;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCommitteeMemberOfAnotherTeamReadsTheSubmissionsOfAnAgendasClientThroughTheMeetingOnly() {
        String member = "csouth" + System.nanoTime() % 1_000_000;
        data.as(TestUsers.ADMIN, "ADMIN", () -> accounts.create(member, TestUsers.PASSWORD, "Comité Sud", Set.of(Role.COMMITTEE),
                Set.of(TestUsers.TEAM_SOUTH)));
        ClientSummary onAgenda = data.client(TestUsers.TEAM_NORTH, "ApiAgendaNord");
        ClientSummary elsewhere = data.client(TestUsers.TEAM_NORTH, "ApiNullePartNord");
        evaluations.submit(evaluations.blank(onAgenda.id(), "imasp"), Map.of("illness", "C"));
        evaluations.submit(evaluations.blank(elsewhere.id(), "imasp"), Map.of("illness", "B"));
        long meeting = data.as(member, "COMMITTEE", () -> meetings.create(LocalDate.now().plusDays(2), List.of("Alice Martin"))).id();
        long other = data.as(member, "COMMITTEE", () -> meetings.create(LocalDate.now().plusDays(5), List.of("Alice Martin"))).id();
        meetings.propose(meeting, onAgenda.id(), AgendaQuestion.CONTRACT_RENEWAL, null);

        List<ExportService.Submission> throughMeeting = data.as(member, "COMMITTEE", () -> api.agendaSubmissions(meeting, "imasp"));
        assertThat(throughMeeting).extracting(ExportService.Submission::clientId).containsExactly(onAgenda.id());
        assertThat(throughMeeting.getFirst().answers()).containsEntry("illness", "C");

        assertThat(data.as(member, "COMMITTEE", () -> api.submissions("imasp", null, null, null).getBody())).extracting(ExportService.Submission::clientId)
                .doesNotContain(onAgenda.id(), elsewhere.id());
        assertThat(data.as(member, "COMMITTEE", () -> api.agendaSubmissions(other, "imasp"))).isEmpty();
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE actor = ? AND action = 'SUBMISSIONS_READ' ORDER BY id",
                String.class, member)).first().asString().contains("of the agenda of meeting " + meeting);

        assertThatThrownBy(() -> api.agendaSubmissions(meeting, "imasp")).isInstanceOf(AccessDeniedException.class);
    }
}
