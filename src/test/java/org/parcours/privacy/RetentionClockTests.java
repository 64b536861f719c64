package org.parcours.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.parcours.catalog.FormCatalog;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientStatus;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.ClientUpdate;
import org.parcours.evaluations.EvaluationService;
import org.parcours.formdef.DateItem;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.Retention;
import org.parcours.formdef.TextItem;
import org.parcours.testsupport.MutableClock;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * With a fixed clock: a worker closes two IMASP files, one goes under legal hold, and time moves
 * past the periods the IMASP declares (health: erased, the rest: anonymised, both counted from the
 * closing). Each run removes exactly what the form's declarations say, from the file that is not
 * held; the held file keeps every answer; the dry run before each run lists the same lines and
 * counts as the run then removes; the audit and the job's record hold counts, never a value.
 */
@SpringBootTest
@WithUserDetails(TestUsers.ADMIN)
class RetentionClockTests {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final Map<String, String> IMASP = Map.of("illness", "B", "addiction", "C", "psychological", "A", "homeless", "A",
            "hygiene", "B", "comment", "Lives with her sister Odile since the fire", "period_from", "2025-11-03");

    @TestConfiguration
    static class FixedDay {
        @Bean
        @Primary
        MutableClock fixedClock() {
            return new MutableClock(START);
        }
    }

    @Autowired
    MutableClock clock;

    @Autowired
    RetentionService retention;

    @Autowired
    RetentionJob job;

    @Autowired
    LegalHolds holds;

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

    private final Map<Long, Long> evaluationIds = new java.util.HashMap<>();

    @Test
    void pastItsRetentionAClosedFileLosesExactlyWhatItsFormDeclaresAHeldFileNothingAndTheDryRunListedTheSame() {
        ClientSummary closed = closedWithImasp("Clockclosed");
        ClientSummary held = closedWithImasp("Clockheld");
        holds.set(held.id(), "appeal before the labour court");
        LocalDate closedOn = LocalDate.ofInstant(START, ZoneOffset.UTC);
        Map<String, String> answers = stored(closed.id());
        Map<String, String> heldAnswers = stored(held.id());
        assertThat(answers).containsKeys("illness", "addiction", "homeless", "comment", "period_from");
        FormDefinition imasp = catalog.current("imasp").definition();

        // on the last day of the health period nothing is due yet
        moveTo(closedOn.plus(period(imasp, "illness")));
        runBothWays();
        assertThat(stored(closed.id())).as("nothing of the file is due yet").isEqualTo(answers);

        // one day later the health answers go, erased as the medical section declares
        moveTo(closedOn.plus(period(imasp, "illness")).plusDays(1));
        RetentionService.Report health = runBothWays();
        Map<String, String> afterHealth = stored(closed.id());
        assertThat(afterHealth).as("exactly what the declarations make due").isEqualTo(expected(imasp, answers, closedOn));
        assertThat(afterHealth).doesNotContainKeys("illness", "addiction", "psychological").containsKeys("homeless", "comment", "period_from");
        assertThat(health.lines()).anySatisfy(l -> assertThat(l.formKey() + " " + l.action()).isEqualTo("imasp ERASE"));
        assertThat(stored(held.id())).as("the file under legal hold is untouched").isEqualTo(heldAnswers);
        assertThat(health.heldClients()).isGreaterThanOrEqualTo(1);
        assertNoPersonalValue(lastAuditSummary(), closed, held);
        assertThat(lastAuditSummary()).isEqualTo(health.summary());

        // past the form's own period its texts and dates go too, coded answers stay: by the daily job
        moveTo(closedOn.plus(period(imasp, "comment")).plusDays(1));
        RetentionService.Report dry = retention.dryRun();
        long before = data.count("submission_answer");
        job.scheduled();
        Map<String, String> anonymised = stored(closed.id());
        assertThat(anonymised).isEqualTo(expected(imasp, answers, closedOn));
        assertThat(anonymised).doesNotContainKeys("comment", "period_from").containsEntry("homeless", "A").containsEntry("hygiene", "B");
        assertThat(before - data.count("submission_answer")).as("the job removed what the dry run listed").isEqualTo(dry.answers());
        assertThat(dry.lines()).anySatisfy(l -> assertThat(l.formKey() + " " + l.action()).isEqualTo("imasp ANONYMISE"));
        assertThat(lastAuditSummary()).isEqualTo(dry.summary().substring("dry run: ".length()));
        assertThat(stored(held.id())).isEqualTo(heldAnswers);
        String outcome = jdbc.queryForObject("SELECT outcome FROM job_run WHERE job_name = 'retention' ORDER BY id DESC LIMIT 1", String.class);
        assertThat(outcome).isEqualTo(lastAuditSummary());
        assertNoPersonalValue(outcome, closed, held);
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE action = 'RETENTION_APPLIED' ORDER BY id DESC LIMIT 1",
                String.class)).isEqualTo(RetentionService.ACTOR);

        // the audit trail keeps the ids and actions of what the file had, without the erased values
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE target_type = 'evaluation' AND target_id = ?", String.class,
                String.valueOf(evaluationIds.get(closed.id())))).contains("EVALUATION_CREATED", "EVALUATION_SUBMITTED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE detail LIKE '%Odile%'", Integer.class)).isZero();
    }

    /** Runs the dry run, then the run, and checks they list the same lines and that the run removed as many rows as it counts. */
    private RetentionService.Report runBothWays() {
        RetentionService.Report dry = retention.dryRun();
        long before = data.count("submission_answer");
        RetentionService.Report run = retention.applyScheduled();
        assertThat(dry.applied()).isFalse();
        assertThat(run.lines()).as("the dry run listed the same lines").isEqualTo(dry.lines());
        assertThat(run.heldClients()).isEqualTo(dry.heldClients());
        assertThat(before - data.count("submission_answer")).as("the rows removed are the ones counted").isEqualTo(run.answers());
        return run;
    }

    private ClientSummary closedWithImasp(String name) {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, name);
        return data.as(TestUsers.WORKER_NORTH, "WORKER", () -> {
            evaluationIds.put(client.id(), evaluations.submit(evaluations.blank(client.id(), "imasp"), IMASP).id().orElseThrow());
            ClientUpdate u = ClientUpdate.of(clients.open(client.id()));
            return clients.update(client.id(), new ClientUpdate(u.firstName(), u.lastName(), u.birthDate(), u.nationalRegisterNumber(), u.phone(),
                    u.email(), u.address(), u.followUpStart(), ClientStatus.CLOSED, LocalDate.now(clock), "moved to another town", u.household()));
        });
    }

    /** The answers a declaration-by-declaration reading of the form says must remain on the clock's day. */
    private Map<String, String> expected(FormDefinition form, Map<String, String> answers, LocalDate closedOn) {
        LocalDate today = LocalDate.now(clock);
        Map<String, String> left = new TreeMap<>();
        answers.forEach((path, value) -> {
            String id = path.substring(path.lastIndexOf('.') + 1);
            // only the form's items are covered by its declarations
            Optional<Retention> rule = form.privacy().items().containsKey(id) ? form.privacy().of(id).retention() : Optional.empty();
            rule.ifPresent(r -> assertThat(r.after()).as("the IMASP counts from the closing").isEqualTo(Retention.Event.FILE_CLOSED));
            boolean due = rule.filter(r -> closedOn.plus(r.period(catalog.policy())).isBefore(today)).isPresent();
            boolean textOrDate = form.item(id).filter(i -> i instanceof TextItem || i instanceof DateItem).isPresent();
            boolean goes = due && (rule.get().then() == Retention.Action.ERASE || textOrDate);
            if (!goes) {
                left.put(path, value);
            }
        });
        return left;
    }

    private Period period(FormDefinition form, String itemId) {
        return form.privacy().of(itemId).retention().orElseThrow().period(catalog.policy());
    }

    private void moveTo(LocalDate day) {
        clock.advance(Duration.between(clock.instant(), day.atTime(3, 0).toInstant(ZoneOffset.UTC)));
    }

    private Map<String, String> stored(long clientId) {
        Map<String, String> rows = new TreeMap<>();
        jdbc.query("SELECT a.item_id, a.answer_value FROM submission_answer a JOIN submission_revision r ON r.id = a.revision_id"
                + " JOIN submission s ON s.id = r.submission_id WHERE s.client_id = ?", rs -> {
                    rows.put(rs.getString(1), rs.getString(2));
                }, clientId);
        return rows;
    }

    private String lastAuditSummary() {
        return jdbc.queryForObject("SELECT detail FROM audit_event WHERE action = 'RETENTION_APPLIED' ORDER BY id DESC LIMIT 1", String.class);
    }

    private static void assertNoPersonalValue(String text, ClientSummary... files) {
        assertThat(text).doesNotContain("Odile", "2025-11-03", "moved to another town", "appeal before the labour court");
        for (ClientSummary file : files) {
            assertThat(text.toLowerCase(java.util.Locale.ROOT)).doesNotContain(file.lastName().toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(text).as("counts only").matches("[^:]*(: \\d+ answers of \\d+ clients[^:]*)*: \\d+ clients.*");
    }
}
