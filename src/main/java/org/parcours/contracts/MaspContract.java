package org.parcours.contracts;

import java.time.LocalDate;
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

/**
 * A MASP contract's lifecycle (signature, terms, evaluation, renewal, end); its texts (the
 * contract, then its avenants) are the revisions of its submission, signed texts with their date
 * in {@link ContractSignature}s.
 */
@Entity
@Table(name = "masp_contract")
class MaspContract {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "submission_id")
    private long submissionId;

    @Column(name = "previous_contract_id")
    private Long previousContractId;

    @Enumerated(EnumType.STRING)
    private ContractStatus status;

    private String level;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "duration_months")
    private Integer durationMonths;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "signed_on")
    private LocalDate signedOn;

    @Column(name = "notified_on")
    private LocalDate notifiedOn;

    @Column(name = "evaluated_on")
    private LocalDate evaluatedOn;

    @Column(name = "evaluated_by")
    private String evaluatedBy;

    @Column(name = "evaluation_text")
    private String evaluationText;

    @ElementCollection
    @CollectionTable(name = "masp_contract_objective_result", joinColumns = @JoinColumn(name = "contract_id"))
    @MapKeyColumn(name = "objective_no")
    @Column(name = "result")
    @Enumerated(EnumType.STRING)
    private Map<Integer, ObjectiveResult> objectiveResults = new HashMap<>();

    @Column(name = "ended_on")
    private LocalDate endedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_outcome")
    private EndOutcome endOutcome;

    @Column(name = "end_note")
    private String endNote;

    @Version
    private long version;

    protected MaspContract() {
    }

    MaspContract(long submissionId, Long previousContractId) {
        this.submissionId = submissionId;
        this.previousContractId = previousContractId;
        this.status = ContractStatus.DRAFT;
    }

    /** The terms of the signed text (the contract or its last avenant). */
    void applyTerms(String level, LocalDate start, int months) {
        this.level = level;
        this.startDate = start;
        this.durationMonths = months;
        this.endDate = start.plusMonths(months).minusDays(1);
    }

    void sign(LocalDate on) {
        status = ContractStatus.SIGNED;
        signedOn = on;
    }

    void notified(LocalDate on) {
        notifiedOn = on;
    }

    void evaluate(LocalDate on, String by, String text, Map<Integer, ObjectiveResult> results) {
        status = ContractStatus.EVALUATED;
        evaluatedOn = on;
        evaluatedBy = by;
        evaluationText = text;
        objectiveResults.clear();
        objectiveResults.putAll(results);
    }

    void renewed() {
        status = ContractStatus.RENEWED;
    }

    void end(LocalDate on, EndOutcome outcome, String note) {
        status = ContractStatus.ENDED;
        endedOn = on;
        endOutcome = outcome;
        endNote = note;
    }

    Long getId() { return id; }
    long getSubmissionId() { return submissionId; }
    Long getPreviousContractId() { return previousContractId; }
    ContractStatus getStatus() { return status; }
    String getLevel() { return level; }
    LocalDate getStartDate() { return startDate; }
    Integer getDurationMonths() { return durationMonths; }
    LocalDate getEndDate() { return endDate; }
    LocalDate getSignedOn() { return signedOn; }
    LocalDate getNotifiedOn() { return notifiedOn; }
    LocalDate getEvaluatedOn() { return evaluatedOn; }
    String getEvaluatedBy() { return evaluatedBy; }
    String getEvaluationText() { return evaluationText; }
    Map<Integer, ObjectiveResult> getObjectiveResults() { return objectiveResults; }
    LocalDate getEndedOn() { return endedOn; }
    EndOutcome getEndOutcome() { return endOutcome; }
    String getEndNote() { return endNote; }
    long getVersion() { return version; }
}
