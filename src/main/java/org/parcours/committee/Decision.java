package org.parcours.committee;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "committee_decision")
class Decision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agenda_item_id")
    private AgendaItem agendaItem;

    @Enumerated(EnumType.STRING)
    private DecisionOutcome outcome;

    private String motivation;

    private String members;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    @Column(name = "notified_on")
    private LocalDate notifiedOn;

    @Column(name = "corrects_decision_id")
    private Long correctsDecisionId;

    protected Decision() {
    }

    Decision(AgendaItem agendaItem, DecisionOutcome outcome, String motivation, String members, LocalDate decidedOn,
             String recordedBy, Instant recordedAt, Long correctsDecisionId) {
        this.agendaItem = agendaItem;
        this.correctsDecisionId = correctsDecisionId;
        change(outcome, motivation, members, decidedOn, recordedBy, recordedAt);
    }

    /** Only while the meeting is open (checked by the service). */
    void change(DecisionOutcome outcome, String motivation, String members, LocalDate decidedOn, String recordedBy, Instant recordedAt) {
        this.outcome = outcome;
        this.motivation = motivation;
        this.members = members;
        this.decidedOn = decidedOn;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    void notifiedOn(LocalDate date) {
        this.notifiedOn = date;
    }

    Long getId() { return id; }
    AgendaItem getAgendaItem() { return agendaItem; }
    DecisionOutcome getOutcome() { return outcome; }
    String getMotivation() { return motivation; }
    String getMembers() { return members; }
    LocalDate getDecidedOn() { return decidedOn; }
    String getRecordedBy() { return recordedBy; }
    Instant getRecordedAt() { return recordedAt; }
    LocalDate getNotifiedOn() { return notifiedOn; }
    Long getCorrectsDecisionId() { return correctsDecisionId; }
}
