package org.parcours.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the audit trail: who read or changed what, and who was refused. Every row is appended
 * to the hash chain ({@link AuditChain}). The rows a transaction records wait in it until it
 * commits: just before, they are chained and inserted under the chain's head, locked from then
 * until the commit, so audited transactions queue on the head for their commit only, not for
 * their whole work (which let many workers' saves and reads wait on one another). A row of a
 * transaction that rolls back is never written. A row asked for in a transaction of its own (a
 * refusal, a lockout) while this thread's suspended outer transaction holds the head is written
 * as soon as that one ends (committed or rolled back), in a transaction of its own: waiting for
 * the head there would wait for ourselves.
 */
@Service
public class AuditLog {

    private final AuditEventRepository events;
    private final Clock clock;
    private final AuditChain chain;
    private final TransactionTemplate alone;
    /** This thread's transaction holding the chain's head (from its commit on), and the rows waiting for it to end. */
    private final ThreadLocal<Holder> holder = new ThreadLocal<>();
    private final ApplicationEventPublisher publisher;

    AuditLog(AuditEventRepository events, Clock clock, AuditChain chain, PlatformTransactionManager transactions,
             ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.events = events;
        this.clock = clock;
        this.chain = chain;
        this.alone = new TransactionTemplate(transactions);
        this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records within the caller's transaction: the event exists only if the change does. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, AuditAction action, String targetType, Object targetId, String detail) {
        append(new Pending(now(), actor, action, targetType, String.valueOf(targetId), detail));
        // listeners (the API's event log and webhook outbox) write in this same transaction
        publisher.publishEvent(new AuditRecorded(action, targetType, String.valueOf(targetId), detail));
    }

    /** Records an event that belongs to no business transaction (e.g. a sign-in lockout), in its own. */
    public void recordAlone(String actor, AuditAction action, String targetType, Object targetId, String detail) {
        alone(new Pending(now(), actor, action, targetType, String.valueOf(targetId), detail));
    }

    /** Records a refused attempt in its own transaction, so it survives the caller's rollback. */
    public void recordDenied(String actor, String targetType, Object targetId, String detail) {
        alone(new Pending(now(), actor, AuditAction.ACCESS_DENIED, targetType, String.valueOf(targetId), detail));
    }

    /**
     * Records that a list of clients was shown: one row whatever the number of rows, naming every
     * id shown (reads of lists are audited as one insert, not one per row).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordList(String actor, String targetType, Object targetId, String what, java.util.Collection<Long> clientIds) {
        record(actor, AuditAction.CLIENTS_LISTED, targetType, targetId, what + ": " + clientIds.size() + " clients "
                + clientIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "[", "]")));
    }

    private Instant now() {
        // the column keeps microseconds: the hash is computed over what is stored
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void alone(Pending event) {
        Holder held = holder.get();
        if (held != null) {
            held.waiting.add(event);
        } else {
            alone.executeWithoutResult(status -> append(event));
        }
    }

    /** Adds the row to this transaction's batch, written when the transaction commits (at once if it is committing). */
    private void append(Pending event) {
        Holder held = holder.get();
        if (held != null && !TransactionSynchronizationManager.getSynchronizations().contains(held)) {
            // an inner transaction of a thread whose suspended outer transaction holds the head
            held.waiting.add(event);
            return;
        }
        if (held != null) {
            held.write(event); // recorded while this transaction commits: the head is already ours
            return;
        }
        Batch batch = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(Batch.class::isInstance).map(Batch.class::cast).filter(b -> b.owner() == this).findFirst().orElse(null);
        if (batch == null) {
            batch = new Batch();
            TransactionSynchronizationManager.registerSynchronization(batch);
        }
        batch.rows.add(event);
    }

    private record Pending(Instant at, String actor, AuditAction action, String targetType, String targetId, String detail) {
    }

    /** The rows a transaction recorded, chained and inserted just before it commits. */
    private final class Batch implements TransactionSynchronization {
        private final List<Pending> rows = new ArrayList<>();

        AuditLog owner() {
            return AuditLog.this;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            Holder held = new Holder(chain.lockHead());
            holder.set(held);
            TransactionSynchronizationManager.registerSynchronization(held);
            rows.forEach(held::write);
            rows.clear();
        }

        @Override
        public void afterCompletion(int status) {
            rows.clear(); // rolled back before its commit: nothing was written
        }
    }

    /** This thread's transaction holding the chain's head from its commit on, and the rows waiting for it to end. */
    private final class Holder implements TransactionSynchronization {
        private final List<Pending> waiting = new ArrayList<>();
        private String last;

        Holder(String head) {
            this.last = head;
        }

        void write(Pending event) {
            AuditEvent saved = events.save(new AuditEvent(event.at(), event.actor(), event.action(), event.targetType(), event.targetId(),
                    event.detail(), last));
            chain.advance(saved.getId(), saved.getChainHash());
            last = saved.getChainHash();
        }

        @Override
        public void afterCompletion(int status) {
            holder.remove();
            for (Pending event : waiting) {
                alone(event);
            }
        }
    }
}
