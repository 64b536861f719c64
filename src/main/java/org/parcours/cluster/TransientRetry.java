package org.parcours.cluster;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a unit of work in its own transaction and runs it again, a few times, when the database
 * rolled it back as a deadlock victim or, on a Galera cluster, because another node's
 * transaction on the same rows was certified first (both MariaDB error 1213, reported by Spring
 * as {@link PessimisticLockingFailureException}). The work is repeated from the start, so it
 * must read what it needs inside the transaction and have no side effect outside it.
 */
@Component
public class TransientRetry {

    static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(TransientRetry.class);

    private final TransactionTemplate transactions;

    TransientRetry(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    public <T> T inTransaction(Function<TransactionStatus, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(work::apply);
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.info("Transaction rolled back by the database ({}); attempt {} of {}", e.getMostSpecificCause().getMessage(),
                        attempt + 1, ATTEMPTS);
                pause(attempt);
            }
        }
    }

    /** A short random pause, longer at each attempt, so two victims do not collide again at once. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, 60) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a transaction", e);
        }
    }
}
