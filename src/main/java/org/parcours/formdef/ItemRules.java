package org.parcours.formdef;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What every answerable item may declare besides its type.
 *
 * @param sensitiveTo the roles allowed to see the item; empty when everyone may
 */
public record ItemRules(Optional<LocalizedText> help, boolean required, Optional<Expression> requiredWhen,
                        Optional<Expression> visibleWhen, Optional<String> defaultValue, List<Constraint> constraints,
                        Set<String> sensitiveTo, boolean prefillFromLastEvaluation) {

    public static final ItemRules NONE = new ItemRules(Optional.empty(), false, Optional.empty(), Optional.empty(),
            Optional.empty(), List.of(), Set.of(), false);

    public ItemRules {
        constraints = List.copyOf(constraints);
        sensitiveTo = Set.copyOf(sensitiveTo);
    }

    public boolean sensitive() {
        return !sensitiveTo.isEmpty();
    }

    /** Whether a user holding {@code roles} may see the item. */
    public boolean visibleToRoles(Set<String> roles) {
        return sensitiveTo.isEmpty() || sensitiveTo.stream().anyMatch(roles::contains);
    }
}
