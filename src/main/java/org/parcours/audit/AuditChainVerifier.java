package org.parcours.audit;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the audit trail's hash chain (see {@link AuditChain}) row by row in id order, reading a
 * page at a time: the first row whose stored hash differs from the one recomputed from the
 * previous row and its own content, a chained row missing its hash, or a head that does not
 * point at the last row (rows removed at the end). Rows written before the chain existed (no
 * hash, before the first chained row) are counted, not checked.
 */
@Service
public class AuditChainVerifier {

    private static final int PAGE = 1000;

    /** The outcome: rows checked, rows from before the chain, and the first broken row if any. */
    public record Report(long checked, long unchained, Optional<Long> firstBroken, String reason) {

        public boolean intact() {
            return firstBroken.isEmpty() && reason.isEmpty();
        }

        public String describe() {
            if (intact()) {
                return "audit chain intact: " + checked + " rows checked" + (unchained > 0 ? ", " + unchained + " older rows unchained" : "");
            }
            return "audit chain BROKEN" + firstBroken.map(id -> " at row " + id).orElse("") + ": " + reason + " (" + checked
                    + " rows checked before it)";
        }
    }

    private final EntityManager entityManager;

    AuditChainVerifier(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Walks the whole trail (a page of rows at a time, the persistence context cleared after each). */
    @Transactional(readOnly = true)
    public Report verify() {
        return verifyFrom(1);
    }

    /**
     * Walks the trail from row {@code fromId} on, taking the stored hash of the last chained row
     * before it as the starting point (a check since an earlier verified run).
     */
    @Transactional(readOnly = true)
    public Report verifyFrom(long fromId) {
        @SuppressWarnings("unchecked")
        List<String> before = entityManager.createNativeQuery(
                "SELECT chain_hash FROM audit_event WHERE id < :from AND chain_hash IS NOT NULL ORDER BY id DESC LIMIT 1")
                .setParameter("from", fromId).getResultList();
        String previous = before.isEmpty() ? AuditChain.GENESIS : before.getFirst();
        boolean started = !before.isEmpty();
        long checked = 0;
        long unchained = 0;
        long lastId = 0;
        long after = fromId - 1;
        while (true) {
            List<AuditEvent> rows = entityManager.createQuery("SELECT e FROM AuditEvent e WHERE e.id > :after ORDER BY e.id", AuditEvent.class)
                    .setParameter("after", after).setMaxResults(PAGE).getResultList();
            if (rows.isEmpty()) {
                break;
            }
            for (AuditEvent row : rows) {
                long id = row.getId();
                String stored = row.getChainHash();
                after = id;
                if (stored == null && !started) {
                    unchained++;
                    continue;
                }
                started = true;
                if (stored == null) {
                    return new Report(checked, unchained, Optional.of(id), "the row has no hash");
                }
                if (!AuditChain.hash(previous, row).equals(stored)) {
                    return new Report(checked, unchained, Optional.of(id),
                            "its content, or the row before it, was changed, removed or inserted");
                }
                previous = stored;
                lastId = id;
                checked++;
            }
            entityManager.clear();
        }
        Object[] head = (Object[]) entityManager.createNativeQuery("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1")
                .getSingleResult();
        Long headId = head[0] == null ? null : ((Number) head[0]).longValue();
        if (started && (headId == null || headId != lastId || !previous.equals(head[1]))) {
            return new Report(checked, unchained, Optional.empty(),
                    "the chain's head names row " + headId + " but the last chained row is " + lastId + " (rows removed at the end)");
        }
        return new Report(checked, unchained, Optional.empty(), "");
    }
}
