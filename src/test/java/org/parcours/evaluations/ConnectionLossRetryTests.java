package org.parcours.evaluations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
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
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * A user's save whose database connection dies in the middle of its transaction, as when the
 * database node it writes to is killed: the save is held on the audit trail's head row by another
 * transaction, its connection is killed on the server ({@code KILL CONNECTION}) while it waits,
 * and the retry of {@code @RetryOnTransientFailure} runs it again on a new connection. The server
 * rolled back the first attempt, so the answers are stored once, with one audit row.
 */
@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
class ConnectionLossRetryTests {

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

    private final ListAppender<ILoggingEvent> retries = new ListAppender<>();

    @BeforeEach
    void listen() {
        retries.start();
        ((Logger) LoggerFactory.getLogger(TransientFailures.class)).addAppender(retries);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(TransientFailures.class)).detachAppender(retries);
    }

    @Test
    void aSaveWhoseConnectionIsKilledBeforeItsCommitIsRunAgainOnANewConnection() throws Exception {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Coupure");
        EvaluationDetails draft = evaluations.save(evaluations.blank(client.id(), "imasp"), Map.of("illness", "A"));
        long id = draft.id().orElseThrow();

        CountDownLatch headHeld = new CountDownLatch(1);
        CompletableFuture<String> killer = CompletableFuture.supplyAsync(() -> {
            // connections of their own, not the application's pool
            try (Connection holder = DriverManager.getConnection(url, username, password);
                 Connection watch = DriverManager.getConnection(url, username, password)) {
                holder.setAutoCommit(false);
                try (Statement st = holder.createStatement()) {
                    st.executeQuery("SELECT last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE").close();
                }
                headHeld.countDown();
                long saving = LockWaits.awaitWaiterOf(holder, watch);
                try (Statement st = watch.createStatement()) {
                    st.execute("KILL CONNECTION " + saving);
                }
                holder.rollback();
                return "killed connection " + saving;
            } catch (Exception e) {
                return "failed: " + e;
            }
        });

        assertThat(headHeld.await(30, TimeUnit.SECONDS)).as("the other transaction holds the audit head").isTrue();
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

        assertThat(killer.get(60, TimeUnit.SECONDS)).startsWith("killed connection");
        assertThat(saved.answers()).containsEntry("illness", "B").containsEntry("homeless", "C");
        assertThat(data.answerRows(id)).containsExactlyInAnyOrderEntriesOf(Map.of("illness", "B", "homeless", "C"));
        List<String> logged = retries.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(logged).as("the retry's log").anySatisfy(line -> assertThat(line)
                .startsWith("EvaluationService.save: rolled back by the database (connection lost before the commit").contains("attempt 2 of 3"));
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "evaluation", id)).as("one audit row per save that committed")
                .containsExactly("EVALUATION_CREATED", "EVALUATION_SAVED");
    }
}
