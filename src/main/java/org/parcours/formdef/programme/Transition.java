package org.parcours.formdef.programme;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.parcours.formdef.LocalizedText;

/**
 * One transition of a workflow: from which states to which, who may fire it, the rules that
 * guard it, when it falls due and what it records.
 *
 * @param to           the state after it; empty for a step that keeps the state it leaves (an
 *                     avenant of a signed contract stays signed)
 * @param dueWithin    how long after entering its source state it is due
 * @param dueBeforeEnd how long before the end of its subject (a contract's last day) it is due
 * @param records      what firing it records, each of which the service then requires
 *                     ({@code motivation}, {@code decider}...)
 */
public record Transition(String id, LocalizedText label, Set<String> from, Optional<String> to, Set<String> roles,
                         List<String> guards, Optional<PeriodRef> dueWithin, Optional<PeriodRef> dueBeforeEnd,
                         List<String> records) {

    public Transition {
        from = Set.copyOf(from);
        roles = Set.copyOf(roles);
        guards = List.copyOf(guards);
        records = List.copyOf(records);
    }

    /** The state after firing it from {@code state}. */
    public String target(String state) {
        return to.orElse(state);
    }

    public boolean records(String what) {
        return records.contains(what);
    }
}
