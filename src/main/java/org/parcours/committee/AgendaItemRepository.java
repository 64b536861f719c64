package org.parcours.committee;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgendaItemRepository extends JpaRepository<AgendaItem, Long> {

    List<AgendaItem> findByMeetingIdOrderByIdAsc(long meetingId);

    /** Whether the meeting's agenda holds the client (the committee's access rule, docs/decisions/0016). */
    boolean existsByMeetingIdAndClientId(long meetingId, long clientId);

    @org.springframework.data.jpa.repository.Query("SELECT COUNT(m) > 0 FROM Meeting m WHERE m.id = :id")
    boolean existsMeeting(@org.springframework.data.repository.query.Param("id") long meetingId);
}
