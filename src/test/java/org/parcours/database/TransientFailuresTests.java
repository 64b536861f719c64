package org.parcours.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are worth another attempt, and how many attempts there are (no database needed). */
class TransientFailuresTests {

    private static final SQLException DEADLOCK = new SQLException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
    private static final SQLException WSREP = new SQLException("WSREP has not yet prepared node for application use", "08S01", 1047);

    @Test
    void aDeadlockOrCertificationFailureAnywhereInTheCausesIsTransient() {
        assertThat(TransientFailures.transientCause(DEADLOCK)).hasValueSatisfying(c -> assertThat(c).contains("1213"));
        assertThat(TransientFailures.transientCause(new CannotAcquireLockException("flush", DEADLOCK))).isPresent();
        // a commit refused by Galera's certification reaches the service wrapped twice
        assertThat(TransientFailures.transientCause(new JpaSystemException(new RuntimeException("commit", DEADLOCK)))).isPresent();
        assertThat(TransientFailures.transientCause(new SQLException("serialization failure", "40001", 0))).isPresent();
    }

    @Test
    void aGaleraNodeNotReadyIsTransientButTheSameCodeOutsideGaleraIsNot() {
        assertThat(TransientFailures.transientCause(new SQLTransientConnectionException("x", "08S01", 0, WSREP))).isPresent();
        assertThat(TransientFailures.transientCause(new SQLException("Unknown command", "08S01", 1047))).isEmpty();
    }

    @Test
    void aFailureHiddenBehindTheFailedRollbackOfItsClosedConnectionIsFound() {
        // Hikari closes a connection refused with 08S01, so Spring's rollback fails and throws that instead
        TransactionSystemException rollback = new TransactionSystemException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException("insert", WSREP));
        assertThat(TransientFailures.transientCause(rollback)).hasValueSatisfying(c -> assertThat(c).contains("1047"));
        TransactionSystemException plain = new TransactionSystemException("Unable to rollback", new SQLException("Connection is closed"));
        plain.initApplicationException(new IllegalStateException("a bug"));
        assertThat(TransientFailures.transientCause(plain)).isEmpty();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(TransientFailures.transientCause(new DataIntegrityViolationException("dup",
                new SQLException("Duplicate entry", "23000", 1062)))).isEmpty();
        assertThat(TransientFailures.transientCause(new SQLException("Lock wait timeout exceeded", "HY000", 1205))).isEmpty();
        assertThat(TransientFailures.transientCause(new IllegalStateException("no SQL at all"))).isEmpty();
        assertThat(TransientFailures.transientCause(new CannotAcquireLockException("no SQL cause"))).isEmpty();
    }

    @Test
    void aTransientFailureIsTriedAgainUntilItPasses() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        String result = TransientFailures.retry("probe", () -> {
            if (runs.incrementAndGet() < 3) {
                throw new CannotAcquireLockException("victim", DEADLOCK);
            }
            return "saved";
        });
        assertThat(result).isEqualTo("saved");
        assertThat(runs).hasValue(3);
    }

    @Test
    void aTransientFailureThatKeepsComingBackIsThrownAfterTheLastAttempt() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> TransientFailures.retry("probe", () -> {
            runs.incrementAndGet();
            throw new CannotAcquireLockException("victim", DEADLOCK);
        })).isInstanceOf(CannotAcquireLockException.class);
        assertThat(runs).hasValue(TransientFailures.ATTEMPTS);
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> TransientFailures.retry("probe", () -> {
            runs.incrementAndGet();
            throw new IllegalArgumentException("bad input");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(runs).hasValue(1);
    }

    @Test
    void thePauseIsRandomAndGrowsWithTheAttempt() {
        for (int i = 0; i < 50; i++) {
            assertThat(TransientFailures.pause(1)).isBetween(20L, 79L);
            assertThat(TransientFailures.pause(2)).isBetween(40L, 158L);
        }
    }

    /** A lost connection as the driver reports it, thrown from this driver method. */
    private static SQLException lostIn(String driverClass, String method) {
        SQLException lost = new java.sql.SQLNonTransientConnectionException("(conn=144) Socket error", "08000");
        lost.setStackTrace(new StackTraceElement[] {
                new StackTraceElement(driverClass, method, "Driver.java", 1),
                new StackTraceElement("org.springframework.orm.jpa.JpaTransactionManager", "doCommit", "JpaTransactionManager.java", 1)});
        return lost;
    }

    @Test
    void aConnectionLostBeforeTheCommitIsTransientEvenInAFlushAtCommitTime() {
        // a statement flushed by Hibernate at commit time: Spring's commit is on the stack, the driver's is not
        SQLException inStatement = lostIn("org.mariadb.jdbc.ClientPreparedStatement", "executeUpdate");
        assertThat(TransientFailures.transientCause(new org.springframework.dao.DataAccessResourceFailureException("flush", inStatement)))
                .hasValueSatisfying(c -> assertThat(c).startsWith("connection lost before the commit (08000)"));
        assertThat(TransientFailures.connectionLost(inStatement)).isTrue();
        assertThat(TransientFailures.outcomeUnknown(inStatement)).isFalse();
        assertThat(TransientFailures.transientCause(new SQLException("Connection was killed", "70100", TransientFailures.CONNECTION_KILLED)))
                .isPresent();
    }

    @Test
    void aConnectionLostWhileTheDriverSentTheCommitIsNeverRunAgain() throws Exception {
        SQLException inCommit = lostIn("org.mariadb.jdbc.Connection", "commit");
        TransactionSystemException failure = new TransactionSystemException("Could not commit JPA transaction", inCommit);
        assertThat(TransientFailures.transientCause(failure)).isEmpty();
        assertThat(TransientFailures.connectionLost(failure)).isTrue();
        assertThat(TransientFailures.outcomeUnknown(failure)).isTrue();
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> TransientFailures.retry("probe", () -> {
            runs.incrementAndGet();
            throw failure;
        })).isSameAs(failure);
        assertThat(runs).as("the commit may have gone through: one attempt only").hasValue(1);
    }

    @Test
    void otherConnectionTroublesAreNotConnectionLosses() {
        assertThat(TransientFailures.connectionLost(new SQLException("Unknown command", "08S01", 1047))).isFalse();
        assertThat(TransientFailures.connectionLost(DEADLOCK)).isFalse();
        assertThat(TransientFailures.connectionLost(new SQLException("Duplicate entry", "23000", 1062))).isFalse();
    }

    @Test
    void afterALostConnectionThePauseLeavesTheBalancerTimeToMove() {
        for (int i = 0; i < 50; i++) {
            assertThat(TransientFailures.reconnectPause(1)).isBetween(500L, 799L);
            assertThat(TransientFailures.reconnectPause(2)).isBetween(1000L, 1598L);
        }
    }
}
