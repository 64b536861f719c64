package org.parcours.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The hash chain over the audit trail: each row stores SHA-256 of the previous row's hash and its
 * own content, so a row changed, removed or inserted afterwards (by someone who bypasses the
 * triggers and grants, a DBA with root) breaks the chain from that row on. Appends are serialised
 * cluster-wide by the one row of {@code audit_chain_head}, locked by the inserting transaction
 * until it commits (docs/security.md); on Galera two nodes appending at
 * once both write that row, so one of them fails certification and is rolled back rather than
 * forking the chain.
 */
@Component
class AuditChain {

    /** The "previous hash" of the first chained row. */
    static final String GENESIS = "0".repeat(64);

    private final JdbcTemplate jdbc;

    AuditChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the head for the caller's transaction; returns the hash of the last row. */
    String lockHead() {
        String last = jdbc.queryForObject("SELECT last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE", String.class);
        return last == null ? GENESIS : last;
    }

    /** Moves the head to the row just inserted (same transaction as {@link #lockHead()}). */
    void advance(long id, String hash) {
        jdbc.update("UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = 1", id, hash);
    }

    /**
     * The hash of a row: SHA-256 over the previous hash and the row's fields, each written as its
     * length, a colon and its text, so that no two different rows serialise alike.
     */
    static String hash(String previous, AuditEvent e) {
        return hash(previous, e.getOccurredAt(), e.getActor(), e.getAction(), e.getTargetType(), e.getTargetId(), e.getDetail());
    }

    static String hash(String previous, Instant occurredAt, String actor, String action, String targetType, String targetId,
                       String detail) {
        StringBuilder text = new StringBuilder();
        for (String field : new String[] {previous, occurredAt.toString(), actor, action, targetType, targetId, detail}) {
            String value = field == null ? "" : field;
            text.append(value.length()).append(':').append(value).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
