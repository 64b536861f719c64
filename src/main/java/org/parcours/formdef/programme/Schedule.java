package org.parcours.formdef.programme;

import java.util.Optional;
import java.util.Set;

import org.parcours.formdef.Expression;
import org.parcours.formdef.LocalizedText;

/**
 * When the programme's form falls due for a client. Either periodic: the first {@code firstAfter}
 * after {@code from}, then {@code every} after the last one done (a submitted evaluation of the
 * form made on or after the anchor date); or before the end of a date answered in the last
 * submitted evaluation ({@code beforeItem}, {@code firstAfter} being how long before).
 *
 * @param appliesWhen the clients it concerns (a rule condition), every open file when absent
 * @param doneWhen    which submitted evaluations count as done (over their answers), all when absent
 * @param seenBy      the roles that see it on their worklist
 */
public record Schedule(String id, LocalizedText label, Optional<Expression> appliesWhen, Anchor from, PeriodRef firstAfter,
                       Optional<PeriodRef> every, Optional<String> beforeItem, Optional<Expression> doneWhen,
                       Set<String> seenBy) {

    public Schedule {
        seenBy = Set.copyOf(seenBy);
    }
}
