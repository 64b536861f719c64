package org.parcours.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.communication.UidlWriter;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.committee.MeetingService;
import org.parcours.committee.ui.AgendaHistoriesView;
import org.parcours.committee.ui.MeetingsView;
import org.parcours.demo.DemoDataGenerator;
import org.parcours.demo.DemoDataGenerator.PlannedClient;
import org.parcours.demo.DemoDataGenerator.PlannedMeasurement;
import org.parcours.formdef.ScaleItem;
import org.parcours.testsupport.SqlCounts;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * P4: the committee's agenda histories page (AgendaHistoriesView) for a meeting with 50 clients of
 * 24 IMASP measurements each: SQL statements per page (the database's session counters, the whole navigation:
 * access check, view, service) and the server time to render it (navigation + the UIDL response).
 *
 * <p>Data: the deterministic demo generator's plan ({@link DemoDataGenerator#plan}, seed
 * {@value #SEED}, two teams of 25 clients over 30 years so that every client has at least 24
 * measurements); each client's last 24 planned measurements are written with JDBC batches on the
 * live IMASP version, as AgendaHistoriesTests does (1,200 submits through the services would take
 * minutes on this machine and measure the save path, not this page).
 */
@Tag("bench")
@Order(4)
@SpringBootTest(properties = BenchReport.NO_COMPONENT_TRACKER)
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.COMMITTEE)
class HistoryPageBenchmark extends SpringBrowserlessTest {

    private static final long SEED = 2026;
    private static final int CLIENTS_PER_TEAM = 25;
    private static final int MEASUREMENTS = 24;
    private static final int WARMUP = 1;
    private static final int RUNS = 5;

    @Autowired
    MeetingService meetings;

    @Autowired
    FormCatalog catalog;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void historiesPageOf50ClientsWith24Measurements() {
        long meetingId = meetingFromDemoPlan();
        Map<String, String> parameters = Map.of(AgendaHistoriesView.MEETING_ID, String.valueOf(meetingId));

        long[] navigation = new long[RUNS];
        long[] withResponse = new long[RUNS];
        long[] statements = new long[RUNS];
        long[] service = new long[RUNS];
        long[] serviceStatements = new long[RUNS];
        long[] sizes = new long[RUNS];
        long[] inserts = new long[RUNS];
        long[] allDrawn = new long[RUNS];
        long[] allSizes = new long[RUNS];
        int cells = 0;
        int firstCells = 0;
        for (int i = 0; i < WARMUP + RUNS; i++) {
            navigate(MeetingsView.class); // leave the page, so each run builds it anew
            new UidlWriter().createUidl(UI.getCurrent(), false);
            long t0 = System.nanoTime();
            navigate(AgendaHistoriesView.class, parameters);
            long t1 = System.nanoTime();
            int size = new UidlWriter().createUidl(UI.getCurrent(), false).toString().length();
            long t2 = System.nanoTime();
            if (i == WARMUP + RUNS - 1) {
                firstCells = cells(UI.getCurrent());
            }
            // then every grid, as "show all" (or scrolling the whole page) draws them
            long d0 = System.nanoTime();
            test(find(com.vaadin.flow.component.button.Button.class).id("histories-show-all")).click();
            int allSize = new UidlWriter().createUidl(UI.getCurrent(), false).toString().length();
            long d1 = System.nanoTime();
            if (i == WARMUP + RUNS - 1) {
                cells = cells(UI.getCurrent());
            }
            long s0 = System.nanoTime();
            meetings.agendaHistories(meetingId, "imasp");
            long s1 = System.nanoTime();
            // the statements the database received (Hibernate and JDBC alike), counted apart from the timed runs: the page
            // view, then the service alone; an audit row (the read's) locks the audit chain's head with a SELECT
            navigate(MeetingsView.class);
            long auditBefore = data.count("audit_event");
            SqlCounts.Counts page = SqlCounts.counts(transactions, jdbc, () -> navigate(AgendaHistoriesView.class, parameters));
            long audited = data.count("audit_event") - auditBefore;
            long count = page.selects() - audited;
            auditBefore = data.count("audit_event");
            SqlCounts.Counts alone = SqlCounts.counts(transactions, jdbc, () -> meetings.agendaHistories(meetingId, "imasp"));
            long serviceCount = alone.selects() - (data.count("audit_event") - auditBefore);
            System.out.printf("history page run %d: %d statements, navigation %.0f ms, + response %.0f ms (%d characters)%n",
                    i + 1, count, (t1 - t0) / 1e6, (t2 - t0) / 1e6, size);
            if (i >= WARMUP) {
                int k = i - WARMUP;
                navigation[k] = t1 - t0;
                withResponse[k] = t2 - t0;
                statements[k] = count;
                inserts[k] = audited;
                service[k] = s1 - s0;
                serviceStatements[k] = serviceCount;
                sizes[k] = size;
                allDrawn[k] = d1 - d0;
                allSizes[k] = allSize;
            }
            assertThat(size).isPositive();
        }
        long maxStatements = Arrays.stream(statements).max().orElseThrow();
        long maxServiceStatements = Arrays.stream(serviceStatements).max().orElseThrow();
        System.out.printf("%n== history page benchmark: 50 clients x %d measurements (demo plan seed %d), %d runs after %d warm-up ==%n",
                MEASUREMENTS, SEED, RUNS, WARMUP);
        System.out.printf("coloured cells on the page: %d; reading statements per page (database counters): max %d; service alone: max %d%n",
                cells, maxStatements, maxServiceStatements);
        System.out.printf("navigation median %.1f ms, + UIDL response median %.1f ms, service alone median %.1f ms%n%n",
                median(navigation), median(withResponse), median(service));
        BenchReport.atMost("P4", "SQL reading statements per page view (navigation to AgendaHistoriesView, max of runs)", maxStatements, 3,
                "statements", BenchReport.target("P4"), String.format(Locale.ROOT,
                        "SELECTs the database received (SHOW SESSION STATUS, the page view in one transaction), less the audit chain "
                                + "head's lock of each audit row (the read's: %d row); service alone %d; %d cells when every grid is drawn", Arrays.stream(inserts).max().orElseThrow(), maxServiceStatements, cells));
        BenchReport.atMost("P4", "server render time of the page (navigation + UIDL response, median)", median(withResponse), 300, "ms",
                BenchReport.target("P4"), String.format(Locale.ROOT, "navigation alone %.1f ms, MeetingService.agendaHistories alone %.1f ms; "
                        + "%d runs after %d warm-up; browserless, development mode (component tracker off); the first client's grid drawn "
                        + "(%d cells), the 49 others on demand", median(navigation), median(service), RUNS, WARMUP, firstCells));
        BenchReport.atMost("P4", "UIDL response of the page (max of runs)", Arrays.stream(sizes).max().orElseThrow() / 1048576.0, 1.0, "MB",
                BenchReport.target("P4"), String.format(Locale.ROOT, "%d characters", Arrays.stream(sizes).max().orElseThrow()));
        BenchReport.record(new BenchReport.Figure("P4", "then every grid drawn at once (show all: server time + UIDL response, median)",
                BenchReport.format(median(allDrawn), "ms"), "-", "-", "printed (no target)", BenchReport.Status.INFO,
                String.format(Locale.ROOT, "%d cells, %.2f MB of UIDL (one element per client: server-written HTML)", cells,
                        Arrays.stream(allSizes).max().orElseThrow() / 1048576.0)));
        assertThat(cells).isGreaterThanOrEqualTo(50 * MEASUREMENTS);
    }

    /** A meeting whose agenda holds the 50 clients of the demo plan, each with its last 24 measurements. */
    private long meetingFromDemoPlan() {
        PublishedForm live = catalog.current("imasp");
        List<String> factors = live.definition().allItems().filter(ScaleItem.class::isInstance).map(i -> i.id()).toList();
        DemoDataGenerator.Plan plan = DemoDataGenerator.plan(SEED, new DemoDataGenerator.Size(2, 1, CLIENTS_PER_TEAM, 30),
                LocalDate.of(2026, 11, 1), factors);
        long meetingId = meetings.create(LocalDate.of(2026, 11, 20), List.of("Alice")).id();
        Timestamp now = new Timestamp(System.currentTimeMillis());
        List<Object[]> items = new ArrayList<>();
        List<Object[]> evaluations = new ArrayList<>();
        List<List<Map<String, String>>> answersByClient = new ArrayList<>();
        List<Long> clientIds = new ArrayList<>();
        for (PlannedClient planned : plan.clients()) {
            assertThat(planned.measurements()).as("measurements planned for a client").hasSizeGreaterThanOrEqualTo(MEASUREMENTS);
            long clientId = data.client(planned.team() == 0 ? TestUsers.TEAM_NORTH : TestUsers.TEAM_SOUTH, planned.lastName()).id();
            clientIds.add(clientId);
            items.add(new Object[] {meetingId, clientId, "AID_REQUEST", TestUsers.WORKER_NORTH, now});
            List<PlannedMeasurement> last = planned.measurements().subList(planned.measurements().size() - MEASUREMENTS, planned.measurements().size());
            List<Map<String, String>> answers = new ArrayList<>();
            for (PlannedMeasurement m : last) {
                Timestamp at = Timestamp.from(m.submittedAt());
                evaluations.add(new Object[] {clientId, live.versionId(), "EVALUATION", at, TestUsers.WORKER_NORTH, at, TestUsers.WORKER_NORTH});
                answers.add(m.answers());
            }
            answersByClient.add(answers);
        }
        jdbc.batchUpdate("INSERT INTO committee_agenda_item (meeting_id, client_id, question, proposed_by, proposed_at) VALUES (?, ?, ?, ?, ?)",
                items);
        jdbc.batchUpdate("INSERT INTO submission (client_id, form_version_id, kind, created_at, created_by, updated_at, updated_by, version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 0)", evaluations);
        String in = String.join(",", clientIds.stream().map(String::valueOf).toList());
        List<Object[]> revisions = jdbc.query("SELECT id, created_at FROM submission WHERE kind = 'EVALUATION' AND client_id IN (" + in + ") ORDER BY id",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getTimestamp(2), TestUsers.WORKER_NORTH, rs.getTimestamp(2), TestUsers.WORKER_NORTH,
                        rs.getTimestamp(2), TestUsers.WORKER_NORTH});
        jdbc.batchUpdate("INSERT INTO submission_revision (submission_id, revision_number, status, created_at, created_by, updated_at, "
                + "updated_by, submitted_at, submitted_by, version) VALUES (?, 1, 'SUBMITTED', ?, ?, ?, ?, ?, ?, 0)", revisions);
        // revisions in evaluation id order = clients in plan order, each client's measurements in plan order
        List<Long> revisionIds = jdbc.queryForList("SELECT r.id FROM submission_revision r JOIN submission e ON e.id = r.submission_id "
                + "WHERE e.kind = 'EVALUATION' AND e.client_id IN (" + in + ") ORDER BY e.id", Long.class);
        List<Object[]> rows = new ArrayList<>();
        int r = 0;
        for (List<Map<String, String>> answers : answersByClient) {
            for (Map<String, String> measurement : answers) {
                long revisionId = revisionIds.get(r++);
                measurement.forEach((item, value) -> rows.add(new Object[] {revisionId, item, value}));
            }
        }
        jdbc.batchUpdate("INSERT INTO submission_answer (revision_id, item_id, answer_value) VALUES (?, ?, ?)", rows);
        System.out.printf("%nhistory page data: %d clients, %d measurements, %d answer rows (demo plan fingerprint %s)%n",
                clientIds.size(), evaluations.size(), rows.size(), plan.fingerprint().substring(0, 12));
        return meetingId;
    }

    /** The coloured score cells drawn on the page (in the HTML of each client's grid). */
    private static int cells(Component root) {
        int count = 0;
        if (root.getElement().getClassList().contains("score-grid-host")) {
            count += (int) CELL.matcher(root.getElement().getProperty("innerHTML", "")).results().count();
        }
        for (Component child : root.getChildren().toList()) {
            count += cells(child);
        }
        return count;
    }

    private static final java.util.regex.Pattern CELL = java.util.regex.Pattern.compile("id=\"histories-\\d+-cell-");

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
