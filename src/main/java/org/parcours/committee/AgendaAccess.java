package org.parcours.committee;

import java.util.List;

import org.parcours.audit.AuditLog;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.security.Role;
import org.parcours.security.UserContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The committee's one access rule beyond the teams (docs/decisions/0016): the committee sees what
 * it is asked to decide. A committee member or an administrator reads a client's file summary
 * and score history <em>through the agenda of a meeting</em>, for that meeting, whatever the
 * client's team; the read is audited by the caller, naming the meeting. Without a meeting, or for
 * a client that meeting's agenda does not hold, the team rule of {@link ClientService} applies and
 * another team's client is "not found", as everywhere else (the refusal audited).
 */
@Service
public class AgendaAccess {

    private static final String TARGET = "client";

    private final AgendaItemRepository items;
    private final ClientService clients;
    private final AuditLog audit;

    AgendaAccess(AgendaItemRepository items, ClientService clients, AuditLog audit) {
        this.items = items;
        this.clients = clients;
        this.audit = audit;
    }

    /**
     * The client, read for a meeting whose agenda holds it.
     *
     * @throws ClientNotFoundException the user is neither committee member nor administrator, or
     *                                 the client is not on that meeting's agenda (audited)
     */
    @Transactional(readOnly = true)
    public ClientSummary requireOnAgenda(UserContext user, long meetingId, long clientId) {
        if (!user.has(Role.COMMITTEE) && !user.has(Role.ADMIN)) {
            audit.recordDenied(user.username(), TARGET, clientId,
                    "reading a client through the agenda of meeting " + meetingId + " requires the committee or administrator role");
            throw new ClientNotFoundException(clientId);
        }
        if (!items.existsByMeetingIdAndClientId(meetingId, clientId)) {
            audit.recordDenied(user.username(), TARGET, clientId, "client not on the agenda of meeting " + meetingId);
            throw new ClientNotFoundException(clientId);
        }
        return clients.summaryGrantedElsewhere(clientId);
    }

    /**
     * The clients on a meeting's agenda, in agenda order (a client proposed twice once), for a
     * committee member or an administrator; the caller audits what it reads of them.
     *
     * @throws org.springframework.security.access.AccessDeniedException neither committee member nor administrator (audited)
     * @throws CommitteeException no such meeting
     */
    @Transactional(readOnly = true)
    public List<ClientSummary> agendaClients(UserContext user, long meetingId) {
        if (!user.has(Role.COMMITTEE) && !user.has(Role.ADMIN)) {
            audit.recordDenied(user.username(), "committee_meeting", meetingId, "the agenda's clients require the committee or administrator role");
            throw new org.springframework.security.access.AccessDeniedException("Only committee members and administrators read an agenda");
        }
        List<AgendaItem> agenda = items.findByMeetingIdOrderByIdAsc(meetingId);
        if (agenda.isEmpty() && !items.existsMeeting(meetingId)) {
            throw new CommitteeException("committee.error.notFound", "No meeting " + meetingId);
        }
        return agenda.stream().map(AgendaItem::getClientId).distinct().map(clients::summaryGrantedElsewhere).toList();
    }
}
