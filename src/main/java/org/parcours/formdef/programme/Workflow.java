package org.parcours.formdef.programme;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parcours.formdef.LocalizedText;

/**
 * The states and transitions of one kind of subject: a client's follow-up (the budget guidance,
 * its state kept per client by Parcours) or each submission of the programme's form (a MASP
 * contract, a CASU scheme row, whose feature keeps the state). {@code initial} is the state a
 * new subject starts in.
 *
 * @param appliesWhen for a client workflow: the clients it concerns (a rule condition), all when absent
 */
public record Workflow(String id, LocalizedText title, Subject subject, Optional<org.parcours.formdef.Expression> appliesWhen,
                       String initial, Map<String, LocalizedText> states, List<Transition> transitions) {

    /** What a workflow's states belong to. */
    public enum Subject {
        CLIENT, SUBMISSION;

        public String yaml() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Workflow {
        states = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(states));
        transitions = List.copyOf(transitions);
    }

    public Optional<Transition> transition(String transitionId) {
        return transitions.stream().filter(t -> t.id().equals(transitionId)).findFirst();
    }

    /** The transitions that may leave a state, in declaration order. */
    public List<Transition> from(String state) {
        return transitions.stream().filter(t -> t.from().contains(state)).toList();
    }

    public boolean terminal(String state) {
        return from(state).isEmpty();
    }
}
