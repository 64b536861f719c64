package org.parcours.aid;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A CASU request for a household: its own id (links, audit rows and scheme decisions name it) and
 * the submission holding the filled form, who made it and whether it was submitted.
 */
@Entity
@Table(name = "aid_request")
class AidRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "submission_id")
    private long submissionId;

    protected AidRequest() {
    }

    AidRequest(long submissionId) {
        this.submissionId = submissionId;
    }

    Long getId() { return id; }
    long getSubmissionId() { return submissionId; }
}
