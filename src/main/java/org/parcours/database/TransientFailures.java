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
 * victim, a Galera certification failure, on a Galera node not ready for clients, or whose
 * connection was lost before the commit was sent (a database node killed, the balancer moving to
 * another node: the server rolls back what it had, so running the transaction again is safe).
 * A connection lost while the commit itself was under way is never retried: the transaction may
 * have been committed, and running it again could store it twice ({@link #outcomeUnknown}).
 * Bounded ({@value #ATTEMPTS} attempts), with a random pause growing at each attempt so that two
 * victims do not collide again at once, longer after a lost connection so that the balancer can
 * move to a healthy node; each retry is logged at info.
 */
public final class TransientFailures {

    /** Attempts in all, the first included. */
    public static final int ATTEMPTS = 3;
    /** MariaDB's ER_LOCK_DEADLOCK: a deadlock victim, or on Galera a certification failure / brute-force abort. */
    static final int DEADLOCK = 1213;
    /** MariaDB's ER_UNKNOWN_COM_ERROR, which Galera returns as "WSREP has not yet prepared node for application use". */
    static final int WSREP_NOT_READY = 1047;
    private static final String SERIALIZATION_FAILURE = "40001";
    /** MariaDB's ER_CONNECTION_KILLED: the server ended this connection (KILL, a node shutting down). */
    static final int CONNECTION_KILLED = 1927;
    /** Text that starts the cause of a lost connection. */
    private static final String CONNECTION_LOST = "connection lost before the commit";

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
                    if (e.getErrorCode() == WSREP_NOT_READY) {
                        if (String.valueOf(e.getMessage()).contains("WSREP")) {
                            return Optional.of("error " + e.getErrorCode() + ": " + e.getMessage());
                        }
                        continue;
                    }
                    if ((isConnectionLoss(e) || isFailedRollbackOnClosedConnection(e)) && !isCommit(e)) {
                        return Optional.of(CONNECTION_LOST + " (" + e.getSQLState() + "): " + e.getMessage());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Whether this failure is a connection to the database lost (before or during the commit). */
    public static boolean connectionLost(Throwable failure) {
        return sqlCauses(failure).anyMatch(e -> isConnectionLoss(e) || isFailedRollbackOnClosedConnection(e));
    }

    /**
     * Whether the connection was lost while the commit itself was under way: the transaction may or
     * may not be stored, so it is not run again; the user is told to check before sending it again.
     */
    public static boolean outcomeUnknown(Throwable failure) {
        return sqlCauses(failure).anyMatch(e -> isConnectionLoss(e) && isCommit(e));
    }

    private static java.util.stream.Stream<SQLException> sqlCauses(Throwable failure) {
        java.util.List<SQLException> found = new java.util.ArrayList<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException sql) {
                found.add(sql);
                todo.add(sql.getNextException() == null ? sql : sql.getNextException());
            }
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                todo.add(rollback.getApplicationException());
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
        }
        return found.stream();
    }

    /** A broken connection: SQLState class 08, the driver's connection exceptions, or the server killing it. */
    private static boolean isConnectionLoss(SQLException e) {
        if (e.getErrorCode() == WSREP_NOT_READY) {
            return false;
        }
        return e instanceof java.sql.SQLNonTransientConnectionException || e instanceof java.sql.SQLTransientConnectionException
                || (e.getSQLState() != null && e.getSQLState().startsWith("08")) || e.getErrorCode() == CONNECTION_KILLED;
    }

    /**
     * The rollback after a failed statement could not be sent because the connection is closed:
     * the connection was lost during the transaction (Spring then throws this failure instead of
     * the first one), and the server rolled the transaction back itself.
     */
    private static boolean isFailedRollbackOnClosedConnection(SQLException e) {
        if (!String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("closed")) {
            return false;
        }
        for (StackTraceElement frame : e.getStackTrace()) {
            String owner = frame.getClassName();
            if (frame.getMethodName().equals("rollback")
                    && (owner.startsWith("org.hibernate.") || owner.startsWith("com.zaxxer.hikari.") || owner.startsWith("org.mariadb.jdbc."))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the driver was sending the commit itself when this failed (not a statement of the transaction, even one flushed at commit). */
    private static boolean isCommit(SQLException e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("org.mariadb.jdbc.") && frame.getMethodName().equals("commit")) {
                return true;
            }
        }
        return false;
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
                long pause = cause.get().startsWith(CONNECTION_LOST) ? reconnectPause(attempt) : pause(attempt);
                log.info("{}: rolled back by the database ({}); attempt {} of {} in {} ms", what, cause.get(), attempt + 1, ATTEMPTS, pause);
                sleep(pause);
            }
        }
    }

    /** 20-80 ms times the attempt number: random, so that two victims of one deadlock do not meet again. */
    static long pause(int attempt) {
        return ThreadLocalRandom.current().nextLong(20, 80) * attempt;
    }

    /** 500-800 ms times the attempt number: the database balancer marks a dead node down within about a second. */
    static long reconnectPause(int attempt) {
        return ThreadLocalRandom.current().nextLong(500, 800) * attempt;
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
