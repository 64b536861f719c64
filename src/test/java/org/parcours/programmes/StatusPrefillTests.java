package org.parcours.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationDetails;
import org.parcours.evaluations.EvaluationService;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The IMASP's "SA only / SA and PA" answer and the client's status are one fact, the status its
 * source: as programmes/imasp.yaml declares ({@code prefill-from-status}), a new IMASP starts with
 * the option of the client's status, whatever the previous IMASP proposed.
 */
@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
class StatusPrefillTests {

    @Autowired
    EvaluationService evaluations;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNewImaspStartsWithTheAnswerOfTheClientsStatusNotWithThePreviousProposal() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "StatusPrefill");
        // the first IMASP of a followed file starts on "social and professional activation"
        EvaluationDetails first = evaluations.blank(client.id(), "imasp");
        assertThat(first.answers()).containsEntry("track", "social-professional");
        assertThat(first.prefilled()).doesNotContain("track");

        // the worker proposes social activation only; the status stays followed until the committee grants it
        evaluations.submit(first, Map.of("illness", "C", "track", "social-only", "social_only_reason", "Persistent illness"));
        EvaluationDetails proposedBefore = evaluations.blank(client.id(), "imasp");
        assertThat(proposedBefore.answers()).as("the status, not the previous proposal")
                .containsEntry("track", "social-professional")
                .as("other answers are still carried over").containsEntry("social_only_reason", "Persistent illness");
        assertThat(proposedBefore.prefilled()).doesNotContain("track").contains("social_only_reason");

        // granted: the next IMASP says so from the start
        jdbc.update("UPDATE client SET status = 'SOCIAL_ACTIVATION_ONLY', status_since = CURRENT_DATE, "
                + "status_reason = 'committee' WHERE id = ?", client.id());
        EvaluationDetails granted = evaluations.blank(client.id(), "imasp");
        assertThat(granted.answers()).containsEntry("track", "social-only");
        assertThat(granted.prefilled()).as("the same as the previous answer: still shown as carried over").contains("track");
    }

    @Test
    void aFormWhoseProgrammeDeclaresNoStatusAnswerStartsWithoutOne() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "StatusPrefillOther");
        assertThat(evaluations.blank(client.id(), "support-plan").answers()).doesNotContainKey("track");
    }
}
