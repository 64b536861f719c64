package org.parcours.aid;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One scheme requested by a submitted request (a row of the form's schemes), with its own decision. */
@Entity
@Table(name = "aid_scheme_request")
class SchemeRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id")
    private long requestId;

    @Column(name = "row_no")
    private int row;

    @Column(name = "scheme_code")
    private String schemeCode;

    @Column(name = "scheme_detail")
    private String schemeDetail;

    @Column(name = "amount_requested")
    private BigDecimal amountRequested;

    @Enumerated(EnumType.STRING)
    private SchemeDecision decision;

    @Column(name = "amount_granted")
    private BigDecimal amountGranted;

    private String decider;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    private String motivation;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version;

    protected SchemeRequest() {
    }

    SchemeRequest(long requestId, int row, String schemeCode, String schemeDetail, BigDecimal amountRequested, Instant now, String author) {
        this.requestId = requestId;
        this.row = row;
        this.schemeCode = schemeCode;
        this.schemeDetail = schemeDetail;
        this.amountRequested = amountRequested;
        this.decision = SchemeDecision.PENDING;
        this.updatedAt = now;
        this.updatedBy = author;
    }

    void decide(SchemeDecision decision, BigDecimal amountGranted, String decider, LocalDate decidedOn, String motivation, Instant now,
                String author) {
        this.decision = decision;
        this.amountGranted = amountGranted;
        this.decider = decider;
        this.decidedOn = decidedOn;
        this.motivation = motivation;
        this.updatedAt = now;
        this.updatedBy = author;
    }

    Long getId() { return id; }
    long getRequestId() { return requestId; }
    int getRow() { return row; }
    String getSchemeCode() { return schemeCode; }
    String getSchemeDetail() { return schemeDetail; }
    BigDecimal getAmountRequested() { return amountRequested; }
    SchemeDecision getDecision() { return decision; }
    BigDecimal getAmountGranted() { return amountGranted; }
    String getDecider() { return decider; }
    LocalDate getDecidedOn() { return decidedOn; }
    String getMotivation() { return motivation; }
    String getUpdatedBy() { return updatedBy; }
}
