package org.parcours.evaluations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientSummary;
import org.parcours.database.TransientFailures;
import org.parcours.testsupport.LockWaits;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * A real deadlock on MariaDB during a user's save of a draft: another transaction holds the
 * audit trail's head row (which every audited save locks after writing its answers) and then asks
 * for the evaluation's row, which the save holds. InnoDB rolls back the lighter of the two, the
 * save (error 1213, as a Galera certification failure is reported); the retry of
 * {@code @RetryOnTransientFailure} runs it again and the user's answers are stored.
 */
@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
class DeadlockRetryTests {

    @Autowired
    EvaluationService evaluations;

    @Autowired
    TestData data;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String username;

    @Value("${spring.datasource.password:}")
    String password;

    @Autowired
    JdbcTemplate jdbc;

    private final ListAppender<ILoggingEvent> retries = new ListAppender<>();

    @BeforeEach
    void listen() {
        // ballast of the other transaction: many changed rows make it the heavier, so InnoDB picks the save as victim
        jdbc.execute("CREATE TABLE deadlock_ballast (id INT NOT NULL PRIMARY KEY) ENGINE = InnoDB");
        retries.start();
        ((Logger) LoggerFactory.getLogger(TransientFailures.class)).addAppender(retries);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(TransientFailures.class)).detachAppender(retries);
        jdbc.execute("DROP TABLE IF EXISTS deadlock_ballast");
    }

    @Test
    void aSaveChosenAsDeadlockVictimIsRunAgainAndTheAnswersAreStored() throws Exception {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Deadlock");
        EvaluationDetails draft = evaluations.save(evaluations.blank(client.id(), "imasp"), Map.of("illness", "A"));
        long id = draft.id().orElseThrow();

        CountDownLatch headHeld = new CountDownLatch(1);
        CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> {
            // connections of their own, not the application's pool: the save must not wait for one of those
            try (Connection db = DriverManager.getConnection(url, username, password);
                 Connection watch = DriverManager.getConnection(url, username, password)) {
                db.setAutoCommit(false);
                try (Statement st = db.createStatement()) {
                    st.executeUpdate("INSERT INTO deadlock_ballast (id) SELECT seq FROM seq_1_to_500");
                    st.executeQuery("SELECT last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE").close();
                }
                headHeld.countDown();
                LockWaits.awaitWaiterOf(db, watch);
                String outcome;
                try (PreparedStatement st = db.prepareStatement("SELECT id FROM submission WHERE id = ? FOR UPDATE")) {
                    st.setLong(1, id);
                    st.executeQuery().close();
                    outcome = "kept its locks";
                }
                db.rollback();
                return outcome;
            } catch (Exception e) {
                return "failed: " + e;
            }
        });

        assertThat(headHeld.await(30, TimeUnit.SECONDS)).as("the other transaction holds the audit head").isTrue();
        // the save in a thread of its own, as a request would be: nothing left in the test thread by earlier tests
        SecurityContext user = SecurityContextHolder.getContext();
        ExecutorService request = Executors.newSingleThreadExecutor();
        EvaluationDetails saved;
        try {
            saved = request.submit(() -> {
                SecurityContextHolder.setContext(user);
                try {
                    return evaluations.save(draft, Map.of("illness", "B", "homeless", "C"));
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }).get(90, TimeUnit.SECONDS);
        } finally {
            request.shutdownNow();
        }

        assertThat(other.get(60, TimeUnit.SECONDS)).as("the other transaction, heavier, was not the victim").isEqualTo("kept its locks");
        assertThat(saved.answers()).containsEntry("illness", "B").containsEntry("homeless", "C");
        assertThat(data.answerRows(id)).containsExactlyInAnyOrderEntriesOf(Map.of("illness", "B", "homeless", "C"));
        List<String> logged = retries.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(logged).as("the retry's log").anySatisfy(line -> assertThat(line)
                .startsWith("EvaluationService.save: rolled back by the database (error 1213").contains("attempt 2 of 3"));
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "evaluation", id)).as("one audit row per save that committed")
                .containsExactly("EVALUATION_CREATED", "EVALUATION_SAVED");
    }
}
