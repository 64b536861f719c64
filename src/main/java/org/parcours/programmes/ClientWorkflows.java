package org.parcours.programmes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.formdef.LocalizedText;
import org.parcours.formdef.programme.Programme;
import org.parcours.formdef.programme.Workflow;
import org.parcours.programmes.engine.Finding;
import org.parcours.programmes.engine.Measured;
import org.parcours.programmes.engine.RuleFacts;
import org.parcours.programmes.engine.WorkflowEngine;
import org.parcours.security.CurrentUser;
import org.parcours.security.UserContext;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The declared workflows whose subject is the client (the budget guidance): where a client of the
 * user's team stands, the transitions the workflow offers the user, and firing one, refused with
 * the guard's message when a blocking guard fails. Each transition is audited
 * ({@code WORKFLOW_TRANSITION}).
 */
@Service
public class ClientWorkflows {

    static final String TARGET = "client";

    /** A transition the user may fire, with its deadline when declared. */
    public record Offer(String transitionId, LocalizedText label, Optional<LocalDate> due) {
    }

    /** A client's place in one workflow. {@code enteredOn} is empty for the initial state never entered. */
    public record Standing(String programmeId, String workflowId, LocalizedText title, String state, LocalizedText stateLabel,
                           Optional<LocalDate> enteredOn, List<Offer> offers) {
    }

    /** The result of a fired transition: its new standing and the warnings of the guards that failed without blocking. */
    public record Fired(Standing standing, List<LocalizedText> warnings) {
    }

    private final ProgrammeService programmes;
    private final WorkflowStateRepository states;
    private final ClientService clients;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    ClientWorkflows(ProgrammeService programmes, WorkflowStateRepository states, ClientService clients, CurrentUser currentUser,
                    AuditLog audit, Clock clock) {
        this.programmes = programmes;
        this.states = states;
        this.clients = clients;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The client's standing in every client workflow that applies to them, in declaration order. */
    @Transactional(readOnly = true)
    public List<Standing> of(long clientId) {
        UserContext user = currentUser.require();
        ClientSummary client = clients.requireVisible(clientId);
        List<Standing> found = new ArrayList<>();
        for (Programme programme : programmes.programmes()) {
            for (Workflow workflow : programme.workflows()) {
                if (workflow.subject() != Workflow.Subject.CLIENT) {
                    continue;
                }
                RuleFacts facts = facts(programme, client);
                if (workflow.appliesWhen().map(c -> programme.compiled().holds(c, facts.variables())).orElse(true)) {
                    found.add(standing(programme, workflow, client, user));
                }
            }
        }
        return found;
    }

    /**
     * Fires a transition for the client: refused when the workflow does not offer it from the
     * client's state, the user's roles may not fire it, or a blocking guard fails (with its message).
     */
    @Transactional
    public Fired fire(long clientId, String programmeId, String workflowId, String transitionId) {
        UserContext user = currentUser.require();
        ClientSummary client = clients.requireWritable(clientId); // a justified access reads only (docs/privacy.md)
        Programme programme = programmes.programme(programmeId).orElseThrow(() -> refusal("programme.workflow.unknown", programmeId));
        Workflow workflow = programme.workflow(workflowId).filter(w -> w.subject() == Workflow.Subject.CLIENT)
                .orElseThrow(() -> refusal("programme.workflow.unknown", programmeId + "/" + workflowId));
        Optional<WorkflowState> stored = states.findByClientIdAndProgrammeIdAndWorkflowId(clientId, programmeId, workflowId);
        String state = stored.map(WorkflowState::getState).filter(workflow.states()::containsKey).orElse(workflow.initial());
        WorkflowEngine engine = new WorkflowEngine(programme, workflow, programmes.policy());
        WorkflowEngine.Check check = engine.check(state, transitionId, user.roleNames(), Optional.of(facts(programme, client)));
        String what = programmeId + "/" + workflowId + " " + transitionId + " from " + state;
        switch (check.outcome()) {
            case ROLE -> {
                audit.recordDenied(user.username(), TARGET, clientId, what + ": not for this user's roles");
                throw new AccessDeniedException("This step is not for this user");
            }
            case GUARD -> {
                audit.recordDenied(user.username(), TARGET, clientId, what + ": refused by the rules "
                        + check.blocking().stream().map(Finding::ruleId).toList());
                throw new WorkflowRefusedException(check.blocking().stream().map(Finding::message).toList());
            }
            case UNKNOWN_TRANSITION, WRONG_STATE -> throw refusal("programme.workflow.notNow", what);
            case ALLOWED -> {
            }
        }
        String to = check.to().orElseThrow();
        LocalDate today = programmes.today();
        WorkflowState row = stored.orElseGet(() -> new WorkflowState(clientId, programmeId, workflowId, state, today, clock.instant(),
                user.username()));
        row.moveTo(to, today, clock.instant(), user.username());
        try {
            states.saveAndFlush(row);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw refusal("programme.workflow.concurrent", what);
        }
        audit.record(user.username(), AuditAction.WORKFLOW_TRANSITION, TARGET, clientId, what + " to " + to
                + (check.failedGuards().isEmpty() ? "" : " despite the warnings " + check.failedGuards().stream().map(Finding::ruleId).toList()));
        return new Fired(standing(programme, workflow, client, user), check.failedGuards().stream().map(Finding::message).toList());
    }

    private Standing standing(Programme programme, Workflow workflow, ClientSummary client, UserContext user) {
        Optional<WorkflowState> stored = states.findByClientIdAndProgrammeIdAndWorkflowId(client.id(), programme.id(), workflow.id());
        String state = stored.map(WorkflowState::getState).filter(workflow.states()::containsKey).orElse(workflow.initial());
        // a client never moved stands in the initial state since the follow-up start
        Optional<LocalDate> entered = stored.map(WorkflowState::getEnteredOn).or(() -> Optional.ofNullable(client.followUpStart()));
        WorkflowEngine engine = new WorkflowEngine(programme, workflow, programmes.policy());
        List<Offer> offers = engine.available(state, user.roleNames()).stream()
                .map(t -> new Offer(t.id(), t.label(), entered.flatMap(on -> engine.deadline(t, on)))).toList();
        return new Standing(programme.id(), workflow.id(), workflow.title(), state, workflow.states().get(state),
                stored.map(WorkflowState::getEnteredOn), offers);
    }

    private RuleFacts facts(Programme programme, ClientSummary client) {
        Map<Long, List<Measured>> history = programmes.histories(List.of(client.id()), programme.formKey());
        return programmes.ruleFacts(programme, ProgrammeService.facts(client), history.getOrDefault(client.id(), List.of()),
                programmes.today());
    }

    private static WorkflowRefusedException refusal(String key, String what) {
        return new WorkflowRefusedException(key, what);
    }
}
