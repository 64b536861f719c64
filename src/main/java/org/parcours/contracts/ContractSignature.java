package org.parcours.contracts;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The day a text of a contract (a revision of its submission) was signed on paper. */
@Entity
@Table(name = "masp_contract_signature")
class ContractSignature {

    @Id
    @Column(name = "revision_id")
    private Long revisionId;

    @Column(name = "signed_on")
    private LocalDate signedOn;

    protected ContractSignature() {
    }

    ContractSignature(long revisionId, LocalDate signedOn) {
        this.revisionId = revisionId;
        this.signedOn = signedOn;
    }

    Long getRevisionId() { return revisionId; }
    LocalDate getSignedOn() { return signedOn; }
}
