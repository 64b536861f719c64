package org.parcours.database;

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionSystemException;

/**
 * The one retry of the application for transactions the database rolled back as a deadlock
 * victim, a Galera certification failure, or on a Galera node not ready for clients. Bounded
 * ({@value #ATTEMPTS} attempts), with a random pause growing at each attempt so that two victims
 * do not collide again at once; each retry is logged at info.
 */
public final class TransientFailures {

    /** Attempts in all, the first included. */
    public static final int ATTEMPTS = 3;
    /** MariaDB's ER_LOCK_DEADLOCK: a deadlock victim, or on Galera a certification failure / brute-force abort. */
    static final int DEADLOCK = 1213;
    /** MariaDB's ER_UNKNOWN_COM_ERROR, which Galera returns as "WSREP has not yet prepared node for application use". */
    static final int WSREP_NOT_READY = 1047;
    private static final String SERIALIZATION_FAILURE = "40001";

    private static final Logger log = LoggerFactory.getLogger(TransientFailures.class);

    private TransientFailures() {
    }

    /** What makes this failure worth another attempt, if anything: the SQL error found in its causes. */
    public static Optional<String> transientCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // the pool closes a connection the server refused (1047 comes with SQLState 08S01), so the
            // rollback fails too and Spring throws that failure, keeping the first one beside it
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && rollback.getApplicationException() != failure) {
                Optional<String> first = transientCause(rollback.getApplicationException());
                if (first.isPresent()) {
                    return first;
                }
            }
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (e.getErrorCode() == DEADLOCK || SERIALIZATION_FAILURE.equals(e.getSQLState())) {
                        return Optional.of("error " + e.getErrorCode() + " (" + e.getSQLState() + "): " + e.getMessage());
                    }
                    // 1047 is also "unknown command" outside Galera: only the wsrep refusal is transient
                    if (e.getErrorCode() == WSREP_NOT_READY && String.valueOf(e.getMessage()).contains("WSREP")) {
                        return Optional.of("error " + e.getErrorCode() + ": " + e.getMessage());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Runs the work, again on a transient failure, up to {@value #ATTEMPTS} times; {@code what} names it in the log. */
    public static <T> T retry(String what, Callable<T> work) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.call();
            } catch (Exception | Error failure) {
                Optional<String> cause = transientCause(failure);
                if (cause.isEmpty() || attempt >= ATTEMPTS) {
                    if (cause.isPresent()) {
                        log.info("{}: rolled back by the database again ({}); giving up after {} attempts", what, cause.get(), ATTEMPTS);
                    }
                    throw failure;
                }
                long pause = pause(attempt);
                log.info("{}: rolled back by the database ({}); attempt {} of {} in {} ms", what, cause.get(), attempt + 1, ATTEMPTS, pause);
                sleep(pause);
            }
        }
    }

    /** 20-80 ms times the attempt number: random, so that two victims of one deadlock do not meet again. */
    static long pause(int attempt) {
        return ThreadLocalRandom.current().nextLong(20, 80) * attempt;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a transaction", e);
        }
    }
}
