package org.parcours.submissions;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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

/**
 * One revision of a submission with its answers as rows (revision, item path, value): an
 * evaluation's revision, the one text of an aid request, a contract's text (1 the contract, then
 * its avenants).
 */
@Entity
@Table(name = "submission_revision")
class SubmissionRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "submission_id")
    private long submissionId;

    @Column(name = "revision_number")
    private int number;

    @Enumerated(EnumType.STRING)
    private RevisionStatus status;

    private String reason;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "submission_answer", joinColumns = @JoinColumn(name = "revision_id"))
    @MapKeyColumn(name = "item_id")
    @Column(name = "answer_value")
    private Map<String, String> answers = new HashMap<>();

    protected SubmissionRevision() {
    }

    SubmissionRevision(long submissionId, int number, String reason, Map<String, String> answers, Instant now, String author) {
        this.submissionId = submissionId;
        this.number = number;
        this.status = RevisionStatus.DRAFT;
        this.reason = reason;
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
        status = RevisionStatus.SUBMITTED;
        submittedAt = now;
        submittedBy = author;
        updatedAt = now;
        updatedBy = author;
    }

    StoredRevision stored() {
        return new StoredRevision(id, submissionId, number, status, Optional.ofNullable(reason), createdAt, createdBy, updatedAt,
                updatedBy, Optional.ofNullable(submittedAt), Optional.ofNullable(submittedBy), version, answers);
    }

    Long getId() {
        return id;
    }

    long getSubmissionId() {
        return submissionId;
    }

    int getNumber() {
        return number;
    }

    RevisionStatus getStatus() {
        return status;
    }

    long getVersion() {
        return version;
    }

    Map<String, String> getAnswers() {
        return answers;
    }
}
