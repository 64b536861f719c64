package org.parcours.evaluations;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One filled form for one client, tied forever to the form version it was made with. */
@Entity
@Table(name = "evaluation")
class Evaluation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id")
    private long clientId;

    @Column(name = "form_version_id")
    private long formVersionId;

    @Enumerated(EnumType.STRING)
    private EvaluationStatus status;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version;

    protected Evaluation() {
    }

    Evaluation(long clientId, long formVersionId, Instant now, String author) {
        this.clientId = clientId;
        this.formVersionId = formVersionId;
        this.status = EvaluationStatus.DRAFT;
        this.createdAt = now;
        this.createdBy = author;
        this.updatedAt = now;
        this.updatedBy = author;
    }

    void touch(EvaluationStatus newStatus, Instant now, String author) {
        status = newStatus;
        updatedAt = now;
        updatedBy = author;
    }

    Long getId() {
        return id;
    }

    long getClientId() {
        return clientId;
    }

    long getFormVersionId() {
        return formVersionId;
    }

    EvaluationStatus getStatus() {
        return status;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    String getUpdatedBy() {
        return updatedBy;
    }
}
