package org.parcours.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A real deadlock on MariaDB: two transactions update two rows in opposite orders; the database
 * rolls one back (error 1213, as a Galera certification failure would be reported) and the retry
 * runs it again, so both changes are kept.
 */
@SpringBootTest
class TransientRetryTests {

    @Autowired
    TransientRetry retry;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void table() {
        jdbc.execute("CREATE TABLE retry_probe (id INT NOT NULL PRIMARY KEY, n INT NOT NULL) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci");
        jdbc.update("INSERT INTO retry_probe (id, n) VALUES (1, 0), (2, 0)");
    }

    @AfterEach
    void drop() {
        jdbc.execute("DROP TABLE IF EXISTS retry_probe");
    }

    @Test
    void theDeadlockVictimIsRunAgainAndBothChangesAreKept() throws Exception {
        CountDownLatch firstRowsTaken = new CountDownLatch(2);
        AtomicInteger runs = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> one = pool.submit(() -> retry.inTransaction(status -> crossUpdate(1, 2, firstRowsTaken, runs)));
            Future<Integer> two = pool.submit(() -> retry.inTransaction(status -> crossUpdate(2, 1, firstRowsTaken, runs)));
            assertThat(one.get(60, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(two.get(60, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(runs.get()).as("two units of work, one of them run twice").isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT n FROM retry_probe ORDER BY id", Integer.class)).containsExactly(2, 2);
    }

    @Test
    void aFailureThatKeepsComingBackIsReportedAfterTheLastAttempt() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> retry.inTransaction(status -> {
            runs.incrementAndGet();
            throw new org.springframework.dao.CannotAcquireLockException("always", new java.sql.SQLException("Deadlock found when trying to get lock", "40001", 1213));
        })).isInstanceOf(PessimisticLockingFailureException.class);
        assertThat(runs.get()).isEqualTo(TransientRetry.ATTEMPTS);
    }

    private int crossUpdate(int first, int second, CountDownLatch firstRowsTaken, AtomicInteger runs) {
        runs.incrementAndGet();
        jdbc.update("UPDATE retry_probe SET n = n + 1 WHERE id = ?", first);
        firstRowsTaken.countDown();
        try {
            firstRowsTaken.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return jdbc.update("UPDATE retry_probe SET n = n + 1 WHERE id = ?", second);
    }
}
