package org.parcours.contracts;

import java.time.Instant;
import java.time.LocalDate;
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

/** One text of a contract: number 1 is the contract, the next ones its avenants (with a reason). */
@Entity
@Table(name = "masp_contract_version")
class ContractVersion {

    static final String DRAFT = "DRAFT";
    static final String SIGNED = "SIGNED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "contract_id")
    private long contractId;

    @Column(name = "version_number")
    private int number;

    private String status;

    private String reason;

    @Column(name = "signed_on")
    private LocalDate signedOn;

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
    @CollectionTable(name = "masp_contract_answer", joinColumns = @JoinColumn(name = "version_id"))
    @MapKeyColumn(name = "item_id")
    @Column(name = "answer_value")
    private Map<String, String> answers = new HashMap<>();

    protected ContractVersion() {
    }

    ContractVersion(long contractId, int number, String reason, Map<String, String> answers, Instant now, String author) {
        this.contractId = contractId;
        this.number = number;
        this.status = DRAFT;
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

    void sign(LocalDate on, Instant now, String author) {
        status = SIGNED;
        signedOn = on;
        updatedAt = now;
        updatedBy = author;
    }

    boolean draft() { return DRAFT.equals(status); }
    Long getId() { return id; }
    long getContractId() { return contractId; }
    int getNumber() { return number; }
    String getStatus() { return status; }
    String getReason() { return reason; }
    LocalDate getSignedOn() { return signedOn; }
    Instant getCreatedAt() { return createdAt; }
    String getCreatedBy() { return createdBy; }
    Instant getUpdatedAt() { return updatedAt; }
    String getUpdatedBy() { return updatedBy; }
    long getVersion() { return version; }
    Map<String, String> getAnswers() { return answers; }
}
