package org.parcours.clients;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.Team;
import org.parcours.security.TeamRepository;
import org.parcours.security.UserAccounts;
import org.parcours.security.UserContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Client files. A worker sees and changes only the clients of their own teams; administrators
 * see all and alone assign a file to a team and a responsible worker. Reads and changes are
 * written to the audit trail (changes with their before and after values), refused attempts too.
 */
@Service
public class ClientService {

    static final int NAME_MAX = 100;
    static final int PHONE_MAX = 40;
    static final int EMAIL_MAX = 254;
    static final int ADDRESS_MAX = 300;
    static final int REASON_MAX = 1000;
    static final int MEMBER_NAME_MAX = 200;
    static final String TARGET = "client";
    /** The unique key on client.national_register_number (V0003). */
    private static final String NRN_UNIQUE_KEY = "uk_client_national_register_number";

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ./()\\-]{5,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

    private final ClientRepository clients;
    private final TeamRepository teams;
    private final CurrentUser currentUser;
    private final UserAccounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    /** Looked up when asked: its implementation (privacy module) itself uses this service. */
    private final org.springframework.beans.factory.ObjectProvider<JustifiedAccess> justified;

    ClientService(ClientRepository clients, TeamRepository teams, CurrentUser currentUser, UserAccounts accounts,
                  AuditLog audit, Clock clock, org.springframework.beans.factory.ObjectProvider<JustifiedAccess> justified) {
        this.justified = justified;
        this.clients = clients;
        this.teams = teams;
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether no client file exists yet (a first start); reads no personal data. */
    @Transactional(readOnly = true)
    public boolean noClientYet() {
        return clients.count() == 0;
    }

    @Transactional(readOnly = true)
    public List<ClientSummary> visibleClients() {
        return visibleClients(ClientFilter.ALL);
    }

    /**
     * The clients the user may see that match the filter, by name. The text matches first and
     * last names in either order, or the national register number (separators ignored), without
     * regard to case or accents. A team the user cannot see matches nothing.
     */
    @Transactional(readOnly = true)
    public List<ClientSummary> visibleClients(ClientFilter filter) {
        UserContext user = currentUser.require();
        List<Client> found = user.has(Role.ADMIN)
                ? clients.findAllByOrderByLastNameAscFirstNameAsc()
                : clients.findByTeamIdInOrderByLastNameAscFirstNameAsc(user.teamIds());
        String text = filter.text() == null ? "" : fold(filter.text());
        String digits = text.replaceAll("[\\s.\\-]", "");
        boolean numberSearch = !digits.isEmpty() && digits.chars().allMatch(Character::isDigit);
        List<Client> matching = found.stream()
                .filter(c -> filter.teamId() == null || c.getTeamId() == filter.teamId())
                .filter(c -> filter.status() == null || c.getStatus() == filter.status())
                .filter(c -> !filter.onlyMine() || Objects.equals(c.getResponsibleWorkerId(), user.id()))
                .filter(c -> text.isEmpty()
                        || fold(c.getLastName() + " " + c.getFirstName()).contains(text)
                        || fold(c.getFirstName() + " " + c.getLastName()).contains(text)
                        || numberSearch && c.getNationalRegisterNumber() != null && c.getNationalRegisterNumber().contains(digits))
                .toList();
        Map<Long, String> teamNames = teamNames();
        Map<Long, String> workerNames = accounts.displayNames();
        return matching.stream().map(c -> summary(c, teamNames, workerNames)).toList();
    }

    /**
     * {@link #visibleClients(ClientFilter)} for a list shown to the user (the client list and its
     * name or national-register-number search, the API): audited as one row with the filter and
     * every id shown.
     */
    @Transactional
    public List<ClientSummary> listShown(ClientFilter filter, String where) {
        UserContext user = currentUser.require();
        List<ClientSummary> shown = visibleClients(filter);
        audit.recordList(user.username(), TARGET, "-", where + " (search: " + (filter.text() == null ? "" : filter.text().strip())
                + ", team: " + filter.teamId() + ", status: " + filter.status() + ", mine: " + filter.onlyMine() + ")",
                shown.stream().map(ClientSummary::id).toList());
        return shown;
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
        return checkVisible(currentUser.require(), clientId);
    }

    /**
     * As {@link #requireVisible(long)} for a caller that already holds the signed-in user's
     * context (a score history, the list of who read a file); within one transaction
     * {@code CurrentUser} reads the account once anyway.
     */
    @Transactional(readOnly = true)
    public ClientSummary requireVisible(UserContext user, long clientId) {
        return checkVisible(user, clientId);
    }

    /**
     * The justified accesses of workers of other teams to this client over the last
     * {@code days}, for the client's own team and administrators (the file's page shows them); a
     * worker who reads the file through a justified access does not see the others'. Empty for
     * anyone else.
     */
    @Transactional(readOnly = true)
    public List<JustifiedAccess.Grant> justifiedAccesses(long clientId, int days) {
        UserContext user = currentUser.require();
        Client client = clients.findById(clientId).orElseThrow(() -> new ClientNotFoundException(clientId));
        if (!user.canSeeTeam(client.getTeamId())) {
            return List.of();
        }
        return justified.orderedStream().flatMap(j -> j.grantsOn(clientId, days).stream()).toList();
    }

    /** Whether the signed-in user may change the client's data, as {@link #requireWritable(long)} checks, without auditing. */
    @Transactional(readOnly = true)
    public boolean writable(long clientId) {
        return clients.findById(clientId).map(c -> currentUser.require().canSeeTeam(c.getTeamId())).orElse(false);
    }

    /**
     * Checks that the signed-in user may change the client's data (save or submit an evaluation, a
     * CASU request, a MASP contract, a payment): the team rule only. A justified access outside
     * one's team (docs/privacy.md) lets a worker read the file, never change it; such an attempt
     * is refused and audited.
     */
    @Transactional(readOnly = true)
    public ClientSummary requireWritable(long clientId) {
        UserContext user = currentUser.require();
        Client client = clients.findWithHouseholdById(clientId).orElseThrow(() -> new ClientNotFoundException(clientId));
        if (!user.canSeeTeam(client.getTeamId())) {
            if (justified.orderedStream().anyMatch(j -> j.grants(user, clientId))) {
                audit.recordDenied(user.username(), TARGET, clientId, "a justified access reads the file, it does not change it");
                throw new ReadOnlyAccessException(clientId);
            }
            audit.recordDenied(user.username(), TARGET, clientId, "client of another team");
            throw new ClientNotFoundException(clientId);
        }
        return summary(client);
    }

    /**
     * A client's summary for a module that has granted the read by a rule of its own instead of
     * the team rule: the committee reading a client through a meeting's agenda
     * (docs/decisions/0016, {@code committee.AgendaAccess}). Not audited here: the caller audits
     * its read, naming the meeting.
     */
    @Transactional(readOnly = true)
    public ClientSummary summaryGrantedElsewhere(long clientId) {
        return summary(clients.findById(clientId).orElseThrow(() -> new ClientNotFoundException(clientId)));
    }

    @Transactional
    public ClientSummary create(NewClient input) {
        UserContext user = currentUser.require();
        String firstName = strip(input.firstName());
        String lastName = strip(input.lastName());
        Map<String, String> errors = new LinkedHashMap<>();
        checkName("firstName", firstName, errors);
        checkName("lastName", lastName, errors);
        LocalDate birthDate = input.birthDate();
        checkBirthDate(birthDate, errors);
        String nrn = checkNationalRegisterNumber(user, input.nationalRegisterNumber(), null, errors);
        checkFollowUpStart(input.followUpStart(), birthDate, errors);
        if (!user.canSeeTeam(input.teamId()) || teams.findById(input.teamId()).isEmpty()) {
            errors.put("team", "client.error.team");
        }
        if (!errors.isEmpty()) {
            throw new ClientValidationException(errors);
        }
        Client client = new Client(firstName, lastName, birthDate, input.teamId(), clock.instant(), user.username());
        client.setIdentity(firstName, lastName, birthDate, nrn);
        client.setFollowUpStart(input.followUpStart());
        client.setStatus(ClientStatus.FOLLOWED, LocalDate.now(clock), null);
        if (user.has(Role.WORKER) && user.teamIds().contains(input.teamId())) {
            client.assign(input.teamId(), user.id());
        }
        Client saved = saveChecked(client);
        audit.record(user.username(), AuditAction.CLIENT_CREATED, TARGET, saved.getId(),
                "created " + lastName + " " + firstName + " in team " + input.teamId());
        return summary(saved);
    }

    /**
     * Changes a client file, for a worker of the client's team or an administrator. Invalid input
     * is refused field by field ({@link ClientValidationException}) and nothing is saved. The
     * audit row lists each changed field with its before and after values.
     */
    @Transactional
    public ClientSummary update(long clientId, ClientUpdate input) {
        UserContext user = currentUser.require();
        Client client = requireChangeable(user, clientId);
        String firstName = strip(input.firstName());
        String lastName = strip(input.lastName());
        Map<String, String> errors = new LinkedHashMap<>();
        checkName("firstName", firstName, errors);
        checkName("lastName", lastName, errors);
        checkBirthDate(input.birthDate(), errors);
        String nrn = checkNationalRegisterNumber(user, input.nationalRegisterNumber(), clientId, errors);
        String phone = blankToNull(input.phone());
        if (phone != null && (phone.length() > PHONE_MAX || !PHONE.matcher(phone).matches())) {
            errors.put("phone", "client.error.phone");
        }
        String email = blankToNull(input.email());
        if (email != null && (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches())) {
            errors.put("email", "client.error.email");
        }
        String address = blankToNull(input.address());
        if (address != null && address.length() > ADDRESS_MAX) {
            errors.put("address", "client.error.addressTooLong");
        }
        checkFollowUpStart(input.followUpStart(), input.birthDate(), errors);
        ClientStatus status = input.status();
        String reason = blankToNull(input.statusReason());
        LocalDate since = input.statusSince();
        if (status == null) {
            errors.put("status", "client.error.required");
        } else {
            if (status.requiresReason() && reason == null) {
                errors.put("statusReason", "client.error.statusReasonRequired");
            }
            if (since == null && status != client.getStatus()) {
                since = LocalDate.now(clock);
            }
        }
        if (reason != null && reason.length() > REASON_MAX) {
            errors.put("statusReason", "client.error.reasonTooLong");
        }
        if (since != null && since.isAfter(LocalDate.now(clock))) {
            errors.put("statusSince", "client.error.dateFuture");
        }
        List<HouseholdMember> household = new ArrayList<>();
        for (int i = 0; i < input.household().size(); i++) {
            HouseholdMember member = input.household().get(i);
            String name = member == null ? "" : strip(member.fullName());
            if (name.isEmpty()) {
                errors.put("household." + i + ".fullName", "client.error.required");
            } else if (name.length() > MEMBER_NAME_MAX) {
                errors.put("household." + i + ".fullName", "client.error.memberNameTooLong");
            }
            if (member != null && member.birthDate() != null && member.birthDate().isAfter(LocalDate.now(clock))) {
                errors.put("household." + i + ".birthDate", "client.error.birthDateFuture");
            }
            if (member == null || member.relationship() == null) {
                errors.put("household." + i + ".relationship", "client.error.required");
            }
            if (member != null) {
                household.add(new HouseholdMember(name, member.birthDate(), member.relationship()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ClientValidationException(errors);
        }

        Changes changes = new Changes();
        changes.add("firstName", client.getFirstName(), firstName);
        changes.add("lastName", client.getLastName(), lastName);
        changes.add("birthDate", client.getBirthDate(), input.birthDate());
        changes.add("nationalRegisterNumber", NationalRegisterNumber.format(client.getNationalRegisterNumber()),
                NationalRegisterNumber.format(nrn));
        changes.add("phone", client.getPhone(), phone);
        changes.add("email", client.getEmail(), email);
        changes.add("address", client.getAddress(), address);
        changes.add("followUpStart", client.getFollowUpStart(), input.followUpStart());
        changes.add("status", client.getStatus(), status);
        changes.add("statusSince", client.getStatusSince(), since);
        changes.add("statusReason", client.getStatusReason(), reason);
        changes.add("household", describe(client.getHousehold()), describe(household));

        client.setIdentity(firstName, lastName, input.birthDate(), nrn);
        client.setContact(phone, email, address);
        client.setFollowUpStart(input.followUpStart());
        client.setStatus(status, since, reason);
        if (!client.getHousehold().equals(household)) {
            client.setHousehold(household);
        }
        saveChecked(client);
        audit.record(user.username(), AuditAction.CLIENT_UPDATED, TARGET, clientId, changes.toString());
        return summary(client);
    }

    /**
     * Sets a client's status as decided by the committee (docs/decisions/0006), for a committee member or an
     * administrator, whatever the client's team: the committee decides on any client put on its
     * agenda. The change is audited with its before and after values.
     */
    @Transactional
    public ClientSummary applyCommitteeDecision(long clientId, ClientStatus status, LocalDate since, String reason) {
        UserContext user = currentUser.require();
        if (!user.has(Role.ADMIN) && !user.has(Role.COMMITTEE)) {
            audit.recordDenied(user.username(), TARGET, clientId, "a committee decision requires the committee or administrator role");
            throw new AccessDeniedException("Only the committee or an administrator applies a committee decision");
        }
        Client client = clients.findById(clientId).orElseThrow(() -> new ClientNotFoundException(clientId));
        String why = blankToNull(reason);
        if (status == null || since == null || status.requiresReason() && why == null) {
            throw new ClientValidationException(Map.of("status", "client.error.required"));
        }
        why = why != null && why.length() > REASON_MAX ? why.substring(0, REASON_MAX) : why;
        Changes changes = new Changes();
        changes.add("status", client.getStatus(), status);
        changes.add("statusSince", client.getStatusSince(), since);
        changes.add("statusReason", client.getStatusReason(), why);
        client.setStatus(status, since, why);
        clients.saveAndFlush(client);
        audit.record(user.username(), AuditAction.CLIENT_STATUS_BY_DECISION, TARGET, clientId, changes.toString());
        return summary(client);
    }

    /**
     * Sets a client's status because a declared rule says so (forms/programmes: "over 60 or
     * permanently unfit: social activation only, automatically"), on behalf of {@code actor} (the
     * scheduled job or the user whose action applied it). No user check: only the programme
     * engine calls this, with the rule's own message as the reason; audited with before and after.
     */
    @Transactional
    public ClientSummary applyRuleStatus(long clientId, ClientStatus status, LocalDate since, String reason, String actor) {
        Client client = clients.findById(clientId).orElseThrow(() -> new ClientNotFoundException(clientId));
        if (client.getStatus() == status || client.getStatus() == ClientStatus.CLOSED) {
            return summary(client);
        }
        String why = reason.length() > REASON_MAX ? reason.substring(0, REASON_MAX) : reason;
        Changes changes = new Changes();
        changes.add("status", client.getStatus(), status);
        changes.add("statusSince", client.getStatusSince(), since);
        changes.add("statusReason", client.getStatusReason(), why);
        client.setStatus(status, since, why);
        clients.saveAndFlush(client);
        audit.record(actor, AuditAction.CLIENT_STATUS_BY_RULE, TARGET, clientId, changes.toString());
        return summary(client);
    }

    /** Every open (not closed) client file, for the programme engine's daily status rules (no user: a system job). */
    @Transactional(readOnly = true)
    public List<ClientSummary> openClientsForRules() {
        Map<Long, String> teamNames = teamNames();
        Map<Long, String> workerNames = accounts.displayNames();
        return clients.findAllByOrderByLastNameAscFirstNameAsc().stream().filter(c -> c.getStatus() != ClientStatus.CLOSED)
                .map(c -> summary(c, teamNames, workerNames)).toList();
    }

    /**
     * Records (or, with null, clears) since when the client is permanently unfit for work (DOMAIN
     * §1 R3), for a worker of the client's team or an administrator; audited with before and after.
     */
    @Transactional
    public ClientSummary recordPermanentlyUnfit(long clientId, LocalDate since) {
        UserContext user = currentUser.require();
        Client client = requireChangeable(user, clientId);
        if (since != null && (since.isAfter(LocalDate.now(clock)) || client.getBirthDate() != null && since.isBefore(client.getBirthDate()))) {
            throw new ClientValidationException(Map.of("permanentlyUnfitSince", "client.error.unfitSince"));
        }
        Changes changes = new Changes();
        changes.add("permanentlyUnfitSince", client.getPermanentlyUnfitSince(), since);
        client.setPermanentlyUnfitSince(since);
        clients.saveAndFlush(client);
        audit.record(user.username(), AuditAction.CLIENT_UPDATED, TARGET, clientId, changes.toString());
        return summary(client);
    }

    /** {@link #assign(long, long, Optional)} with a responsible worker. */
    @Transactional
    public ClientSummary assign(long clientId, long teamId, long workerId) {
        return assign(clientId, teamId, Optional.of(workerId));
    }

    /**
     * Assigns a client file to a team and, optionally, a responsible worker (a WORKER member of
     * that team). Administrators only: anyone else gets an {@link AccessDeniedException} (audited).
     */
    @Transactional
    public ClientSummary assign(long clientId, long teamId, Optional<Long> workerId) {
        UserContext user = currentUser.require();
        if (!user.has(Role.ADMIN)) {
            audit.recordDenied(user.username(), TARGET, clientId, "assign requires the administrator role");
            throw new AccessDeniedException("Only administrators assign client files");
        }
        Client client = clients.findById(clientId).orElseThrow(() -> new ClientNotFoundException(clientId));
        Map<String, String> errors = new LinkedHashMap<>();
        if (teams.findById(teamId).isEmpty()) {
            errors.put("team", "client.error.team");
        } else if (workerId.isPresent() && !accounts.isWorkerOf(workerId.get(), teamId)) {
            errors.put("responsibleWorker", "client.error.workerNotInTeam");
        }
        if (!errors.isEmpty()) {
            throw new ClientValidationException(errors);
        }
        Map<Long, String> teamNames = teamNames();
        Map<Long, String> workerNames = accounts.displayNames();
        Changes changes = new Changes();
        changes.add("team", teamNames.get(client.getTeamId()), teamNames.get(teamId));
        changes.add("responsibleWorker", workerNames.get(client.getResponsibleWorkerId()),
                workerId.map(workerNames::get).orElse(null));
        client.assign(teamId, workerId.orElse(null));
        clients.saveAndFlush(client);
        audit.record(user.username(), AuditAction.CLIENT_ASSIGNED, TARGET, clientId, changes.toString());
        return summary(client, teamNames, workerNames);
    }

    /**
     * Saves at once, so that a national register number taken meanwhile by another file (the
     * unique key) is reported at its field like any other error, not as a database failure.
     */
    private Client saveChecked(Client client) {
        try {
            return clients.saveAndFlush(client);
        } catch (DataIntegrityViolationException e) {
            // the session cannot be queried after a failed flush: recognise the key by its name
            String cause = String.valueOf(e.getMostSpecificCause().getMessage());
            if (cause.contains(NRN_UNIQUE_KEY)) {
                throw new ClientValidationException(Map.of("nationalRegisterNumber", "client.error.nrnTaken"));
            }
            throw e;
        }
    }

    private Client requireChangeable(UserContext user, long clientId) {
        Client client = clients.findById(clientId).orElseThrow(() -> new ClientNotFoundException(clientId));
        if (!user.canSeeTeam(client.getTeamId())) {
            audit.recordDenied(user.username(), TARGET, clientId, "client of another team");
            throw new ClientNotFoundException(clientId);
        }
        if (!user.has(Role.ADMIN) && !user.has(Role.WORKER)) {
            audit.recordDenied(user.username(), TARGET, clientId, "changing a client file requires a worker of its team");
            throw new AccessDeniedException("Only a worker of the client's team or an administrator changes a client file");
        }
        return client;
    }

    private ClientSummary checkVisible(UserContext user, long clientId) {
        Client client = clients.findWithHouseholdById(clientId).orElseThrow(() -> new ClientNotFoundException(clientId));
        if (!user.canSeeTeam(client.getTeamId()) && justified.orderedStream().noneMatch(j -> j.grants(user, clientId))) {
            audit.recordDenied(user.username(), TARGET, clientId, "client of another team");
            throw new ClientNotFoundException(clientId);
        }
        return summary(client);
    }

    // ---- for the privacy module's retention job (docs/privacy.md): no user, so no access check

    /** Every client file's id. */
    @Transactional(readOnly = true)
    public List<Long> allClientIds() {
        return clients.findAll().stream().map(Client::getId).sorted().toList();
    }

    /** Per closed client file, the day it was closed. */
    @Transactional(readOnly = true)
    public Map<Long, LocalDate> closedSince() {
        Map<Long, LocalDate> closed = new java.util.HashMap<>();
        clients.findAll().stream().filter(c -> c.getStatus() == ClientStatus.CLOSED && c.getStatusSince() != null)
                .forEach(c -> closed.put(c.getId(), c.getStatusSince()));
        return closed;
    }

    /**
     * What the committee reads of the clients its meetings hold, whatever their team: name, birth
     * date and status (the committee decides on any client of its agenda; the caller checks the
     * committee role and audits the read naming the meeting). One statement; unknown ids are absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, ClientBasics> basicsOfAnyTeam(java.util.Collection<Long> clientIds) {
        if (clientIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, ClientBasics> found = new LinkedHashMap<>();
        clients.findAllById(clientIds).forEach(c -> found.put(c.getId(), new ClientBasics(c.getId(), c.getFirstName(), c.getLastName(),
                c.getBirthDate(), c.getStatus(), c.getStatusSince(), c.getFollowUpStart(), c.getPermanentlyUnfitSince())));
        return found;
    }

    /** The team of a client file, for a module that records an access to it (empty when there is no such file). */
    @Transactional(readOnly = true)
    public java.util.OptionalLong teamOf(long clientId) {
        return clients.findById(clientId).map(c -> java.util.OptionalLong.of(c.getTeamId())).orElse(java.util.OptionalLong.empty());
    }

    private void checkBirthDate(LocalDate birthDate, Map<String, String> errors) {
        if (birthDate == null) {
            errors.put("birthDate", "client.error.required");
        } else if (birthDate.isAfter(LocalDate.now(clock))) {
            errors.put("birthDate", "client.error.birthDateFuture");
        } else if (birthDate.isBefore(LocalDate.now(clock).minusYears(130))) {
            errors.put("birthDate", "client.error.birthDateTooOld");
        }
    }

    private static void checkFollowUpStart(LocalDate followUpStart, LocalDate birthDate, Map<String, String> errors) {
        if (followUpStart != null && birthDate != null && followUpStart.isBefore(birthDate)) {
            errors.put("followUpStart", "client.error.followUpBeforeBirth");
        }
    }

    /**
     * The normalised digits, or null when none was given; records an error when invalid or taken.
     * A taken number is reported alike whoever's file carries it, naming neither the file, its
     * team nor the person: the user learns only that the number cannot be used. Since that still
     * tells that the number is registered, each such refusal is audited on the file that carries
     * it, so probing numbers leaves a trace.
     */
    private String checkNationalRegisterNumber(UserContext user, String text, Long clientId, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Optional<NationalRegisterNumber.Problem> problem = NationalRegisterNumber.problemOf(text);
        if (problem.isPresent()) {
            errors.put("nationalRegisterNumber", problem.get() == NationalRegisterNumber.Problem.FORMAT
                    ? "client.error.nrnFormat" : "client.error.nrnChecksum");
            return null;
        }
        String digits = NationalRegisterNumber.parse(text).digits();
        Optional<Client> holder = clients.findFirstByNationalRegisterNumber(digits).filter(c -> !c.getId().equals(clientId));
        if (holder.isPresent()) {
            errors.put("nationalRegisterNumber", "client.error.nrnTaken");
            audit.recordDenied(user.username(), TARGET, holder.get().getId(),
                    "national register number already registered to this file (the user was told only that it cannot be used)");
        }
        return digits;
    }

    private static void checkName(String field, String value, Map<String, String> errors) {
        if (value.isEmpty()) {
            errors.put(field, "client.error.required");
        } else if (value.length() > NAME_MAX) {
            errors.put(field, "client.error.tooLong");
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Lower case, without accents, single spaces. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD);
        return DIACRITICS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static String describe(List<HouseholdMember> members) {
        return members.isEmpty() ? null : members.stream()
                .map(m -> m.fullName() + " (" + m.relationship() + (m.birthDate() == null ? "" : ", " + m.birthDate()) + ")")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** One client's summary: its team and responsible worker looked up alone, not every team and user. */
    private ClientSummary summary(Client c) {
        Map<Long, String> team = teams.findById(c.getTeamId()).map(t -> Map.of(t.getId(), t.getName())).orElse(Map.of());
        Map<Long, String> worker = c.getResponsibleWorkerId() == null ? Map.of()
                : accounts.displayName(c.getResponsibleWorkerId()).map(n -> Map.of(c.getResponsibleWorkerId(), n)).orElse(Map.of());
        return summary(c, team, worker);
    }

    private Map<Long, String> teamNames() {
        return teams.findAll().stream().collect(Collectors.toMap(Team::getId, Team::getName, (a, b) -> a));
    }

    private static ClientSummary summary(Client c, Map<Long, String> teamNames, Map<Long, String> workerNames) {
        return new ClientSummary(c.getId(), c.getFirstName(), c.getLastName(), c.getBirthDate(), c.getTeamId(),
                teamNames.getOrDefault(c.getTeamId(), "?"), c.getNationalRegisterNumber(), c.getPhone(), c.getEmail(),
                c.getAddress(), c.getResponsibleWorkerId(),
                c.getResponsibleWorkerId() == null ? null : workerNames.getOrDefault(c.getResponsibleWorkerId(), "?"),
                c.getFollowUpStart(), c.getStatus(), c.getStatusSince(), c.getStatusReason(), c.getHousehold(),
                c.getPermanentlyUnfitSince());
    }

    /** "field: before -> after; ..." for the fields that changed. */
    private static final class Changes {
        private final List<String> parts = new ArrayList<>();

        void add(String field, Object before, Object after) {
            if (!Objects.equals(before, after)) {
                parts.add(field + ": " + show(before) + " -> " + show(after));
            }
        }

        private static String show(Object value) {
            return value == null ? "(none)" : String.valueOf(value);
        }

        @Override
        public String toString() {
            return parts.isEmpty() ? "no change" : String.join("; ", parts);
        }
    }
}
