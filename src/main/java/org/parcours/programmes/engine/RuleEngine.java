package org.parcours.programmes.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.parcours.formdef.LocalizedText;
import org.parcours.formdef.Policy;
import org.parcours.formdef.programme.Effect;
import org.parcours.formdef.programme.Programme;
import org.parcours.formdef.programme.Rule;
import org.parcours.formdef.programme.Severity;

/**
 * Applies a programme's rules to one client's facts: the flags and statuses whose condition
 * holds, and the guards of an action whose requirement fails.
 */
public final class RuleEngine {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{policy\\.([a-z0-9_.]+)}");
    private static final Pattern POLICY_VARIABLE = Pattern.compile("policy\\.([a-z0-9_]+(?:\\.[a-z0-9_]+)*)");

    private final Programme programme;
    private final Policy policy;

    public RuleEngine(Programme programme, Policy policy) {
        this.programme = programme;
        this.policy = policy;
    }

    /** The flag and status rules that hold (per-factor rules once per factor that satisfies them). */
    public List<Finding> flags(RuleFacts facts) {
        List<Finding> found = new ArrayList<>();
        for (Rule rule : programme.rules()) {
            if (rule.effect() == Effect.GUARD) {
                continue;
            }
            found.addAll(holding(rule, facts));
        }
        return found;
    }

    /** The status the holding status rules set, the first declared winning; empty when none holds. */
    public Optional<String> status(RuleFacts facts) {
        return programme.rules().stream().filter(r -> r.effect() == Effect.SET_STATUS)
                .filter(r -> !holding(r, facts).isEmpty()).findFirst().flatMap(Rule::status);
    }

    /** The status rule that sets the status, with its message (for the audit row). */
    public Optional<Finding> statusFinding(RuleFacts facts) {
        return programme.rules().stream().filter(r -> r.effect() == Effect.SET_STATUS)
                .flatMap(r -> holding(r, facts).stream()).findFirst();
    }

    /** The guards of an action ({@code committee.decide}...) whose requirement does not hold. */
    public List<Finding> failedGuards(String action, RuleFacts facts) {
        return failed(programme.guarding(action), facts);
    }

    /**
     * The given guard rules whose requirement does not hold. A guard reading a policy value an
     * administrator has not set yet does not apply: it is returned as information saying so.
     */
    public List<Finding> failed(List<Rule> guards, RuleFacts facts) {
        List<Finding> failed = new ArrayList<>();
        for (Rule rule : guards) {
            List<String> unset = unset(rule);
            if (!unset.isEmpty()) {
                failed.add(new Finding(programme.id(), rule.id(), rule.effect(), Severity.INFO, notSet(rule, unset), Optional.empty(), 0));
            } else if (!programme.compiled().holds(rule.condition(), facts.variables())) {
                failed.add(finding(rule, Optional.empty(), 0));
            }
        }
        return failed;
    }

    /** The policy values the rule's condition reads that an administrator has not set yet. */
    List<String> unset(Rule rule) {
        List<String> unset = new ArrayList<>();
        Matcher m = POLICY_VARIABLE.matcher(rule.condition().source());
        while (m.find()) {
            if (policy.unset(m.group(1)) && !unset.contains(m.group(1))) {
                unset.add(m.group(1));
            }
        }
        return unset;
    }

    private LocalizedText notSet(Rule rule, List<String> unset) {
        String paths = String.join(", ", unset);
        LocalizedText meant = fill(rule.message());
        return LocalizedText.of(
                "Règle non appliquée tant qu'un administrateur n'a pas fixé " + paths + " dans la politique : " + meant.in(java.util.Locale.FRENCH),
                "Regel niet toegepast zolang een beheerder " + paths + " niet in het beleid heeft vastgelegd: " + meant.in(Locale.of("nl")),
                "Rule not applied until an administrator sets " + paths + " in the policy: " + meant.in(java.util.Locale.ENGLISH));
    }

    private List<Finding> holding(Rule rule, RuleFacts facts) {
        if (!unset(rule).isEmpty()) {
            return List.of(); // reads a value an administrator has not set yet
        }
        if (!rule.eachFactor()) {
            return programme.compiled().holds(rule.condition(), facts.variables())
                    ? List.of(finding(rule, Optional.empty(), 0)) : List.of();
        }
        List<Finding> found = new ArrayList<>();
        facts.problemRuns().forEach((factor, run) -> {
            if (programme.compiled().holds(rule.condition(), facts.forFactor(factor))) {
                found.add(finding(rule, Optional.of(factor), run));
            }
        });
        return found;
    }

    private Finding finding(Rule rule, Optional<String> factor, long run) {
        return new Finding(programme.id(), rule.id(), rule.effect(), rule.severity(), fill(rule.message()), factor, run);
    }

    /** The message with each {@code {policy.path}} replaced by the policy's value. */
    LocalizedText fill(LocalizedText message) {
        Map<String, String> filled = new HashMap<>();
        message.byLanguage().forEach((language, text) -> {
            Matcher m = PLACEHOLDER.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(policy.text(m.group(1)).filter(v -> !v.isEmpty())
                        .map(v -> readable(v, language)).orElse("?")));
            }
            m.appendTail(out);
            filled.put(language, out.toString());
        });
        return new LocalizedText(filled);
    }

    /** A policy value as people read it: a period in words of the language ("6 mois"), anything else as it is. */
    static String readable(String value, String language) {
        java.time.Period period;
        try {
            period = java.time.Period.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return value;
        }
        List<String> parts = new ArrayList<>();
        if (period.getYears() != 0) {
            parts.add(unit(period.getYears(), language, "an", "ans", "jaar", "jaar", "year", "years"));
        }
        if (period.getMonths() != 0) {
            parts.add(unit(period.getMonths(), language, "mois", "mois", "maand", "maanden", "month", "months"));
        }
        if (period.getDays() != 0 || parts.isEmpty()) {
            parts.add(unit(period.getDays(), language, "jour", "jours", "dag", "dagen", "day", "days"));
        }
        return String.join(" ", parts);
    }

    private static String unit(int n, String language, String frOne, String frMany, String nlOne, String nlMany, String enOne,
                               String enMany) {
        boolean one = Math.abs(n) == 1;
        String word = switch (language) {
            case "fr" -> one ? frOne : frMany;
            case "nl" -> one ? nlOne : nlMany;
            default -> one ? enOne : enMany;
        };
        return n + " " + word;
    }
}
