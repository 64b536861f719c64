package org.parcours.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.committee.history.FactorRow;
import org.parcours.committee.history.ScoreCell;
import org.parcours.committee.history.ScoreHistory;
import org.parcours.evaluations.EvaluationDetails;
import org.parcours.evaluations.EvaluationService;
import org.parcours.testsupport.SqlCounts;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/*
 * Statistics are switched on at run time around the measured calls rather than with
 * spring.jpa.properties.hibernate.generate_statistics: a different property set would start a
 * separate Spring context, whose Vaadin security-context strategy then disturbed other test
 * classes' @WithUserDetails in the same JVM.
 */
@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
class HistoryServiceTests {

    @Autowired
    HistoryService history;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    ClientService clients;

    @Autowired
    TestData data;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private static final String[] CODES = {"A", "B", "C", "NVT", "?"};

    private Statistics statistics() {
        return entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
    }

    /**
     * The statements that read, whatever sent them (Hibernate or JDBC): the SELECTs the database
     * received, less the audit chain head's lock of each audit row written.
     */
    private long statements(Runnable action) {
        long audit = data.count("audit_event");
        SqlCounts.Counts counts = SqlCounts.counts(transactions, jdbc, action);
        return counts.selects() - (data.count("audit_event") - audit);
    }

    private long collectionFetches(Runnable action) {
        return measured(action).getCollectionFetchCount();
    }

    private Statistics measured(Runnable action) {
        Statistics statistics = statistics();
        statistics.clear();
        statistics.setStatisticsEnabled(true);
        try {
            action.run();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
        return statistics;
    }

    @Test
    void theWholeHistoryOf24MeasurementsIsLoadedInAtMostThreeStatementsBesidesTheAccessCheck() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "History24");
        for (int i = 0; i < 24; i++) {
            evaluations.submit(evaluations.blank(client.id(), "imasp"),
                    Map.of("illness", CODES[i % 5], "homeless", CODES[(i + 1) % 5], "hygiene", "B"));
        }
        ClientSummary single = data.client(TestUsers.TEAM_NORTH, "History1");
        evaluations.submit(evaluations.blank(single.id(), "imasp"), Map.of("illness", "A"));
        history.history(client.id(), "imasp"); // warms the catalog's version cache like any earlier page

        long accessCheck = statements(() -> clients.requireVisible(client.id()));
        long whole = statements(() -> {
            ScoreHistory h = history.history(client.id(), "imasp").history();
            assertThat(h.columns()).hasSize(24);
            assertThat(h.row("hygiene").orElseThrow().cells()).allSatisfy(c -> assertThat(c).map(ScoreCell::code).contains("B"));
        });
        long wholeForOne = statements(() -> history.history(single.id(), "imasp"));
        System.out.printf("HISTORY-STATEMENTS: access check %d, whole history of 24 measurements %d (measurements %d), of 1 measurement %d%n",
                accessCheck, whole, whole - accessCheck, wholeForOne);

        System.out.printf("history page statements: access check %d, whole page %d (24 measurements), %d (1 measurement)%n",
                accessCheck, whole, wholeForOne);
        assertThat(whole - accessCheck).as("statements loading the 24 measurements and their answers").isLessThanOrEqualTo(3);
        assertThat(whole).as("no statement per measurement").isEqualTo(wholeForOne);
        assertThat(collectionFetches(() -> history.history(client.id(), "imasp")))
                .as("answers come with their revisions: no collection fetch besides the access check's")
                .isEqualTo(collectionFetches(() -> clients.requireVisible(client.id())));
    }

    @Test
    void theLatestSubmittedRevisionOfEachEvaluationCountsAndDraftsDoNot() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "HistoryRevisions");
        EvaluationDetails first = evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "C"));
        EvaluationDetails amended = evaluations.amend(first.id().orElseThrow(), "Correction");
        evaluations.submit(amended, Map.of("illness", "B"));
        EvaluationDetails second = evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "A"));
        evaluations.amend(second.id().orElseThrow(), "Amendement en cours"); // a draft revision 2: revision 1 still counts
        evaluations.save(evaluations.blank(client.id(), "imasp"), Map.of("illness", "C")); // a draft: not a measurement

        HistoryService.ClientHistory page = history.history(client.id(), "imasp");

        assertThat(page.client().id()).isEqualTo(client.id());
        FactorRow illness = page.history().row("illness").orElseThrow();
        assertThat(illness.cells()).extracting(c -> c.map(ScoreCell::code).orElse("")).containsExactly("A", "B");
        assertThat(page.history().columns()).allSatisfy(c -> assertThat(c.author()).isEqualTo(TestUsers.WORKER_NORTH));
    }

    @Test
    void anotherTeamsClientIsNotFound() {
        ClientSummary south = data.client(TestUsers.TEAM_SOUTH, "HistorySouth");

        assertThatThrownBy(() -> history.history(south.id(), "imasp")).isInstanceOf(ClientNotFoundException.class);
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "client", south.id())).contains("ACCESS_DENIED");
    }

    @Test
    void readingAHistoryIsAuditedWithOneInsert() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "HistoryAudited");
        evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "A"));

        Statistics statistics = measured(() -> history.history(client.id(), "imasp"));

        assertThat(statistics.getEntityInsertCount()).isEqualTo(1);
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "client", client.id())).containsSubsequence("HISTORY_READ");
    }
}
