package org.parcours.committee;

import java.time.Instant;

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
@Table(name = "committee_agenda_item")
class AgendaItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "meeting_id")
    private Meeting meeting;

    @Column(name = "client_id")
    private long clientId;

    @Enumerated(EnumType.STRING)
    private AgendaQuestion question;

    @Column(name = "question_text")
    private String questionText;

    @Column(name = "proposed_by")
    private String proposedBy;

    @Column(name = "proposed_at")
    private Instant proposedAt;

    protected AgendaItem() {
    }

    AgendaItem(Meeting meeting, long clientId, AgendaQuestion question, String questionText, String proposedBy, Instant proposedAt) {
        this.meeting = meeting;
        this.clientId = clientId;
        this.question = question;
        this.questionText = questionText;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
    }

    Long getId() { return id; }
    Meeting getMeeting() { return meeting; }
    long getClientId() { return clientId; }
    AgendaQuestion getQuestion() { return question; }
    String getQuestionText() { return questionText; }
    String getProposedBy() { return proposedBy; }
    Instant getProposedAt() { return proposedAt; }
}
