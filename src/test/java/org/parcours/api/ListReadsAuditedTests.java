package org.parcours.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientSummary;
import org.parcours.committee.AgendaQuestion;
import org.parcours.committee.DecisionOutcome;
import org.parcours.committee.MeetingService;
import org.parcours.evaluations.EvaluationService;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Reads that show client data are audited, a list as one row naming the ids it shows (not one
 * insert per row): the API's client list, a new form showing the previous answers, a meeting's
 * agenda and the committee's follow-up list.
 */
@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
class ListReadsAuditedTests {

    @Autowired
    ClientsApiController api;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    MeetingService meetings;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    private long lastAuditId() {
        Long id = jdbc.queryForObject("SELECT MAX(id) FROM audit_event", Long.class);
        return id == null ? 0 : id;
    }

    private List<Map<String, Object>> rowsSince(long after, String actor) {
        return jdbc.queryForList("SELECT action, target_type, target_id, detail FROM audit_event WHERE id > ? AND actor = ? ORDER BY id",
                after, actor);
    }

    @Test
    void theApiClientListIsOneAuditRowNamingEveryClientShown() {
        ClientSummary a = data.client(TestUsers.TEAM_NORTH, "ListeA");
        ClientSummary b = data.client(TestUsers.TEAM_NORTH, "ListeB");
        long before = lastAuditId();

        List<ClientsApiController.ClientDto> shown = api.clients(null, null, null).getBody();

        List<Map<String, Object>> rows = rowsSince(before, TestUsers.WORKER_NORTH);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().get("action")).isEqualTo("CLIENTS_LISTED");
        assertThat((String) rows.getFirst().get("detail")).contains(shown.size() + " clients", a.id() + "", b.id() + "");
    }

    @Test
    void aNewFormShowingThePreviousAnswersIsAReadOfThePreviousEvaluation() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Prefill");
        long previous = evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "C")).id().orElseThrow();
        long before = lastAuditId();

        evaluations.blank(client.id(), "imasp");

        assertThat(rowsSince(before, TestUsers.WORKER_NORTH)).singleElement().satisfies(row -> {
            assertThat(row.get("action")).isEqualTo("EVALUATION_READ");
            assertThat(row.get("target_id")).isEqualTo(String.valueOf(previous));
        });
    }

    @Test
    void theAgendaAndTheFollowUpListAreOneAuditRowEach() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Suivi");
        long meeting = data.as(TestUsers.COMMITTEE, "COMMITTEE", () -> meetings.create(LocalDate.now(), List.of("Alice Martin"))).id();
        long item = meetings.propose(meeting, client.id(), AgendaQuestion.CONTRACT_RENEWAL, null);
        data.as(TestUsers.COMMITTEE, "COMMITTEE", () -> meetings.recordDecision(item,
                new MeetingService.DecisionInput(DecisionOutcome.GRANTED, "motivé", null)));
        long before = lastAuditId();

        data.as(TestUsers.COMMITTEE, "COMMITTEE", () -> meetings.meeting(meeting));
        data.as(TestUsers.COMMITTEE, "COMMITTEE", () -> meetings.followUps(false));

        List<Map<String, Object>> rows = rowsSince(before, TestUsers.COMMITTEE);
        assertThat(rows).extracting(r -> r.get("action")).containsExactly("CLIENTS_LISTED", "CLIENTS_LISTED");
        assertThat(rows.get(0).get("target_id")).isEqualTo(String.valueOf(meeting));
        assertThat((String) rows.get(0).get("detail")).contains("[" + client.id() + "]");
        assertThat((String) rows.get(1).get("detail")).contains(String.valueOf(client.id()));
    }
}
