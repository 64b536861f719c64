package org.parcours.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One line of the audit trail; written once, never changed. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    private String actor;

    private String action;

    @Column(name = "target_type")
    private String targetType;

    @Column(name = "target_id")
    private String targetId;

    /** Long enough for the ids of a list view (one row per list shown, see docs/security.md). */
    static final int DETAIL_MAX = 60_000;

    @Column(columnDefinition = "MEDIUMTEXT")
    private String detail;

    /** SHA-256 of the previous row's hash and this row's content ({@link AuditChain}); null for rows older than the chain. */
    @Column(name = "chain_hash")
    private String chainHash;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, AuditAction action, String targetType, String targetId, String detail,
               String previousHash) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action.name();
        this.targetType = targetType;
        this.targetId = targetId;
        this.detail = detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX) : detail;
        this.chainHash = AuditChain.hash(previousHash, this);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTargetType() {
        return targetType;
    }

    public String getTargetId() {
        return targetId;
    }

    public String getDetail() {
        return detail;
    }

    public String getChainHash() {
        return chainHash;
    }
}
