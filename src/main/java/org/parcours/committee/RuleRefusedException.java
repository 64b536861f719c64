package org.parcours.committee;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.parcours.committee.history.RuleFlag;

/**
 * A committee action refused by blocking rules of the programmes (forms/programmes), e.g. "the
 * committee grants social activation only after at least 3 consecutive measurements showing a
 * persistent problem". {@link #rules()} carry what each rule means in the three languages; a
 * decision may still be taken with a written override reason, which is audited.
 */
public class RuleRefusedException extends CommitteeException {

    private final List<RuleFlag> rules;

    public RuleRefusedException(List<RuleFlag> rules) {
        super("committee.error.rule", rules.stream().map(r -> r.message().in(Locale.ENGLISH)).collect(Collectors.joining("; ")));
        this.rules = List.copyOf(rules);
    }

    public List<RuleFlag> rules() {
        return rules;
    }
}
