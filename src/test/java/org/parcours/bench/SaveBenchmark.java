package org.parcours.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationDetails;
import org.parcours.evaluations.EvaluationService;
import org.parcours.formdef.ChoiceItem;
import org.parcours.formdef.DateItem;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.Item;
import org.parcours.formdef.NumberItem;
import org.parcours.formdef.RepeatItem;
import org.parcours.formdef.ScaleItem;
import org.parcours.formdef.ScaleValue;
import org.parcours.formdef.TextItem;
import org.parcours.formdef.YesNoItem;
import org.parcours.formrun.FormSession;
import org.parcours.testsupport.SqlCounts;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a unit test: rows per second of {@link EvaluationService#save} for new IMASP evaluations
 * with every item answered (all scale factors, texts, dates, choices and both repeats at their
 * maximum number of rows), next to a plain JdbcTemplate.batchUpdate of the same number of rows
 * into a scratch table shaped like submission_answer, measured alternately in one run, as a ratio.
 * Run with {@code ./mvnw test -Pbench}.
 */
@Tag("bench")
@Order(3)
@SpringBootTest(properties = BenchReport.NO_COMPONENT_TRACKER)
@WithUserDetails(TestUsers.WORKER_NORTH)
class SaveBenchmark {

    private static final int WARMUP = 15;
    private static final int RUNS = 31;
    private static final int MIN_ROWS = 200;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Environment environment;

    @Autowired
    ClientService clientService;

    private int clients;

    @Test
    void savingAnEvaluationComparedWithARawBatchInsert() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "BenchSave");
        EvaluationDetails blank = evaluations.blank(client.id(), "imasp");
        Map<String, String> answers = everything(blank.form().definition());

        // one probe save: stored rows by SQL, and the statements the database received for it (Hibernate and JDBC alike)
        SqlCounts.Counted<EvaluationDetails> probeSave = SqlCounts.of(transactions, jdbc, () -> evaluations.save(blank, answers));
        long probe = probeSave.result().id().orElseThrow();
        String firstScaleId = blank.form().definition().items().filter(ScaleItem.class::isInstance).findFirst().orElseThrow().id();
        EvaluationDetails probeBlank = evaluations.blank(data.client(TestUsers.TEAM_NORTH, "BenchProbe").id(), "imasp");
        SqlCounts.Counts oneAnswer = SqlCounts.counts(transactions, jdbc,
                () -> evaluations.save(probeBlank, Map.of(firstScaleId, answers.get(firstScaleId))));
        SqlCounts.Counts accessCheck = SqlCounts.counts(transactions, jdbc, () -> clientService.requireVisible(client.id()));
        long users = jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Long.class);
        int rowsPerSave = jdbc.queryForObject("""
                SELECT COUNT(*) FROM submission_answer a JOIN submission_revision r ON r.id = a.revision_id
                WHERE r.submission_id = ?""", Integer.class, probe);
        assertThat(rowsPerSave).isGreaterThanOrEqualTo(answers.size());
        int savesPerRun = (MIN_ROWS + rowsPerSave - 1) / rowsPerSave; // enough evaluations for >= 200 rows
        int rowsPerRun = savesPerRun * rowsPerSave;

        jdbc.execute("DROP TABLE IF EXISTS bench_answer");
        jdbc.execute("""
                CREATE TABLE bench_answer (revision_id BIGINT NOT NULL, item_id VARCHAR(120) NOT NULL,
                answer_value VARCHAR(4000), PRIMARY KEY (revision_id, item_id))""");
        List<Object[]> template = new ArrayList<>();
        jdbc.query("""
                SELECT a.item_id, a.answer_value FROM submission_answer a JOIN submission_revision r ON r.id = a.revision_id
                WHERE r.submission_id = ?""", rs -> {
            template.add(new Object[] {null, rs.getString(1), rs.getString(2)});
        }, probe);
        long[] revision = {1_000_000};

        long[] service = new long[RUNS];
        long[] raw = new long[RUNS];
        long[] fixed = new long[RUNS];
        Map<String, String> one = Map.of(firstScaleId, answers.get(firstScaleId));
        FormDefinition definition = blank.form().definition();
        long[] check = new long[RUNS];
        long[] access = new long[RUNS];
        try {
            for (int i = 0; i < WARMUP + RUNS; i++) {
                long s;
                long r;
                if (i % 2 == 0) {
                    s = saves(answers, savesPerRun);
                    r = batches(template, savesPerRun, revision);
                } else {
                    r = batches(template, savesPerRun, revision);
                    s = saves(answers, savesPerRun);
                }
                long f = saves(one, savesPerRun); // diagnostic: the cost of a save that is not per row
                long c0 = System.nanoTime();
                for (int k = 0; k < savesPerRun; k++) { // diagnostic: the in-memory checks save makes (as in validate)
                    FormSession.unknownPaths(definition, answers);
                    FormSession session = FormSession.resume(definition, answers, LocalDate.now());
                    session.formatIssues();
                    session.answersToStore();
                }
                long c = System.nanoTime() - c0;
                long a = accessChecks(client.id(), savesPerRun); // diagnostic: the reads save repeats, without writes
                if (i >= WARMUP) {
                    access[i - WARMUP] = a;
                    check[i - WARMUP] = c;
                    fixed[i - WARMUP] = f;
                    service[i - WARMUP] = s;
                    raw[i - WARMUP] = r;
                }
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bench_answer", Long.class))
                    .isEqualTo((long) (WARMUP + RUNS) * rowsPerRun);
        } finally {
            jdbc.execute("DROP TABLE IF EXISTS bench_answer");
        }

        String batch = environment.getProperty("spring.jpa.properties.hibernate.jdbc.batch_size", "(not set)");
        System.out.printf("%n== save benchmark: imasp, %d answers given, %d rows stored per evaluation, %d evaluations = %d rows per run,"
                + " %d runs after %d warm-up, alternating ==%n", answers.size(), rowsPerSave, savesPerRun, rowsPerRun, RUNS, WARMUP);
        System.out.printf("hibernate.jdbc.batch_size = %s; statements the database received (a JDBC batch counts once): one save %s%n",
                batch, probeSave.counts());
        System.out.printf("save with 1 answer %s (%d in all); one ClientService.requireVisible %s (with %d users in app_user)%n",
                oneAnswer, oneAnswer.total(), accessCheck, users);
        System.out.printf("%-52s %10s %10s %10s %12s%n", "figure (per run)", "median ms", "min ms", "max ms", "rows/s (med)");
        row("EvaluationService.save x " + savesPerRun + " (new evaluations, new clients)", service, rowsPerRun);
        row("JdbcTemplate.batchUpdate x " + savesPerRun + " (bench_answer)", raw, rowsPerRun);
        row("(diagnostic) EvaluationService.save x " + savesPerRun + ", 1 answer", fixed, savesPerRun);
        row("(diagnostic) in-memory checks of save x " + savesPerRun, check, rowsPerRun);
        row("(diagnostic) access checks of save x " + savesPerRun + ", no writes", access, savesPerRun);
        double serviceRate = rowsPerRun / (median(service) / 1e3);
        double rawRate = rowsPerRun / (median(raw) / 1e3);
        System.out.printf("ratio rows/s service / raw (median) %.2fx   [target >= 0.5x]   (min times) %.2fx%n", serviceRate / rawRate,
                (double) Arrays.stream(raw).min().orElseThrow() / Arrays.stream(service).min().orElseThrow());
        BenchReport.ratio("P3", "EvaluationService.save of new IMASPs vs JdbcTemplate.batchUpdate of the same rows (rows/s, median)",
                serviceRate, rawRate, "rows/s", 0.5, false, String.format(java.util.Locale.ROOT,
                        "%d rows per evaluation, %d evaluations per run, %d runs after %d warm-up, hibernate.jdbc.batch_size=%s",
                        rowsPerSave, savesPerRun, RUNS, WARMUP, batch));
        System.out.printf("per stored row beyond a 1-answer save: %.3f ms (service) vs %.3f ms (raw)%n%n",
                (median(service) - median(fixed)) / (rowsPerRun - savesPerRun), median(raw) / rowsPerRun);
    }

    /**
     * Saves {@code count} new evaluations, each for a new client (a client has a few evaluations,
     * not hundreds) and in its own transaction as the service does; returns the nanoseconds spent
     * in {@code save} only (creating the client and the blank evaluation is not timed).
     */
    private long saves(Map<String, String> answers, int count) {
        long total = 0;
        for (int k = 0; k < count; k++) {
            EvaluationDetails blank = evaluations.blank(data.client(TestUsers.TEAM_NORTH, "BenchSave" + clients++).id(), "imasp");
            long t0 = System.nanoTime();
            evaluations.save(blank, answers);
            total += System.nanoTime() - t0;
        }
        return total;
    }

    /**
     * The reads {@code save} makes besides its writes, in one transaction per save as there:
     * the current user, and the client access check twice (once before writing, once again for
     * the returned details). Returns nanoseconds.
     */
    private long accessChecks(long clientId, int count) {
        long t0 = System.nanoTime();
        for (int k = 0; k < count; k++) {
            transactions.executeWithoutResult(status -> {
                clientService.requireVisible(clientId);
                clientService.requireVisible(clientId);
            });
        }
        return System.nanoTime() - t0;
    }

    /** Inserts the same rows for {@code count} new revision ids, one transaction and one batch each; returns nanoseconds. */
    private long batches(List<Object[]> template, int count, long[] revision) {
        long t0 = System.nanoTime();
        for (int k = 0; k < count; k++) {
            long id = revision[0]++;
            List<Object[]> rows = template.stream().map(t -> new Object[] {id, t[1], t[2]}).toList();
            transactions.executeWithoutResult(status ->
                    jdbc.batchUpdate("INSERT INTO bench_answer (revision_id, item_id, answer_value) VALUES (?, ?, ?)", rows));
        }
        return System.nanoTime() - t0;
    }

    /** A valid answer for every answerable item; repeats at their maximum number of rows. */
    private static Map<String, String> everything(FormDefinition form) {
        Map<String, String> answers = new TreeMap<>();
        int[] n = {0};
        form.items().forEach(item -> {
            if (item instanceof RepeatItem repeat) {
                answers.put(repeat.id(), String.valueOf(repeat.max()));
                for (int row = 1; row <= repeat.max(); row++) {
                    for (Item child : repeat.items()) {
                        String value = value(child, n[0]++);
                        if (value != null) {
                            answers.put(repeat.id() + "." + row + "." + child.id(), value);
                        }
                    }
                }
            } else {
                String value = value(item, n[0]++);
                if (value != null) {
                    answers.put(item.id(), value);
                }
            }
        });
        return answers;
    }

    private static String value(Item item, int n) {
        return switch (item) {
            case ScaleItem scale -> {
                List<ScaleValue> values = scale.scale().values();
                yield values.get(n % values.size()).code();
            }
            case ChoiceItem choice -> {
                var options = choice.options().options();
                yield options.get(n % options.size()).code();
            }
            case TextItem text -> text.pattern().isPresent() ? null
                    : ("Réponse " + n + " : suivi en cours, rendez-vous pris avec le service partenaire.")
                            .substring(0, Math.min(text.maxLength(), 60));
            case NumberItem number -> number.kind() == NumberItem.Kind.INTEGER ? "3" : "12.50";
            case DateItem ignored -> "2025-0" + (1 + n % 9) + "-15";
            case YesNoItem ignored -> n % 2 == 0 ? "true" : "false";
            default -> null; // notes, computed values, nested repeats
        };
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static void row(String name, long[] values, int rows) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        double med = sorted[sorted.length / 2] / 1e6;
        System.out.printf("%-52s %10.2f %10.2f %10.2f %12.0f%n", name, med, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6, rows / (med / 1e3));
    }
}
