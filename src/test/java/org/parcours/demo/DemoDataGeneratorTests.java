package org.parcours.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.parcours.catalog.FormCatalog;
import org.parcours.demo.DemoDataGenerator.Plan;
import org.parcours.demo.DemoDataGenerator.PlannedClient;
import org.parcours.demo.DemoDataGenerator.Result;
import org.parcours.demo.DemoDataGenerator.Size;
import org.parcours.testsupport.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class DemoDataGeneratorTests {

    static final Size SMALL = new Size(2, 2, 2, 2);
    static final LocalDate UNTIL = LocalDate.of(2025, 6, 30);

    @Autowired
    DemoDataGenerator generator;

    @Autowired
    FormCatalog catalog;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    List<String> factors() {
        return DemoDataGenerator.factors(catalog.current(DemoDataGenerator.FORM));
    }

    @Test
    void theSameSeedPlansTheSameDataAndAnotherSeedOtherData() {
        Plan first = DemoDataGenerator.plan(42, SMALL, UNTIL, factors());
        Plan again = DemoDataGenerator.plan(42, SMALL, UNTIL, factors());
        Plan other = DemoDataGenerator.plan(43, SMALL, UNTIL, factors());

        assertThat(again).isEqualTo(first);
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(other.fingerprint()).isNotEqualTo(first.fingerprint());
        assertThat(first.clients()).hasSize(SMALL.teams() * SMALL.clientsPerTeam());
        // every ~4 months over 2 years, from a follow-up start within the first two thirds
        assertThat(first.clients()).allSatisfy(c -> assertThat(c.measurements().size()).isBetween(2, 8));
        assertThat(first.clients()).allSatisfy(c -> assertThat(c.measurements())
                .allSatisfy(m -> assertThat(m.answers()).containsKeys("illness", "track")));
        Set<String> codes = first.clients().stream().flatMap(c -> c.measurements().stream())
                .flatMap(m -> m.answers().values().stream()).collect(Collectors.toSet());
        assertThat(codes).contains("A", "B", "C");
    }

    @Test
    void generatesThePlanThroughTheServicesAndRefusesTheSameSeedTwice() {
        long seed = 7_000_000L + System.nanoTime() % 1_000_000L; // a seed not used by another run on this database
        Result result = generator.generate(seed, SMALL, UNTIL);
        Plan plan = result.plan();
        assertThat(plan).isEqualTo(DemoDataGenerator.plan(seed, SMALL, UNTIL, factors()));

        // what is stored reads back as the plan: names, days, versions and codes
        List<Long> versions = result.formVersionIds();
        assertThat(new HashSet<>(versions)).hasSize(3);
        StringBuilder stored = new StringBuilder();
        List<Set<Long>> versionsPerClient = new ArrayList<>();
        for (long clientId : result.clientIds()) {
            Set<Long> clientVersions = new HashSet<>();
            for (Map<String, Object> row : jdbc.queryForList("""
                    SELECT t.name, c.first_name, c.last_name, e.id, e.form_version_id, r.submitted_at, e.created_at
                    FROM client c JOIN team t ON t.id = c.team_id JOIN submission e ON e.client_id = c.id AND e.kind = 'EVALUATION'
                    JOIN submission_revision r ON r.submission_id = e.id
                    WHERE c.id = ? AND r.status = 'SUBMITTED' AND e.form_version_id IN (%s) ORDER BY r.submitted_at"""
                    .formatted(ids(versions)), clientId)) {
                long evaluationId = ((Number) row.get("id")).longValue();
                long versionId = ((Number) row.get("form_version_id")).longValue();
                LocalDateTime submitted = dateTime(row.get("submitted_at"));
                assertThat(dateTime(row.get("created_at"))).isEqualTo(submitted);
                clientVersions.add(versionId);
                stored.append(DemoDataGenerator.fingerprintLine((String) row.get("name"), (String) row.get("first_name"),
                        (String) row.get("last_name"), submitted.toLocalDate(), versions.indexOf(versionId),
                        data.answerRows(evaluationId))).append('\n');
            }
            versionsPerClient.add(clientVersions);
        }
        assertThat(DemoDataGenerator.sha256(stored.toString())).isEqualTo(plan.fingerprint());
        assertThat(result.evaluationIds()).hasSize(plan.measurementCount());
        assertThat(result.clientIds()).hasSize(SMALL.teams() * SMALL.clientsPerTeam());
        assertThat(result.usernames()).hasSize(SMALL.teams() * SMALL.workersPerTeam());

        // a client followed across the three versions: the factor added later is empty in the oldest
        int spanning = versionsPerClient.indexOf(Set.copyOf(versions));
        assertThat(spanning).isNotNegative();
        PlannedClient client = plan.clients().get(spanning);
        assertThat(client.measurements().getFirst().version()).isZero();
        assertThat(data.answerRows(result.evaluationIds().get(indexOfFirstMeasurement(plan, spanning))))
                .doesNotContainKey(DemoDataGenerator.ADDED_FACTOR).containsKey("illness");
        assertThat(client.measurements().getLast().answers()).containsKey(DemoDataGenerator.ADDED_FACTOR);
        assertThat(catalog.version(versions.get(0)).definition().item(DemoDataGenerator.ADDED_FACTOR)).isEmpty();
        assertThat(catalog.version(versions.get(1)).definition().item(DemoDataGenerator.ADDED_FACTOR)).isPresent();
        assertThat(catalog.version(versions.get(1)).definition().item(DemoDataGenerator.RENAMED_FACTOR).orElseThrow().label())
                .isNotEqualTo(catalog.version(versions.get(2)).definition().item(DemoDataGenerator.RENAMED_FACTOR).orElseThrow().label());
        assertThat(versions.get(2)).isEqualTo(catalog.current(DemoDataGenerator.FORM).versionId());

        // the case work beside the measurements: the whole product has something to show
        DemoCaseWork.Result work = result.caseWork();
        assertThat(work.contractIds()).hasSize(SMALL.teams() * 2);
        List<Map<String, Object>> contracts = jdbc.queryForList("SELECT status, end_date FROM masp_contract WHERE id IN ("
                + ids(work.contractIds()) + ")");
        assertThat(contracts).extracting(r -> r.get("status")).containsOnly("SIGNED");
        // masp.evaluate_before_end (one month): one contract per team is due for its evaluation on the last day, the other not yet
        assertThat(contracts).filteredOn(r -> !date(r.get("end_date")).minusMonths(1).isAfter(UNTIL)).hasSize(SMALL.teams());
        assertThat(work.aidRequestIds()).hasSize(SMALL.teams() * 2);
        assertThat(jdbc.queryForList("SELECT decision FROM aid_scheme_request WHERE request_id IN (" + ids(work.aidRequestIds()) + ")",
                String.class)).contains("GRANTED", "PARTLY_GRANTED", "PENDING");
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT e.id) FROM submission e JOIN form_version v ON v.id = e.form_version_id"
                + " JOIN submission_revision r ON r.submission_id = e.id AND r.status = 'SUBMITTED'"
                + " WHERE e.kind = 'EVALUATION' AND v.form_key = ? AND e.id IN (" + ids(work.supportPlanIds()) + ")", Long.class,
                DemoCaseWork.SUPPORT_PLAN)).isEqualTo(SMALL.teams());
        assertThat(jdbc.queryForList("SELECT status FROM committee_meeting WHERE id IN (" + ids(work.meetingIds()) + ") ORDER BY id",
                String.class)).containsExactly("CLOSED", "OPEN");
        assertThat(work.agendaItemIds()).isNotEmpty();
        assertThat(work.decisionIds()).isNotEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM committee_decision WHERE notified_on IS NOT NULL AND id IN ("
                + ids(work.decisionIds()) + ")", Long.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM committee_agenda_item WHERE meeting_id = ?", Long.class,
                work.meetingIds().getLast())).isPositive();

        long evaluationsBefore = data.count("submission");
        assertThatThrownBy(() -> generator.generate(seed, SMALL, UNTIL))
                .isInstanceOf(DemoDataGenerator.AlreadyGeneratedException.class).hasMessageContaining("seed " + seed);
        assertThat(data.count("submission")).isEqualTo(evaluationsBefore);
    }

    @Test
    void theStartUpRunnerLogsInsteadOfFailingWhenTheSeedExists() {
        long seed = 8_000_000L + System.nanoTime() % 1_000_000L;
        DemoDataRunner runner = new DemoDataRunner(generator, seed, 1, 1, 1, 1);
        runner.run(null);
        long clients = data.count("client");

        runner.run(null); // refused with a log message; the application goes on starting

        assertThat(data.count("client")).isEqualTo(clients);
        assertThat(data.count("team WHERE name = '" + DemoDataGenerator.teamName(seed, 0) + "'")).isOne();
    }

    @Test
    void theFirstStartGeneratesTheDemoOnlyOnADatabaseWithoutClients() {
        long seed = 9_000_000L + System.nanoTime() % 1_000_000L;
        FirstStartDemo withClients = new FirstStartDemo(generator, null, seed, "", 1, 1, 1, 1);
        assertThat(withClients.run(false)).isFalse();
        assertThat(data.count("team WHERE name = '" + DemoDataGenerator.teamName(seed, 0) + "'")).isZero();

        assertThat(new FirstStartDemo(generator, null, seed, "42", 1, 1, 1, 1).run(true)).as("a seed given explicitly wins").isFalse();
        assertThat(new FirstStartDemo(generator, null, 0, "", 1, 1, 1, 1).run(true)).as("seed 0: no demo").isFalse();

        assertThat(withClients.run(true)).isTrue();
        assertThat(data.count("team WHERE name = '" + DemoDataGenerator.teamName(seed, 0) + "'")).isOne();
        assertThat(data.count("committee_meeting")).isPositive();
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static LocalDateTime dateTime(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
    }

    private static int indexOfFirstMeasurement(Plan plan, int clientIndex) {
        int index = 0;
        for (int i = 0; i < clientIndex; i++) {
            index += plan.clients().get(i).measurements().size();
        }
        return index;
    }
}
