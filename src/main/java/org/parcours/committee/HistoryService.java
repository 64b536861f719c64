package org.parcours.committee;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.FormNotFoundException;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.committee.history.HistoryMeasurement;
import org.parcours.committee.history.RuleFlag;
import org.parcours.committee.history.ScoreHistory;
import org.parcours.evaluations.EvaluationService;
import org.parcours.evaluations.Measurement;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.Policy;
import org.parcours.programmes.ProgrammeService;
import org.parcours.programmes.engine.ClientFacts;
import org.parcours.programmes.engine.Finding;
import org.parcours.programmes.engine.Measured;
import org.parcours.security.CurrentUser;
import org.parcours.security.UserContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The committee's side-by-side score history of one client (DOMAIN §1, eVita "Historiek").
 * Access follows the client (another team's client is "not found"); the measurements and their
 * answers are read in two statements whatever their number, and form versions come from the
 * catalog's in-memory cache.
 */
@Service
@Transactional(readOnly = true)
public class HistoryService {

    private final ClientService clients;
    private final EvaluationService evaluations;
    private final FormCatalog catalog;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final AgendaAccess agendaAccess;
    private final ProgrammeService programmes;

    HistoryService(ClientService clients, EvaluationService evaluations, FormCatalog catalog, Clock clock,
                   CurrentUser currentUser, AuditLog audit, AgendaAccess agendaAccess, ProgrammeService programmes) {
        this.agendaAccess = agendaAccess;
        this.programmes = programmes;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clients = clients;
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Today, the reference date of {@link #ruleFlags}. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The declared rules' flags of a client today (none when there is no valid policy). */
    public List<RuleFlag> ruleFlags(ClientSummary client) {
        return policy().map(p -> programmes.clientFlags(client, today()).stream().map(HistoryService::flag).toList()).orElse(List.of());
    }

    /** A finding as the committee's pages show it. */
    static RuleFlag flag(Finding finding) {
        return new RuleFlag(finding.programmeId(), finding.ruleId(), finding.severity().yaml(), finding.message());
    }

    /** The client and the score history of its measurements with the form. */
    public record ClientHistory(ClientSummary client, ScoreHistory history) {
    }

    /** The form shown first: the first programme's scored form (forms/programmes), else the first live scored form. */
    public String defaultFormKey() {
        return programmes.scoredForms().stream().findFirst().orElse("");
    }

    /** Every scored form the history can show, the programmes' first. */
    public List<String> scoredForms() {
        return programmes.scoredForms();
    }

    /**
     * @throws org.parcours.clients.ClientNotFoundException when the client does not exist or the user may not see it
     * @throws FormNotFoundException when the form has neither a published version nor measurements
     */
    @Transactional
    public ClientHistory history(long clientId, String formKey) {
        return history(clientId, formKey, OptionalLong.empty());
    }

    /**
     * As {@link #history(long, String)}; with a meeting, read through that meeting's agenda
     * ({@link AgendaAccess}, docs/decisions/0016): a committee member sees a client of any team
     * that the agenda holds, and the audit row names the meeting.
     *
     * @throws org.parcours.clients.ClientNotFoundException no such client, or neither the team rule nor the agenda lets the user see it
     */
    @Transactional
    public ClientHistory history(long clientId, String formKey, OptionalLong meetingId) {
        UserContext user = currentUser.require();
        ClientSummary client = meetingId.isPresent() ? agendaAccess.requireOnAgenda(user, meetingId.getAsLong(), clientId)
                : clients.requireVisible(user, clientId);
        ClientHistory page = new ClientHistory(client, scoreHistory(ProgrammeService.facts(client), evaluations.measurements(client, formKey),
                formKey, user.roleNames()));
        audit.record(user.username(), AuditAction.HISTORY_READ, "client", clientId,
                "score history of form " + formKey + " (" + page.history().columns().size() + " measurements)"
                        + (meetingId.isPresent() ? " through the agenda of meeting " + meetingId.getAsLong() : ""));
        return page;
    }

    /** Clients the user may see whose name or register number matches, for the pickers (at most {@code limit}). */
    public List<ClientSummary> findClients(String text, int limit) {
        return clients.visibleClients(org.parcours.clients.ClientFilter.text(text)).stream().limit(limit).toList();
    }

    /**
     * The score history of measurements with a form (newest first), laid out as the form's live
     * version (or the newest measurement's version); no statement once the versions are cached.
     *
     * @throws FormNotFoundException when the form has neither a published version nor measurements
     */
    ScoreHistory scoreHistory(ClientFacts client, List<Measurement> found, String formKey, Set<String> roles) {
        List<HistoryMeasurement> measurements = found.stream().map(m -> toHistory(m, roles)).toList();
        Optional<FormDefinition> current = current(formKey);
        FormDefinition layout = current.or(() -> measurements.stream().findFirst().map(HistoryMeasurement::form))
                .orElseThrow(() -> new FormNotFoundException("No published version of form '" + formKey + "'"));
        // sensitive factors never reach a role that may not see them: neither their cells nor their row
        Set<FormDefinition> versions = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Stream.concat(Stream.of(layout), measurements.stream().map(HistoryMeasurement::form)).forEach(versions::add);
        Set<String> hidden = FormDefinition.hiddenFromAnyOf(versions, roles);
        return ScoreHistory.of(layout, measurements, factorFlags(client, found, formKey)).without(hidden);
    }

    /** The per-factor rules of the form's programmes over the full measurements (rows hidden from a role go afterwards). */
    private java.util.Map<String, ScoreHistory.FactorFlag> factorFlags(ClientFacts client, List<Measurement> found, String formKey) {
        if (policy().isEmpty()) {
            return java.util.Map.of();
        }
        List<Measured> history = found.stream().map(m -> new Measured(m.measuredAt(), catalog.version(m.formVersionId()).definition(),
                m.answers())).toList();
        java.util.Map<String, ScoreHistory.FactorFlag> flags = new java.util.LinkedHashMap<>();
        programmes.factorFlags(formKey, client, history, today()).forEach((itemId, findings) ->
                flags.put(itemId, new ScoreHistory.FactorFlag(findings.getFirst().message(), (int) findings.getFirst().factorRun())));
        return flags;
    }

    /** Whether the form has a layout without measurements (a live version). */
    boolean hasLiveVersion(String formKey) {
        return current(formKey).isPresent();
    }

    private HistoryMeasurement toHistory(Measurement m, Set<String> roles) {
        FormDefinition form = catalog.version(m.formVersionId()).definition();
        return new HistoryMeasurement(m.submittedAt(), m.submittedBy(), form, form.answersVisibleTo(roles, m.answers()), m.measuredOn());
    }

    private Optional<FormDefinition> current(String formKey) {
        try {
            return Optional.of(catalog.current(formKey).definition());
        } catch (FormNotFoundException e) {
            return Optional.empty();
        }
    }

    private Optional<Policy> policy() {
        try {
            return Optional.of(catalog.policy());
        } catch (Policy.PolicyException e) {
            return Optional.empty();
        }
    }
}
