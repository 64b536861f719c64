package org.parcours.formdef.programme;

import java.util.List;
import java.util.Optional;

import org.parcours.formdef.LocalizedText;

/**
 * A follow-up programme over one form: its schedules, its rules and its workflows, as declared
 * in {@code forms/programmes/<id>.yaml}. {@code compiled} holds the type-checked rule programs;
 * {@code statusPrefill} the form answer that records the client's status, when one does.
 */
public record Programme(String id, String formKey, LocalizedText title, List<Schedule> schedules, List<Rule> rules,
                        List<Workflow> workflows, CompiledRules compiled, Optional<StatusPrefill> statusPrefill) {

    public Programme {
        schedules = List.copyOf(schedules);
        rules = List.copyOf(rules);
        workflows = List.copyOf(workflows);
    }

    public Optional<Rule> rule(String ruleId) {
        return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }

    public Optional<Workflow> workflow(String workflowId) {
        return workflows.stream().filter(w -> w.id().equals(workflowId)).findFirst();
    }

    /** The rules guarding an action ({@code committee.decide}, {@code <workflow>.<transition>}). */
    public List<Rule> guarding(String action) {
        return rules.stream().filter(r -> r.effect() == Effect.GUARD && r.guards().filter(action::equals).isPresent()).toList();
    }
}
