package org.parcours.aid;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A CASU request for a household: the filled form (answers as rows) and whether it was submitted. */
@Entity
@Table(name = "aid_request")
class AidRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id")
    private long clientId;

    @Column(name = "form_version_id")
    private long formVersionId;

    private boolean submitted;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "submitted_by")
    private String submittedBy;

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

    @ElementCollection
    @CollectionTable(name = "aid_request_answer", joinColumns = @JoinColumn(name = "request_id"))
    @MapKeyColumn(name = "item_id")
    @Column(name = "answer_value")
    private Map<String, String> answers = new HashMap<>();

    protected AidRequest() {
    }

    AidRequest(long clientId, long formVersionId, Map<String, String> answers, Instant now, String author) {
        this.clientId = clientId;
        this.formVersionId = formVersionId;
        this.answers = new HashMap<>(answers);
        this.createdAt = now;
        this.createdBy = author;
        this.updatedAt = now;
        this.updatedBy = author;
    }

    void replaceAnswers(Map<String, String> newAnswers, Instant now, String author) {
        answers.keySet().retainAll(newAnswers.keySet());
        answers.putAll(newAnswers);
        updatedAt = now;
        updatedBy = author;
    }

    void submit(Instant now, String author) {
        submitted = true;
        submittedAt = now;
        submittedBy = author;
        updatedAt = now;
        updatedBy = author;
    }

    Long getId() { return id; }
    long getClientId() { return clientId; }
    long getFormVersionId() { return formVersionId; }
    boolean isSubmitted() { return submitted; }
    Instant getSubmittedAt() { return submittedAt; }
    String getSubmittedBy() { return submittedBy; }
    Instant getCreatedAt() { return createdAt; }
    String getCreatedBy() { return createdBy; }
    Instant getUpdatedAt() { return updatedAt; }
    long getVersion() { return version; }
    Map<String, String> getAnswers() { return answers; }
}
