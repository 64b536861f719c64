package org.parcours.programmes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.FormNotFoundException;
import org.parcours.clients.ClientBasics;
import org.parcours.clients.ClientStatus;
import org.parcours.clients.ClientSummary;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.Policy;
import org.parcours.formdef.ScaleItem;
import org.parcours.formdef.programme.Programme;
import org.parcours.formdef.programme.Workflow;
import org.parcours.programmes.engine.ClientFacts;
import org.parcours.programmes.engine.Finding;
import org.parcours.programmes.engine.Measured;
import org.parcours.programmes.engine.RuleEngine;
import org.parcours.programmes.engine.RuleFacts;
import org.parcours.programmes.engine.ScheduleEngine;
import org.parcours.programmes.engine.WorkflowEngine;
import org.springframework.stereotype.Service;

/**
 * The declared programmes (forms/programmes/*.yaml) applied to clients: their dues, flags and
 * failed guards. Reads the live declarations and the policy at each call, so a change published
 * in the studio applies at once. Access to the clients is the caller's: it passes the summaries
 * it may see.
 */
@Service
public class ProgrammeService {

    private final FormCatalog catalog;
    private final MeasurementSource measurements;
    private final Clock clock;

    ProgrammeService(FormCatalog catalog, MeasurementSource measurements, Clock clock) {
        this.catalog = catalog;
        this.measurements = measurements;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public List<Programme> programmes() {
        return catalog.programmes();
    }

    public Optional<Programme> programme(String id) {
        return programmes().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The programmes over a form. */
    public List<Programme> ofForm(String formKey) {
        return programmes().stream().filter(p -> p.formKey().equals(formKey)).toList();
    }

    /**
     * The forms whose measurements the committee and the dashboard follow: those of the programmes
     * (first those whose rules guard a committee action, such as the IMASP presented at each
     * meeting), then any other live form with scale items, by key.
     */
    public List<String> scoredForms() {
        List<String> keys = new ArrayList<>();
        List<Programme> ordered = new ArrayList<>(programmes());
        ordered.sort(Comparator.comparing((Programme p) -> !guardsTheCommittee(p)));
        ordered.forEach(p -> {
            if (!keys.contains(p.formKey()) && layout(p.formKey()).map(ProgrammeService::scored).orElse(false)) {
                keys.add(p.formKey());
            }
        });
        catalog.liveForms().stream().filter(f -> scored(f.definition())).map(f -> f.formKey()).sorted()
                .filter(k -> !keys.contains(k)).forEach(keys::add);
        return keys;
    }

    private static boolean guardsTheCommittee(Programme programme) {
        return programme.rules().stream().anyMatch(r -> r.guards().filter(g -> g.startsWith("committee.")).isPresent());
    }

    private static boolean scored(FormDefinition form) {
        return form.allItems().anyMatch(ScaleItem.class::isInstance);
    }

    public Policy policy() {
        return catalog.policy();
    }

    /** The facts the rules read about a client. */
    public static ClientFacts facts(ClientSummary c) {
        return new ClientFacts(c.id(), c.fullName(), Optional.ofNullable(c.birthDate()), status(c.status()),
                Optional.ofNullable(c.statusSince()), Optional.ofNullable(c.followUpStart()), Optional.ofNullable(c.permanentlyUnfitSince()));
    }

    /** The same facts from what the committee reads of a client of any team. */
    public static ClientFacts facts(ClientBasics c) {
        return new ClientFacts(c.id(), c.displayName(), Optional.ofNullable(c.birthDate()), status(c.status()),
                Optional.ofNullable(c.statusSince()), Optional.ofNullable(c.followUpStart()), Optional.ofNullable(c.permanentlyUnfitSince()));
    }

    /** A client status as the declarations write it. */
    public static String status(ClientStatus status) {
        return switch (status == null ? ClientStatus.FOLLOWED : status) {
            case FOLLOWED -> ClientFacts.FOLLOWED;
            case SOCIAL_ACTIVATION_ONLY -> ClientFacts.SOCIAL_ONLY;
            case CLOSED -> ClientFacts.CLOSED;
        };
    }

    /** A status written in a declaration, as the client feature stores it. */
    public static ClientStatus status(String written) {
        return switch (written) {
            case ClientFacts.SOCIAL_ONLY -> ClientStatus.SOCIAL_ACTIVATION_ONLY;
            case ClientFacts.CLOSED -> ClientStatus.CLOSED;
            default -> ClientStatus.FOLLOWED;
        };
    }

    public Map<Long, List<Measured>> histories(Collection<Long> clientIds, String formKey) {
        return clientIds.isEmpty() ? Map.of() : measurements.measured(clientIds, formKey);
    }

    public RuleFacts ruleFacts(Programme programme, ClientFacts client, List<Measured> history, LocalDate day) {
        return RuleFacts.of(client, history, layout(programme.formKey()), policy(), day);
    }

    /**
     * The evaluations due by {@code today + worklist.due_soon_within} for these clients, of the
     * schedules seen by one of {@code roles}, earliest first.
     */
    public List<ScheduleEngine.Due> dues(List<ClientSummary> clients, Set<String> roles, LocalDate today) {
        Policy policy = policy();
        LocalDate horizon = today.plus(policy.period("worklist.due_soon_within"));
        List<ScheduleEngine.Due> due = new ArrayList<>();
        List<Long> ids = clients.stream().map(ClientSummary::id).toList();
        for (Programme programme : programmes()) {
            if (programme.schedules().stream().noneMatch(s -> s.seenBy().stream().anyMatch(roles::contains))) {
                continue;
            }
            Set<String> visibleSchedules = new java.util.HashSet<>();
            programme.schedules().stream().filter(s -> s.seenBy().stream().anyMatch(roles::contains)).forEach(s -> visibleSchedules.add(s.id()));
            Map<Long, List<Measured>> histories = histories(ids, programme.formKey());
            ScheduleEngine engine = new ScheduleEngine(programme, policy);
            Optional<FormDefinition> layout = layout(programme.formKey());
            for (ClientSummary client : clients) {
                List<Measured> history = histories.getOrDefault(client.id(), List.of());
                ClientFacts facts = facts(client);
                engine.dues(facts, history, RuleFacts.of(facts, history, layout, policy, today), today).stream()
                        .filter(d -> visibleSchedules.contains(d.scheduleId()) && !d.due().isAfter(horizon)).forEach(due::add);
            }
        }
        due.sort(Comparator.comparing(ScheduleEngine.Due::due).thenComparing(ScheduleEngine.Due::name));
        return due;
    }

    /** The flags of every programme that hold for each client on {@code day}. */
    public Map<Long, List<Finding>> flags(Collection<ClientFacts> clients, LocalDate day) {
        Map<Long, List<Finding>> flags = new LinkedHashMap<>();
        clients.forEach(c -> flags.put(c.clientId(), new ArrayList<>()));
        Policy policy = policy();
        List<Long> ids = clients.stream().map(ClientFacts::clientId).toList();
        for (Programme programme : programmes()) {
            Map<Long, List<Measured>> histories = histories(ids, programme.formKey());
            RuleEngine engine = new RuleEngine(programme, policy);
            for (ClientFacts client : clients) {
                flags.get(client.clientId()).addAll(engine.flags(ruleFacts(programme, client,
                        histories.getOrDefault(client.clientId(), List.of()), day)));
            }
        }
        flags.replaceAll((k, v) -> List.copyOf(v));
        return flags;
    }

    /** The flags of the client on {@code day}, per-factor ones left to the score history. */
    public List<Finding> clientFlags(ClientSummary client, LocalDate day) {
        return flags(List.of(facts(client)), day).getOrDefault(client.id(), List.of()).stream()
                .filter(f -> f.factor().isEmpty()).toList();
    }

    /** The flags a programme's history gives on a form's factors (per-factor rules), by scale item id. */
    public Map<String, List<Finding>> factorFlags(String formKey, ClientFacts client, List<Measured> history, LocalDate day) {
        Map<String, List<Finding>> byFactor = new LinkedHashMap<>();
        for (Programme programme : ofForm(formKey)) {
            new RuleEngine(programme, policy()).flags(ruleFacts(programme, client, history, day)).stream()
                    .filter(f -> f.factor().isPresent())
                    .forEach(f -> byFactor.computeIfAbsent(f.factor().get(), k -> new ArrayList<>()).add(f));
        }
        return byFactor;
    }

    /** The guards of an action of every programme that fail for the client on {@code day}. */
    public List<Finding> failedGuards(String action, ClientSummary client, LocalDate day) {
        return failedGuards(action, facts(client), day);
    }

    /** As {@link #failedGuards(String, ClientSummary, LocalDate)}, from the facts the caller read. */
    public List<Finding> failedGuards(String action, ClientFacts client, LocalDate day) {
        List<Finding> failed = new ArrayList<>();
        Policy policy = policy();
        for (Programme programme : programmes()) {
            if (programme.guarding(action).isEmpty()) {
                continue;
            }
            List<Measured> history = histories(List.of(client.clientId()), programme.formKey()).getOrDefault(client.clientId(), List.of());
            failed.addAll(new RuleEngine(programme, policy).failedGuards(action, ruleFacts(programme, client, history, day)));
        }
        return failed;
    }

    /** The status the status rules set for the client on {@code day}, with the rule that sets it. */
    public Optional<Finding> statusRule(ClientSummary client, LocalDate day) {
        Policy policy = policy();
        for (Programme programme : programmes()) {
            List<Measured> history = histories(List.of(client.id()), programme.formKey()).getOrDefault(client.id(), List.of());
            Optional<Finding> found = new RuleEngine(programme, policy).statusFinding(ruleFacts(programme, facts(client), history, day));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The workflow driving the submissions of a form: the first one of subject {@code submission}
     * declared by a programme over it (forms/programmes/*.yaml), with its engine on the live
     * policy; empty when none declares one.
     */
    public Optional<WorkflowEngine> workflowOf(String formKey) {
        return ofForm(formKey).stream().flatMap(p -> p.workflows().stream().filter(w -> w.subject() == Workflow.Subject.SUBMISSION)
                .map(w -> new WorkflowEngine(p, w, policy()))).findFirst();
    }

    /** Whether the user may fire a transition of a workflow on a subject of this client in {@code state} today. */
    public WorkflowEngine.Check check(WorkflowEngine engine, String state, String transitionId, Set<String> roles, ClientSummary client) {
        Programme programme = engine.programme();
        boolean guarded = engine.workflow().transition(transitionId).map(t -> !t.guards().isEmpty()).orElse(false);
        Optional<RuleFacts> facts = guarded ? Optional.of(ruleFacts(programme, facts(client),
                histories(List.of(client.id()), programme.formKey()).getOrDefault(client.id(), List.of()), today())) : Optional.empty();
        return engine.check(state, transitionId, roles, facts);
    }

    /** The status a finding of a status rule sets. */
    public Optional<ClientStatus> statusOf(Finding finding) {
        return programme(finding.programmeId()).flatMap(p -> p.rule(finding.ruleId())).flatMap(r -> r.status()).map(ProgrammeService::status);
    }

    private Optional<FormDefinition> layout(String formKey) {
        try {
            return Optional.of(catalog.current(formKey).definition());
        } catch (FormNotFoundException e) {
            return Optional.empty();
        }
    }
}
