package org.parcours.contracts;

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

/** A step toward a judicial support measure (level 3) for a client, with what triggered it. */
@Entity
@Table(name = "masp_escalation")
class Escalation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id")
    private long clientId;

    @Column(name = "contract_id")
    private Long contractId;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind")
    private EscalationTrigger trigger;

    private String detail;

    @Column(name = "unpaid_months")
    private Integer unpaidMonths;

    @Column(name = "recorded_on")
    private LocalDate recordedOn;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "agenda_item_id")
    private Long agendaItemId;

    protected Escalation() {
    }

    Escalation(long clientId, Long contractId, EscalationTrigger trigger, String detail, Integer unpaidMonths, LocalDate on,
               Instant now, String author, Long agendaItemId) {
        this.clientId = clientId;
        this.contractId = contractId;
        this.trigger = trigger;
        this.detail = detail;
        this.unpaidMonths = unpaidMonths;
        this.recordedOn = on;
        this.recordedAt = now;
        this.recordedBy = author;
        this.agendaItemId = agendaItemId;
    }

    Long getId() { return id; }
    long getClientId() { return clientId; }
    Long getContractId() { return contractId; }
    EscalationTrigger getTrigger() { return trigger; }
    String getDetail() { return detail; }
    Integer getUnpaidMonths() { return unpaidMonths; }
    LocalDate getRecordedOn() { return recordedOn; }
    String getRecordedBy() { return recordedBy; }
    Long getAgendaItemId() { return agendaItemId; }
}
