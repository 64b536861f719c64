package org.parcours.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chain over the audit trail: rows appended by the application verify; a row changed
 * or removed by someone who goes around the triggers (root dropping them for a moment) is found,
 * with the first broken row named; concurrent appends stay one chain; an audited transaction
 * takes the chain's head only when it commits, so others commit while it works; a refusal recorded in its
 * own transaction while the caller's transaction holds the chain's head neither waits for it nor
 * is lost.
 */
@SpringBootTest
class AuditChainTests {

    private static final String NO_UPDATE = """
            CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only: rows cannot be updated'""";
    private static final String NO_DELETE = """
            CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only: rows cannot be deleted'""";

    @Autowired
    AuditLog audit;

    @Autowired
    AuditChainVerifier verifier;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    private long lastId() {
        return jdbc.queryForObject("SELECT MAX(id) FROM audit_event", Long.class);
    }

    private List<Long> appendThree(String marker) {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            int n = i;
            transactions.executeWithoutResult(s -> audit.record("chain-test", AuditAction.CLIENT_READ, "client", n, marker + " " + n));
            ids.add(lastId());
        }
        return ids;
    }

    @Test
    void aRowChangedAsRootBehindTheTriggersIsTheFirstBrokenRow() {
        List<Long> ids = appendThree("tamper");
        assertThat(verifier.verifyFrom(ids.getFirst()).intact()).as(verifier.verifyFrom(ids.getFirst()).describe()).isTrue();

        jdbc.execute("DROP TRIGGER audit_event_no_update");
        try {
            jdbc.update("UPDATE audit_event SET detail = 'nothing to see' WHERE id = ?", ids.get(1));
        } finally {
            jdbc.execute(NO_UPDATE);
        }

        AuditChainVerifier.Report report = verifier.verifyFrom(ids.getFirst());
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBroken()).contains(ids.get(1));
        assertThat(report.checked()).isEqualTo(1);
        assertThat(report.describe()).contains("BROKEN", "row " + ids.get(1));
        // the whole-trail check finds it too (or something earlier)
        assertThat(verifier.verify().intact()).isFalse();
    }

    @Test
    void rowsRemovedInTheMiddleOrAtTheEndAreFound() {
        List<Long> ids = appendThree("remove");
        jdbc.execute("DROP TRIGGER audit_event_no_delete");
        try {
            jdbc.update("DELETE FROM audit_event WHERE id = ?", ids.get(1));
            assertThat(verifier.verifyFrom(ids.getFirst()).firstBroken()).contains(ids.get(2));

            List<Long> more = appendThree("remove-tail");
            jdbc.update("DELETE FROM audit_event WHERE id = ?", more.getLast());
            AuditChainVerifier.Report tail = verifier.verifyFrom(more.getFirst());
            assertThat(tail.intact()).isFalse();
            assertThat(tail.reason()).contains("head");
        } finally {
            jdbc.execute(NO_DELETE);
        }
    }

    @Test
    void concurrentAppendsFormOneUnbrokenChain() throws Exception {
        long from = lastId() + 1;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(() -> {
                    for (int i = 0; i < 15; i++) {
                        int n = i;
                        transactions.executeWithoutResult(s -> audit.record("chain-writer-" + writer, AuditAction.CLIENT_READ, "client", n, "concurrent"));
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(writers)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        AuditChainVerifier.Report report = verifier.verifyFrom(from);
        assertThat(report.intact()).as(report.describe()).isTrue();
        assertThat(report.checked()).isEqualTo(60);
    }

    @Test
    void aRefusalInsideATransactionHoldingTheHeadIsWrittenAfterItWithoutWaiting() {
        long from = lastId() + 1;
        long started = System.nanoTime();
        try {
            transactions.executeWithoutResult(s -> {
                audit.record("chain-nested", AuditAction.CLIENT_READ, "client", 1, "read first");
                audit.recordDenied("chain-nested", "client", 2, "then refused");
                throw new IllegalStateException("the caller fails and rolls back");
            });
        } catch (IllegalStateException expected) {
            // the read is rolled back with its transaction; the refusal survives
        }
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms, no lock wait").isLessThan(10_000);
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE actor = 'chain-nested' AND id >= ?", String.class, from))
                .containsExactly("ACCESS_DENIED");
        assertThat(verifier.verifyFrom(from).intact()).isTrue();
    }

    @Test
    void anAuditedTransactionHoldsTheHeadForItsCommitOnlyNotForItsWholeWork() throws Exception {
        long from = lastId() + 1;
        java.util.concurrent.CountDownLatch recorded = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch otherDone = new java.util.concurrent.CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> slow = pool.submit(() -> transactions.execute(s -> {
                audit.record("chain-slow", AuditAction.CLIENT_READ, "client", 1, "recorded early, committed late");
                recorded.countDown();
                try {
                    // the rest of this transaction's work: another one records and commits meanwhile
                    return otherDone.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }));
            assertThat(recorded.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            Future<?> quick = pool.submit(() -> {
                transactions.executeWithoutResult(s -> audit.record("chain-quick", AuditAction.CLIENT_READ, "client", 2, "recorded and committed"));
                otherDone.countDown();
            });
            assertThat(slow.get(30, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the other audited transaction committed while this one was still open").isTrue();
            quick.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForList("SELECT actor FROM audit_event WHERE actor LIKE 'chain-%' AND id >= ? ORDER BY id", String.class, from))
                .as("chained in the order they committed").containsExactly("chain-quick", "chain-slow");
        AuditChainVerifier.Report report = verifier.verifyFrom(from);
        assertThat(report.intact()).as(report.describe()).isTrue();
    }
}
