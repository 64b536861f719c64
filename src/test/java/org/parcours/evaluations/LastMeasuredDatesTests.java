package org.parcours.evaluations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.parcours.catalog.FormCatalog;
import org.parcours.clients.ClientSummary;
import org.parcours.formdef.BindingRole;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.ScaleItem;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The day of each client's last measurement (the worklist's and the agenda's freshness) comes from
 * a light query that reads, per submission, only the answer at the measurement date: the same
 * days as reading every measurement with all its answers (as it was read before), in no more
 * statements and far fewer rows.
 */
@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
class LastMeasuredDatesTests {

    private static final String FORM = "imasp";

    @Autowired
    EvaluationService evaluations;

    @Autowired
    FormCatalog catalog;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theLightQueryGivesTheSameDaysAsEveryMeasurementReadInFullWithFewerRowsRead() {
        FormDefinition form = catalog.current(FORM).definition();
        String dateItem = form.path(BindingRole.MEASUREMENT_DATE).orElseThrow();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        // an old measurement entered today with its date, and a later one without: the later one's submission day
        ClientSummary imported = data.client(TestUsers.TEAM_NORTH, "LightImported");
        submit(imported, full(form, dateItem, "2011-03-04"));
        submit(imported, full(form, dateItem, ""));
        // a measurement dated in the past is not fresh because it was entered today
        ClientSummary dated = data.client(TestUsers.TEAM_NORTH, "LightDated");
        submit(dated, full(form, dateItem, "2019-09-30"));
        submit(dated, full(form, dateItem, "2018-01-15"));
        // amended to an earlier date: the latest submitted revision counts, not the latest date of any revision
        ClientSummary amended = data.client(TestUsers.TEAM_NORTH, "LightAmended");
        EvaluationDetails first = submit(amended, full(form, dateItem, "2020-05-01"));
        EvaluationDetails amending = evaluations.amend(first.id().orElseThrow(), "Wrong day typed");
        evaluations.submit(amending, full(form, dateItem, "2020-04-01"));
        // a draft is no measurement
        ClientSummary drafting = data.client(TestUsers.TEAM_NORTH, "LightDraft");
        evaluations.save(evaluations.blank(drafting.id(), FORM), full(form, dateItem, "2021-02-02"));
        List<Long> clients = List.of(imported.id(), dated.id(), amended.id(), drafting.id());

        Map<Long, LocalDate> everyMeasurement = new HashMap<>();
        evaluations.measurementsOfClients(clients, FORM).forEach((client, found) ->
                everyMeasurement.put(client, LocalDate.ofInstant(found.getFirst().measuredAt(), ZoneOffset.UTC)));
        Map<Long, LocalDate> light = evaluations.lastSubmittedDates(clients, FORM);

        assertThat(light).isEqualTo(everyMeasurement).containsExactlyInAnyOrderEntriesOf(Map.of(
                imported.id(), today, dated.id(), LocalDate.of(2019, 9, 30), amended.id(), LocalDate.of(2020, 4, 1)));

        // what the day was read from before: the form's versions, then every measurement with all its answers
        Cost full = cost(() -> catalog.versionIds(FORM).isEmpty() ? Map.of() : evaluations.measurementsOfClients(clients, FORM));
        Cost lighter = cost(() -> evaluations.lastSubmittedDates(clients, FORM));
        System.out.println("last measured days: every measurement in full " + full + ", light query " + lighter);
        assertThat(lighter.statements()).as("statements").isLessThanOrEqualTo(full.statements());
        assertThat(lighter.rowsRead() * 3).as("rows read by MariaDB, a third at most").isLessThan(full.rowsRead());
    }

    private EvaluationDetails submit(ClientSummary client, Map<String, String> answers) {
        return evaluations.submit(evaluations.blank(client.id(), FORM), answers);
    }

    /** Every scale item answered, and the measurement date when given. */
    private static Map<String, String> full(FormDefinition form, String dateItem, String day) {
        Map<String, String> answers = new HashMap<>();
        form.items().filter(ScaleItem.class::isInstance).map(ScaleItem.class::cast)
                .forEach(item -> answers.put(item.id(), item.scale().values().getFirst().code()));
        if (!day.isEmpty()) {
            answers.put(dateItem, day);
        }
        return answers;
    }

    record Cost(long statements, long rowsRead) {
    }

    /**
     * The SELECTs the database received (whatever sent them: Hibernate or JDBC) and the rows
     * MariaDB's handlers read, by the session's counters (Com_select, Handler_read_*) on the one
     * connection of a surrounding transaction, for one call.
     */
    private Cost cost(Supplier<?> call) {
        return transactions.execute(status -> {
            long[] before = counters();
            long[] overhead = counters(); // what reading the counters itself reads
            long[] start = counters();
            call.get();
            long[] end = counters();
            long rows = end[1] - start[1] - (overhead[1] - before[1]);
            return new Cost(end[0] - start[0], rows);
        });
    }

    /** Com_select, then the sum of the Handler_read_* counters of this session. */
    private long[] counters() {
        long[] values = new long[2];
        jdbc.queryForList("SHOW SESSION STATUS WHERE Variable_name LIKE 'Handler_read%' OR Variable_name = 'Com_select'").forEach(row -> {
            long value = Long.parseLong(String.valueOf(row.get("Value")));
            values["Com_select".equals(String.valueOf(row.get("Variable_name"))) ? 0 : 1] += value;
        });
        return values;
    }
}
