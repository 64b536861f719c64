package org.parcours.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parcours.aid.AidRequestDetails;
import org.parcours.aid.AidService;
import org.parcours.aid.AidServiceTests;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.ReadOnlyAccessException;
import org.parcours.contracts.ContractDetails;
import org.parcours.contracts.ContractService;
import org.parcours.contracts.ContractServiceTests;
import org.parcours.evaluations.EvaluationDetails;
import org.parcours.evaluations.EvaluationService;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * A justified access outside one's team reads the file and never changes it: a worker of the
 * north team on a south client reads its IMASP, CASU request and MASP contract, and every save,
 * submission, new form, payment or workflow step is refused, audited, and leaves the database as it was.
 */
@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
class JustifiedAccessReadOnlyTests {

    private static final Map<String, String> IMASP = Map.of("illness", "B", "homeless", "A", "comment", "Stays with a cousin");

    @Autowired
    BreakGlass breakGlass;

    @Autowired
    ClientService clients;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    AidService aid;

    @Autowired
    ContractService contracts;

    @Autowired
    org.parcours.programmes.ClientWorkflows workflows;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aWorkerOnAJustifiedAccessReadsTheFormsButSavesNothing() {
        ClientSummary south = data.client(TestUsers.TEAM_SOUTH, "ReadOnlySouth");
        long evaluationId = data.as(TestUsers.WORKER_SOUTH, "WORKER",
                () -> evaluations.submit(evaluations.blank(south.id(), "imasp"), IMASP).id().orElseThrow());
        AidRequestDetails request = data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> aid.create(south.id()));
        ContractDetails contract = data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> contracts.draft(south.id()));
        data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> evaluations.submit(evaluations.blank(south.id(), "budget-guidance"),
                Map.of("income_management", "OK", "fixed_charges", "OK", "debts", "FRAGILE", "paperwork", "OK")));
        String stored = "SELECT COUNT(*) FROM submission_answer a JOIN submission_revision r ON r.id = a.revision_id"
                + " JOIN submission s ON s.id = r.submission_id WHERE s.client_id = ?";
        long answersBefore = jdbc.queryForObject(stored, Long.class, south.id());
        long submissionsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE client_id = ?", Long.class, south.id());

        breakGlass.open(south.id(), "the client came to our office and asked about the file");

        EvaluationDetails shown = evaluations.open(evaluationId);
        assertThat(shown.answers()).containsEntry("comment", "Stays with a cousin");
        AidRequestDetails shownRequest = aid.open(request.id());
        ContractDetails shownContract = contracts.open(contract.id(), java.util.Optional.empty());

        assertThatThrownBy(() -> evaluations.amend(evaluationId, "a correction")).isInstanceOf(ReadOnlyAccessException.class);
        assertThatThrownBy(() -> evaluations.save(evaluations.blank(south.id(), "imasp"), IMASP)).isInstanceOf(ReadOnlyAccessException.class);
        assertThatThrownBy(() -> evaluations.submit(evaluations.blank(south.id(), "imasp"), IMASP)).isInstanceOf(ReadOnlyAccessException.class);
        assertThatThrownBy(() -> aid.save(request.id(), shownRequest.lockVersion(), AidServiceTests.casu("food", null)))
                .isInstanceOf(ReadOnlyAccessException.class);
        assertThatThrownBy(() -> aid.submit(request.id(), shownRequest.lockVersion(), AidServiceTests.casu("food", null)))
                .isInstanceOf(ReadOnlyAccessException.class);
        assertThatThrownBy(() -> aid.create(south.id())).isInstanceOf(ReadOnlyAccessException.class);
        assertThatThrownBy(() -> contracts.save(contract.id(), shownContract.lockVersion(), ContractServiceTests.text(LocalDate.now(), 6)))
                .isInstanceOf(ReadOnlyAccessException.class);
        assertThatThrownBy(() -> contracts.sign(contract.id(), shownContract.lockVersion(), ContractServiceTests.text(LocalDate.now(), 6),
                LocalDate.now())).isInstanceOf(ReadOnlyAccessException.class);
        assertThatThrownBy(() -> contracts.draft(south.id())).isInstanceOf(ReadOnlyAccessException.class);
        assertThat(workflows.of(south.id())).as("the workflow is shown").isNotEmpty();
        assertThatThrownBy(() -> workflows.fire(south.id(), "budget-guidance", "guidance", "agree")).isInstanceOf(ReadOnlyAccessException.class);
        assertThatThrownBy(() -> contracts.recordPayment(south.id(), YearMonth.now(), java.math.BigDecimal.TEN, java.math.BigDecimal.ONE))
                .isInstanceOf(ReadOnlyAccessException.class);

        assertThat(jdbc.queryForObject(stored, Long.class, south.id())).as("no answer written").isEqualTo(answersBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE client_id = ?", Long.class, south.id())).isEqualTo(submissionsBefore);
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE actor = ? AND action = 'ACCESS_DENIED' AND target_id = ?", String.class,
                TestUsers.WORKER_NORTH, String.valueOf(south.id()))).contains("a justified access reads the file, it does not change it");
        assertThat(data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> evaluations.amend(evaluationId, "the team corrects")).editable())
                .as("the client's own team still changes it").isTrue();
    }
}
