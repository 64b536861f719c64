package org.parcours.cluster;

import java.util.function.Function;

import org.parcours.database.TransientFailures;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a unit of work in its own transaction and runs it again, a few times, when the database
 * rolled it back as a deadlock victim or, on a Galera cluster, because another node's
 * transaction on the same rows was certified first ({@link TransientFailures}, the same retry as
 * the services' {@code @RetryOnTransientFailure}). The work is repeated from the start, so it
 * must read what it needs inside the transaction and have no side effect outside it.
 */
@Component
public class TransientRetry {

    static final int ATTEMPTS = TransientFailures.ATTEMPTS;

    private final TransactionTemplate transactions;

    TransientRetry(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    public <T> T inTransaction(Function<TransactionStatus, T> work) {
        try {
            return TransientFailures.retry("job transaction", () -> transactions.execute(work::apply));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
