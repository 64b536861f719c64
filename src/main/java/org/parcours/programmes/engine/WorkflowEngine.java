package org.parcours.programmes.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.parcours.formdef.Policy;
import org.parcours.formdef.programme.Programme;
import org.parcours.formdef.programme.Rule;
import org.parcours.formdef.programme.Severity;
import org.parcours.formdef.programme.Transition;
import org.parcours.formdef.programme.Workflow;

/**
 * Whether a declared transition may be fired: it must exist, leave the subject's current state,
 * be allowed to one of the user's roles, and every blocking guard must hold. Warning guards that
 * fail are returned with an allowed check. Plain Java; the caller records the new state.
 */
public final class WorkflowEngine {

    public enum Outcome { ALLOWED, UNKNOWN_TRANSITION, WRONG_STATE, ROLE, GUARD }

    /**
     * The verdict on firing a transition from {@code state}: {@link #to()} is the state after it
     * when allowed (the same state for a step without {@code to}).
     */
    public record Check(Outcome outcome, Optional<Transition> transition, List<Finding> failedGuards, String state) {

        public Check {
            failedGuards = List.copyOf(failedGuards);
        }

        public boolean allowed() {
            return outcome == Outcome.ALLOWED;
        }

        public Optional<String> to() {
            return allowed() ? transition.map(t -> t.target(state)) : Optional.empty();
        }

        /** The failed guards that block it. */
        public List<Finding> blocking() {
            return failedGuards.stream().filter(Finding::blocking).toList();
        }
    }

    private final Programme programme;
    private final Workflow workflow;
    private final Policy policy;

    public WorkflowEngine(Programme programme, Workflow workflow, Policy policy) {
        this.programme = programme;
        this.workflow = workflow;
        this.policy = policy;
    }

    public Workflow workflow() {
        return workflow;
    }

    public Programme programme() {
        return programme;
    }

    /**
     * @param facts the client's facts for the guards (they read {@code state} as the subject's);
     *              a transition with guards is refused without them
     */
    public Check check(String state, String transitionId, Set<String> roles, Optional<RuleFacts> facts) {
        Optional<Transition> transition = workflow.transition(transitionId);
        if (transition.isEmpty()) {
            return new Check(Outcome.UNKNOWN_TRANSITION, Optional.empty(), List.of(), state);
        }
        Transition t = transition.get();
        if (!t.from().contains(state)) {
            return new Check(Outcome.WRONG_STATE, transition, List.of(), state);
        }
        if (roles.stream().noneMatch(t.roles()::contains)) {
            return new Check(Outcome.ROLE, transition, List.of(), state);
        }
        List<Rule> guards = t.guards().stream().map(programme::rule).flatMap(Optional::stream).toList();
        if (guards.isEmpty()) {
            return new Check(Outcome.ALLOWED, transition, List.of(), state);
        }
        RuleEngine rules = new RuleEngine(programme, policy);
        List<Finding> failed = facts.map(f -> rules.failed(guards, f.inState(state)))
                .orElseGet(() -> guards.stream().map(g -> new Finding(programme.id(), g.id(), g.effect(), g.severity(),
                        rules.fill(g.message()), Optional.empty(), 0)).toList());
        boolean blocked = failed.stream().anyMatch(f -> f.severity() == Severity.BLOCK);
        return new Check(blocked ? Outcome.GUARD : Outcome.ALLOWED, transition, failed, state);
    }

    /** The transitions the user may see from a state, in declaration order. */
    public List<Transition> available(String state, Set<String> roles) {
        return workflow.from(state).stream().filter(t -> roles.stream().anyMatch(t.roles()::contains)).toList();
    }

    /** The first declared transition leaving {@code state} for {@code target} (a decision named by its outcome). */
    public Optional<Transition> leading(String state, String target) {
        return workflow.from(state).stream().filter(t -> t.target(state).equals(target)).findFirst();
    }

    /** When a transition falls due, for a subject that entered its source state on {@code enteredOn}. */
    public Optional<LocalDate> deadline(Transition transition, LocalDate enteredOn) {
        return transition.dueWithin().map(p -> enteredOn.plus(p.resolve(policy)));
    }

    /** From when a transition is due before the end of its subject ({@code end}, its last day). */
    public Optional<LocalDate> dueBeforeEnd(Transition transition, LocalDate end) {
        return transition.dueBeforeEnd().map(p -> end.minus(p.resolve(policy)));
    }
}
