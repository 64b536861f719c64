package org.parcours.committee;

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

@Entity
@Table(name = "committee_meeting")
class Meeting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "meeting_date")
    private LocalDate meetingDate;

    private String chair;

    /** The members present, one per line. */
    @Column(name = "members_present")
    private String membersPresent;

    @Enumerated(EnumType.STRING)
    private MeetingStatus status;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by")
    private String closedBy;

    protected Meeting() {
    }

    Meeting(LocalDate meetingDate, String chair, String membersPresent, Instant createdAt) {
        this.meetingDate = meetingDate;
        this.chair = chair;
        this.membersPresent = membersPresent;
        this.status = MeetingStatus.OPEN;
        this.createdAt = createdAt;
    }

    void close(Instant at, String by) {
        status = MeetingStatus.CLOSED;
        closedAt = at;
        closedBy = by;
    }

    Long getId() { return id; }
    LocalDate getMeetingDate() { return meetingDate; }
    String getChair() { return chair; }
    String getMembersPresent() { return membersPresent; }
    MeetingStatus getStatus() { return status; }
    Instant getClosedAt() { return closedAt; }
    String getClosedBy() { return closedBy; }
}
