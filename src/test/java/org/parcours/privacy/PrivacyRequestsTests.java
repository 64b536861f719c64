package org.parcours.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.aid.AidService;
import org.parcours.aid.AidServiceTests;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationService;
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
 * A person's erasure request: recorded with its deadline from the policy (one month), accepted with
 * a reason, refused to the administrator who accepted it (four eyes) and while the file is under
 * legal hold, then carried out by a second administrator: every answer of the client's forms is
 * gone, the audit keeps the steps and counts, not the answers. Workers cannot record requests.
 */
@SpringBootTest
@WithUserDetails(TestUsers.ADMIN)
class PrivacyRequestsTests {

    private static final String SECOND_ADMIN = "dpo-admin";

    @Autowired
    PrivacyRequests requests;

    @Autowired
    LegalHolds holds;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    AidService aid;

    @Autowired
    UserAccounts accounts;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void secondAdministrator() {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Integer.class, SECOND_ADMIN) == 0) {
            accounts.create(SECOND_ADMIN, "second-Admin-pass-1", "Second administrator", Set.of(Role.ADMIN), Set.of());
        }
    }

    private int answers(long clientId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM submission_answer a JOIN submission_revision r ON r.id = a.revision_id"
                + " JOIN submission s ON s.id = r.submission_id WHERE s.client_id = ?", Integer.class, clientId);
    }

    @Test
    void anErasureIsAcceptedByOneAdministratorCarriedOutByAnotherAndNeverUnderLegalHold() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Erasurerequest");
        ClientSummary neighbour = data.client(TestUsers.TEAM_NORTH, "Erasureneighbour");
        data.as(TestUsers.WORKER_NORTH, "WORKER", () -> {
            evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "C", "comment", "Told us about her debts"));
            evaluations.submit(evaluations.blank(neighbour.id(), "imasp"), Map.of("illness", "A"));
            var request = aid.create(client.id());
            return aid.submit(request.id(), request.lockVersion(), AidServiceTests.casu("food", null));
        });
        assertThat(answers(client.id())).isGreaterThan(10);
        int neighbourAnswers = answers(neighbour.id());

        assertThatThrownBy(() -> requests.record(client.id(), PrivacyRequests.Kind.ERASURE, " ")).isInstanceOf(PrivacyException.class);
        PrivacyRequests.Request recorded = requests.record(client.id(), PrivacyRequests.Kind.ERASURE, "Letter of 2 December: erase my file");
        assertThat(recorded.status()).isEqualTo(PrivacyRequests.Status.RECEIVED);
        assertThat(recorded.dueOn()).as("one month, from the policy").isEqualTo(recorded.receivedOn().plusMonths(1));
        assertThat(recorded.overdue(recorded.dueOn())).isFalse();
        assertThat(recorded.overdue(recorded.dueOn().plusDays(1))).isTrue();
        assertThatThrownBy(() -> requests.carryOut(recorded.id())).as("not decided yet").isInstanceOf(PrivacyException.class);

        requests.decide(recorded.id(), true, "no legal obligation to keep the file");
        assertThatThrownBy(() -> requests.carryOut(recorded.id())).as("four eyes").isInstanceOf(PrivacyException.class)
                .extracting(e -> ((PrivacyException) e).messageKey()).isEqualTo("privacy.request.error.fourEyes");
        holds.set(client.id(), "inspection by the regional authority");
        assertThatThrownBy(() -> data.as(SECOND_ADMIN, "ADMIN", () -> requests.carryOut(recorded.id()))).isInstanceOf(PrivacyException.class)
                .extracting(e -> ((PrivacyException) e).messageKey()).isEqualTo("privacy.request.error.held");
        assertThat(answers(client.id())).isGreaterThan(10);
        holds.lift(client.id(), "inspection over");

        PrivacyRequests.Request done = data.as(SECOND_ADMIN, "ADMIN", () -> requests.carryOut(recorded.id()));

        assertThat(done.status()).isEqualTo(PrivacyRequests.Status.DONE);
        assertThat(done.doneBy()).isEqualTo(SECOND_ADMIN);
        assertThat(answers(client.id())).as("every answer of every form of the client").isZero();
        assertThat(answers(neighbour.id())).isEqualTo(neighbourAnswers);
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE target_type = 'client' AND target_id = ? AND action LIKE 'PRIVACY_REQUEST_%'"
                + " ORDER BY id", String.class, String.valueOf(client.id()))).hasSize(3)
                .last().asString().startsWith("request " + recorded.id() + " done: ").endsWith(" answers erased").doesNotContain("debts");
        assertThat(requests.list()).anySatisfy(r -> assertThat(r.id() + " " + r.status()).isEqualTo(recorded.id() + " DONE"));
        assertThatThrownBy(() -> data.as(SECOND_ADMIN, "ADMIN", () -> requests.carryOut(recorded.id()))).isInstanceOf(PrivacyException.class);
    }

    @Test
    void aRefusedRectificationIsClosedAndAWorkerCannotRecordARequest() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Rectificationrequest");
        PrivacyRequests.Request recorded = requests.record(client.id(), PrivacyRequests.Kind.RECTIFICATION, "My birth date is wrong");
        requests.decide(recorded.id(), false, "the date matches the national register");
        assertThatThrownBy(() -> requests.decide(recorded.id(), true, "again")).isInstanceOf(PrivacyException.class);
        assertThat(requests.list()).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo(recorded.id());
            assertThat(r.status()).isEqualTo(PrivacyRequests.Status.REFUSED);
            assertThat(r.overdue(LocalDate.now().plusYears(1))).isFalse();
        });
        assertThatThrownBy(() -> data.as(TestUsers.WORKER_NORTH, "WORKER", () -> requests.record(client.id(), PrivacyRequests.Kind.ERASURE, "x")))
                .isInstanceOf(AccessDeniedException.class);
    }
}
