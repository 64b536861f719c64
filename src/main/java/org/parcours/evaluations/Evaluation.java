package org.parcours.evaluations;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
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

    /** Answers as rows (evaluation, item id, value). */
    @ElementCollection
    @CollectionTable(name = "evaluation_answer", joinColumns = @JoinColumn(name = "evaluation_id"))
    @MapKeyColumn(name = "item_id")
    @Column(name = "answer_value")
    private Map<String, String> answers = new HashMap<>();

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

    void replaceAnswers(Map<String, String> newAnswers, Instant now, String author) {
        answers.keySet().retainAll(newAnswers.keySet());
        answers.putAll(newAnswers);
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

    long getVersion() {
        return version;
    }

    Map<String, String> getAnswers() {
        return answers;
    }
}
