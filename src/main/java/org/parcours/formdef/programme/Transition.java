package org.parcours.formdef.programme;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.parcours.formdef.LocalizedText;

/**
 * One transition of a workflow: from which states to which, who may fire it, the rules that
 * guard it, how long after entering its source state it is due, and what it records.
 */
public record Transition(String id, LocalizedText label, Set<String> from, String to, Set<String> roles,
                         List<String> guards, Optional<PeriodRef> dueWithin, List<String> records) {

    public Transition {
        from = Set.copyOf(from);
        roles = Set.copyOf(roles);
        guards = List.copyOf(guards);
        records = List.copyOf(records);
    }
}
