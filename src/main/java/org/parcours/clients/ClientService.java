package org.parcours.clients;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.parcours.security.CurrentUser;
import org.parcours.security.Team;
import org.parcours.security.TeamRepository;
import org.parcours.security.UserContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Client files. A worker sees and changes only the clients of their own teams; administrators
 * see all. Reads and changes are written to the audit trail, refused attempts too.
 */
@Service
public class ClientService {

    static final int NAME_MAX = 100;
    static final String TARGET = "client";

    private final ClientRepository clients;
    private final TeamRepository teams;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    ClientService(ClientRepository clients, TeamRepository teams, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.clients = clients;
        this.teams = teams;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ClientSummary> visibleClients() {
        UserContext user = currentUser.require();
        List<Client> found = user.has(org.parcours.security.Role.ADMIN)
                ? clients.findAllByOrderByLastNameAscFirstNameAsc()
                : clients.findByTeamIdInOrderByLastNameAscFirstNameAsc(user.teamIds());
        Map<Long, String> teamNames = teamNames();
        return found.stream().map(c -> summary(c, teamNames)).toList();
    }

    /** Opens a client file: audited; refused (and audited) for another team's client. */
    @Transactional
    public ClientSummary open(long clientId) {
        UserContext user = currentUser.require();
        ClientSummary client = requireVisible(user, clientId);
        audit.record(user.username(), AuditAction.CLIENT_READ, TARGET, clientId, "opened client file");
        return client;
    }

    /**
     * Checks that the signed-in user may see the client, without auditing a read; for other
     * modules acting on a client's data (they audit their own action).
     */
    @Transactional(readOnly = true)
    public ClientSummary requireVisible(long clientId) {
        return requireVisible(currentUser.require(), clientId);
    }

    @Transactional
    public ClientSummary create(NewClient input) {
        UserContext user = currentUser.require();
        String firstName = input.firstName() == null ? "" : input.firstName().strip();
        String lastName = input.lastName() == null ? "" : input.lastName().strip();
        Map<String, String> errors = new LinkedHashMap<>();
        checkName("firstName", firstName, errors);
        checkName("lastName", lastName, errors);
        LocalDate birthDate = input.birthDate();
        if (birthDate == null) {
            errors.put("birthDate", "client.error.required");
        } else if (birthDate.isAfter(LocalDate.now(clock))) {
            errors.put("birthDate", "client.error.birthDateFuture");
        } else if (birthDate.isBefore(LocalDate.now(clock).minusYears(130))) {
            errors.put("birthDate", "client.error.birthDateTooOld");
        }
        if (!user.canSeeTeam(input.teamId()) || teams.findById(input.teamId()).isEmpty()) {
            errors.put("team", "client.error.team");
        }
        if (!errors.isEmpty()) {
            throw new ClientValidationException(errors);
        }
        Client saved = clients.save(new Client(firstName, lastName, birthDate, input.teamId(), clock.instant(), user.username()));
        audit.record(user.username(), AuditAction.CLIENT_CREATED, TARGET, saved.getId(),
                "created " + lastName + " " + firstName + " in team " + input.teamId());
        return summary(saved, teamNames());
    }

    private ClientSummary requireVisible(UserContext user, long clientId) {
        Client client = clients.findById(clientId).orElseThrow(() -> new ClientNotFoundException(clientId));
        if (!user.canSeeTeam(client.getTeamId())) {
            audit.recordDenied(user.username(), TARGET, clientId, "client of another team");
            throw new ClientNotFoundException(clientId);
        }
        return summary(client, teamNames());
    }

    private static void checkName(String field, String value, Map<String, String> errors) {
        if (value.isEmpty()) {
            errors.put(field, "client.error.required");
        } else if (value.length() > NAME_MAX) {
            errors.put(field, "client.error.tooLong");
        }
    }

    private Map<Long, String> teamNames() {
        return teams.findAll().stream().collect(Collectors.toMap(Team::getId, Team::getName, (a, b) -> a));
    }

    private static ClientSummary summary(Client c, Map<Long, String> teamNames) {
        return new ClientSummary(c.getId(), c.getFirstName(), c.getLastName(), c.getBirthDate(), c.getTeamId(),
                teamNames.getOrDefault(c.getTeamId(), "?"));
    }

}
