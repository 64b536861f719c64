package org.parcours.submissions;

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

/** One filled form of a kind for one client, tied forever to the form version it was made with. */
@Entity
@Table(name = "submission")
class Submission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private SubmissionKind kind;

    @Column(name = "client_id")
    private long clientId;

    @Column(name = "form_version_id")
    private long formVersionId;

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

    protected Submission() {
    }

    Submission(SubmissionKind kind, long clientId, long formVersionId, Instant now, String author) {
        this.kind = kind;
        this.clientId = clientId;
        this.formVersionId = formVersionId;
        this.createdAt = now;
        this.createdBy = author;
        this.updatedAt = now;
        this.updatedBy = author;
    }

    void touch(Instant now, String author) {
        updatedAt = now;
        updatedBy = author;
    }

    StoredSubmission stored() {
        return new StoredSubmission(id, kind, clientId, formVersionId, createdAt, createdBy, updatedAt, updatedBy);
    }

    Long getId() {
        return id;
    }

    SubmissionKind getKind() {
        return kind;
    }

    long getClientId() {
        return clientId;
    }
}
