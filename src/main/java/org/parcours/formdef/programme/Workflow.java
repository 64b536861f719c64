package org.parcours.formdef.programme;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parcours.formdef.LocalizedText;

/**
 * The states and transitions of one kind of submission (a MASP contract, a CASU scheme row, a
 * follow-up file...). {@code initial} is the state a new subject starts in.
 */
public record Workflow(String id, LocalizedText title, String initial, Map<String, LocalizedText> states,
                       List<Transition> transitions) {

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
