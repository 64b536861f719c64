package org.parcours.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationDetails;
import org.parcours.evaluations.EvaluationService;
import org.parcours.formdef.DataCategory;
import org.parcours.formdef.LegalBasis;
import org.parcours.formdef.Retention;
import org.parcours.security.Role;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Retention with its dry run and legal holds, the register of processing, subject access and the
 * justified access to another team's client, on the real database with the shipped forms and policy.
 */
@SpringBootTest
@WithUserDetails(TestUsers.ADMIN)
class PrivacyTests {

    /** An IMASP with a medical answer (health: erased 5 years after closing), a housing scale, a text and a date (the rest: anonymised after 10). */
    private static final Map<String, String> IMASP = Map.of("illness", "B", "addiction", "C", "homeless", "A",
            "comment", "Secret remark about the family", "period_from", "2001-02-03");

    @Autowired
    RetentionService retention;

    @Autowired
    LegalHolds holds;

    @Autowired
    ProcessingRegister register;

    @Autowired
    SubjectAccess subjectAccess;

    @Autowired
    BreakGlass breakGlass;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    ClientService clients;

    @Autowired
    TestData data;

    @Autowired
    org.parcours.aid.AidService aid;

    @Autowired
    org.parcours.submissions.Submissions submissions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.parcours.contracts.ContractService contracts;

    private ClientSummary clientWithImasp(String name) {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, name);
        data.as(TestUsers.WORKER_NORTH, "WORKER", () -> {
            EvaluationDetails blank = evaluations.blank(client.id(), "imasp");
            return evaluations.submit(blank, IMASP);
        });
        return client;
    }

    private void closedLongAgo(long clientId) {
        jdbc.update("UPDATE client SET status = 'CLOSED', status_since = '2001-06-30', status_reason = 'moved away' WHERE id = ?", clientId);
    }

    private Map<String, String> storedAnswers(long clientId) {
        Map<String, String> rows = new java.util.TreeMap<>();
        jdbc.query("SELECT a.item_id, a.answer_value FROM submission_answer a JOIN submission_revision r ON r.id = a.revision_id"
                + " JOIN submission e ON e.id = r.submission_id WHERE e.kind = 'EVALUATION' AND e.client_id = ?", rs -> {
                    rows.put(rs.getString(1), rs.getString(2));
                }, clientId);
        return rows;
    }

    private int answerCount(long clientId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM submission_answer a JOIN submission_revision r ON r.id = a.revision_id"
                + " JOIN submission e ON e.id = r.submission_id WHERE e.kind = 'EVALUATION' AND e.client_id = ?", Integer.class, clientId);
    }

    @Test
    void theDryRunListsWhatWouldGoAndChangesNothingThenTheRunErasesHealthAndAnonymisesTheRestOfAClosedFile() {
        ClientSummary closed = clientWithImasp("RetentionClosed");
        ClientSummary open = clientWithImasp("RetentionOpen");
        closedLongAgo(closed.id());
        int before = answerCount(closed.id());
        assertThat(storedAnswers(closed.id())).containsKeys("illness", "addiction", "homeless", "comment", "period_from");

        RetentionService.Report dry = retention.dryRun();

        assertThat(dry.applied()).isFalse();
        assertThat(dry.lines()).anySatisfy(line -> {
            assertThat(line.formKey()).isEqualTo("imasp");
            assertThat(line.categories()).contains(DataCategory.HEALTH);
            assertThat(line.action()).isEqualTo(Retention.Action.ERASE);
            assertThat(line.answers()).isGreaterThanOrEqualTo(2);
        });
        assertThat(dry.lines()).anySatisfy(line -> {
            assertThat(line.formKey()).isEqualTo("imasp");
            assertThat(line.action()).isEqualTo(Retention.Action.ANONYMISE);
        });
        assertThat(answerCount(closed.id())).as("a dry run changes nothing").isEqualTo(before);

        RetentionService.Report run = retention.applyScheduled();

        Map<String, String> left = storedAnswers(closed.id());
        assertThat(left).as("health answers erased, texts and dates anonymised away").doesNotContainKeys("illness", "addiction", "comment", "period_from");
        assertThat(left).as("coded answers outside health stay for statistics").containsEntry("homeless", "A");
        assertThat(storedAnswers(open.id())).containsKeys("illness", "addiction", "comment", "period_from");
        String audited = jdbc.queryForObject("SELECT detail FROM audit_event WHERE action = 'RETENTION_APPLIED' ORDER BY id DESC LIMIT 1",
                String.class);
        assertThat(audited).isEqualTo(run.summary()).contains("imasp [social, health] erase:").doesNotContain("Secret", "RetentionClosed", "2001-02-03");
        retention.apply();
        assertThat(storedAnswers(closed.id())).as("a second run leaves what the first kept").isEqualTo(left);
    }

    @Test
    void aClientFileUnderLegalHoldKeepsEverythingUntilTheHoldIsLiftedBothWithAReasonAndAudited() {
        ClientSummary held = clientWithImasp("RetentionHeld");
        closedLongAgo(held.id());
        int before = answerCount(held.id());

        assertThatThrownBy(() -> holds.set(held.id(), "  ")).isInstanceOf(PrivacyException.class)
                .extracting(e -> ((PrivacyException) e).messageKey()).isEqualTo("privacy.error.reasonRequired");
        holds.set(held.id(), "court case 2026/123");
        assertThatThrownBy(() -> holds.set(held.id(), "again")).isInstanceOf(PrivacyException.class);

        RetentionService.Report run = retention.apply();

        assertThat(run.heldClients()).isGreaterThanOrEqualTo(1);
        assertThat(answerCount(held.id())).isEqualTo(before);
        assertThat(holds.list()).anySatisfy(h -> assertThat(h.clientId()).isEqualTo(held.id()));

        holds.lift(held.id(), "case closed");
        retention.apply();
        assertThat(storedAnswers(held.id())).doesNotContainKeys("illness", "comment").containsKey("homeless");
        assertThat(data.auditActions(TestUsers.ADMIN, "client", held.id())).contains("LEGAL_HOLD_SET", "LEGAL_HOLD_LIFTED");
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE action = 'LEGAL_HOLD_SET' AND target_id = ?", String.class,
                String.valueOf(held.id()))).containsExactly("legal hold set: court case 2026/123");
    }

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void onlyAdministratorsSetHoldsReadTheRegisterOrExportAClient() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "PrivacyWorker");

        assertThatThrownBy(() -> holds.set(client.id(), "because")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> register.entries()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> subjectAccess.export(client.id(), Locale.FRENCH)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> breakGlass.recent(30)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> retention.dryRun()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> retention.apply()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theRegisterIsBuiltFromTheFormsWithTheirCategoriesBasesRetentionAndRoles() {
        ProcessingRegister.Entry imasp = register.entries().stream().filter(e -> e.formKey().equals("imasp")).findFirst().orElseThrow();

        assertThat(imasp.declared()).isTrue();
        assertThat(imasp.categories()).contains(DataCategory.HEALTH, DataCategory.SOCIAL);
        assertThat(imasp.legalBases()).containsExactlyInAnyOrder(LegalBasis.PUBLIC_TASK, LegalBasis.SOCIAL_PROTECTION);
        assertThat(imasp.purposes()).isNotEmpty();
        assertThat(imasp.retention()).anySatisfy(rule -> {
            assertThat(rule.keep()).isEqualTo("retention.health");
            assertThat(rule.period()).contains(Period.ofYears(5));
            assertThat(rule.then()).isEqualTo(Retention.Action.ERASE);
            assertThat(rule.categories()).contains(DataCategory.HEALTH);
        });
        assertThat(imasp.roles()).contains(Role.ADMIN, Role.WORKER, Role.COMMITTEE);
        assertThat(imasp.restricted()).isEmpty();

        ProcessingRegister.Entry casu = register.entries().stream().filter(e -> e.formKey().equals("casu")).findFirst().orElseThrow();
        assertThat(casu.categories()).contains(DataCategory.FINANCIAL, DataCategory.IDENTITY, DataCategory.CONTACT);
        assertThat(casu.legalBases()).contains(LegalBasis.LEGAL_OBLIGATION);
        assertThat(casu.restricted()).as("the items sensitive in the YAML").containsKeys("applicant_phone", "applicant_email");
    }

    @Test
    void theSubjectAccessExportHoldsTheFileEverySubmissionWithLabelsAndWhoReadItAndIsAudited() {
        ClientSummary client = clientWithImasp("SubjectAccess");
        data.as(TestUsers.WORKER_NORTH, "WORKER", () -> clients.open(client.id()));

        String json = new String(subjectAccess.export(client.id(), Locale.FRENCH), StandardCharsets.UTF_8);

        assertThat(json).contains("\"lastName\" : \"SubjectAccess\"", "\"form\" : \"imasp\"", "\"item\" : \"illness\"", "\"label\" : \"Maladie / hospitalisation\"",
                "\"value\" : \"B\"", "Secret remark about the family", "\"who\" : \"" + TestUsers.WORKER_NORTH + "\"", "CLIENT_READ",
                "EVALUATION_SUBMITTED");
        assertThat(data.auditActions(TestUsers.ADMIN, "client", client.id())).contains("SUBJECT_ACCESS_EXPORTED");
    }

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void aWorkerOpensAnotherTeamsClientOnlyWithAReasonForALimitedTimeAndAdministratorsSeeIt() {
        ClientSummary south = data.client(TestUsers.TEAM_SOUTH, "BreakGlassSouth");

        assertThatThrownBy(() -> clients.open(south.id())).as("refused as today").isInstanceOf(ClientNotFoundException.class);
        assertThatThrownBy(() -> breakGlass.open(south.id(), " ")).isInstanceOf(PrivacyException.class);
        assertThatThrownBy(() -> breakGlass.open(Long.MAX_VALUE - 1, "probing")).isInstanceOf(ClientNotFoundException.class);
        assertThatThrownBy(() -> clients.open(south.id())).isInstanceOf(ClientNotFoundException.class);

        java.time.Instant until = breakGlass.open(south.id(), "the client came to our office in an emergency");

        assertThat(clients.open(south.id()).lastName()).isEqualTo("BreakGlassSouth");
        assertThat(java.time.Duration.between(java.time.Instant.now(), until).toHours()).isBetween(7L, 8L);
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE action = 'JUSTIFIED_ACCESS_OPENED' AND target_id = ?", String.class,
                String.valueOf(south.id()))).singleElement().asString().endsWith(": the client came to our office in an emergency");
        assertThat(data.as(TestUsers.ADMIN, "ADMIN", () -> breakGlass.recent(30))).anySatisfy(a -> {
            assertThat(a.clientId()).isEqualTo(south.id());
            assertThat(a.username()).isEqualTo(TestUsers.WORKER_NORTH);
            assertThat(a.teamId()).isEqualTo(data.teamId(TestUsers.TEAM_SOUTH));
        });

        jdbc.update("UPDATE break_glass_access SET expires_at = '2001-01-01 00:00:00' WHERE client_id = ?", south.id());
        assertThatThrownBy(() -> clients.open(south.id())).as("once the access has ended").isInstanceOf(ClientNotFoundException.class);
    }

    @Test
    void theAuditTrailNamesTheItemsASavedEvaluationOrContractChangesNeverTheirValuesSoAnErasedAnswerLeavesNoCopy() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "AuditNoValues");
        data.as(TestUsers.WORKER_NORTH, "WORKER", () -> {
            var draft = evaluations.save(evaluations.blank(client.id(), "imasp"), Map.of("illness", "C", "comment", "Her brother Anatole drinks"));
            evaluations.save(draft, Map.of("illness", "B", "comment", "Her brother Anatole drinks too much"));
            var contract = contracts.draft(client.id());
            return contracts.save(contract.id(), contract.lockVersion(), Map.of("person_commitments", "See Dr Vandenberghe every week"));
        });

        List<String> details = jdbc.queryForList("SELECT detail FROM audit_event WHERE action IN ('EVALUATION_SAVED', 'CONTRACT_SAVED')"
                + " AND actor = ? ORDER BY id DESC LIMIT 2", String.class, TestUsers.WORKER_NORTH);

        assertThat(details).hasSize(2).allSatisfy(d -> assertThat(d).doesNotContain("Anatole", "Vandenberghe", "-> C", "-> B", "C ->"));
        assertThat(details.get(0)).contains("person_commitments");
        assertThat(details.get(1)).contains("illness", "comment");
    }

    @Test
    void theSubmissionsApiCountsThenErasesTheAnswersOfACasuRequestAtItemsAndInTheirRepeatRows() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "EraseCasu");
        long requestId = data.as(TestUsers.WORKER_NORTH, "WORKER", () -> {
            var draft = aid.create(client.id());
            return aid.submit(draft.id(), draft.lockVersion(), org.parcours.aid.AidServiceTests.casu("food", null, "fsl-energy", "300.00")).id();
        });
        java.util.Set<String> items = java.util.Set.of("situation_assessment", "motivation");
        String stored = "SELECT COUNT(*) FROM submission_answer a JOIN submission_revision r ON r.id = a.revision_id JOIN aid_request q ON q.submission_id = r.submission_id WHERE q.id = ? AND (a.item_id = 'situation_assessment' OR a.item_id LIKE '%.motivation')";
        assertThat(jdbc.queryForObject(stored, Integer.class, requestId)).isEqualTo(3);
        int others = jdbc.queryForObject("SELECT COUNT(*) FROM submission_answer a JOIN submission_revision r ON r.id = a.revision_id JOIN aid_request q ON q.submission_id = r.submission_id WHERE q.id = ?", Integer.class, requestId) - 3;

        assertThat(submissions.countAnswersAt(client.id(), "casu", items)).isEqualTo(3);
        assertThat(submissions.eraseAnswersAt(client.id(), "casu", items)).isEqualTo(3);

        assertThat(jdbc.queryForObject(stored, Integer.class, requestId)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission_answer a JOIN submission_revision r ON r.id = a.revision_id JOIN aid_request q ON q.submission_id = r.submission_id WHERE q.id = ?", Integer.class, requestId)).isEqualTo(others);
        assertThat(submissions.countAnswersAt(client.id(), "casu", items)).isZero();
    }
}
