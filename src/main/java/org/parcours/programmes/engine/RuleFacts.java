package org.parcours.programmes.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.Item;
import org.parcours.formdef.Policy;
import org.parcours.formdef.ScaleItem;
import org.parcours.formdef.programme.RuleCompiler;

/**
 * The variables a programme's conditions read (named in {@link RuleCompiler}), built from a
 * client's facts and history on a reference day. A date that is not known reads as 1970-01-01.
 */
public final class RuleFacts {

    private static final Instant UNKNOWN = Instant.EPOCH;

    private final Map<String, Object> variables;
    private final Map<String, Long> problemRuns;

    private RuleFacts(Map<String, Object> variables, Map<String, Long> problemRuns) {
        this.variables = variables;
        this.problemRuns = problemRuns;
    }

    /**
     * @param layout  the form whose items {@code answers.*} declares (the live version); the newest
     *                measurement's own version when absent
     * @param history the client's submitted evaluations of the form, in any order
     */
    public static RuleFacts of(ClientFacts client, List<Measured> history, Optional<FormDefinition> layout, Policy policy,
                               LocalDate today) {
        List<Measured> newestFirst = history.stream().sorted(Comparator.comparing(Measured::submittedAt).reversed()).toList();
        Map<String, Object> vars = new HashMap<>();
        vars.put("today", RuleCompiler.timestamp(today));
        vars.put("age", client.age(today));
        vars.put("status", client.status());
        vars.put("status_since", client.statusSince().map(RuleCompiler::timestamp).orElse(UNKNOWN));
        vars.put("follow_up_start", client.followUpStart().map(RuleCompiler::timestamp).orElse(UNKNOWN));
        vars.put("permanently_unfit", client.permanentlyUnfitOn(today));
        vars.put("measurements", (long) newestFirst.size());
        vars.put("has_measurement", !newestFirst.isEmpty());
        vars.put("last_measured", newestFirst.isEmpty() ? UNKNOWN : newestFirst.getFirst().submittedAt());
        Map<String, Long> runs = problemRuns(newestFirst, layout);
        vars.put("problem_run", runs);
        vars.put("max_problem_run", runs.values().stream().mapToLong(Long::longValue).max().orElse(0L));
        vars.put("state", "");
        Optional<FormDefinition> answersForm = layout.or(() -> newestFirst.stream().findFirst().map(Measured::form));
        Map<String, String> latest = newestFirst.isEmpty() ? Map.of() : newestFirst.getFirst().answers();
        answersForm.ifPresent(form -> form.items().forEach(item -> answer(item, latest.get(item.id()))
                .ifPresent(value -> vars.put("answers." + item.id(), value))));
        policy.values().forEach((path, value) -> vars.put("policy." + path, RuleCompiler.policyValue(value)));
        return new RuleFacts(Map.copyOf(vars), runs);
    }

    public Map<String, Object> variables() {
        return variables;
    }

    /** Scale item id to its run of newest consecutive problem measurements (0 included), in form order. */
    public Map<String, Long> problemRuns() {
        return problemRuns;
    }

    /** The same facts about a subject of a workflow in {@code state} (what a transition's guards read). */
    public RuleFacts inState(String state) {
        Map<String, Object> vars = new HashMap<>(variables);
        vars.put("state", state);
        return new RuleFacts(Map.copyOf(vars), problemRuns);
    }

    /** The variables of one factor of a per-factor rule. */
    public Map<String, Object> forFactor(String itemId) {
        Map<String, Object> vars = new HashMap<>(variables);
        vars.put("factor", itemId);
        vars.put("factor_run", problemRuns.getOrDefault(itemId, 0L));
        return vars;
    }

    /**
     * For each scale item (the layout's first, then those only older versions had): how many of
     * the newest measurements, one after the other, answered it with a problem value of the scale
     * of their own form version. A measurement without an answer for it ends the run.
     */
    static Map<String, Long> problemRuns(List<Measured> newestFirst, Optional<FormDefinition> layout) {
        Set<String> factors = new LinkedHashSet<>();
        layout.ifPresent(f -> scaleItems(f).forEach(i -> factors.add(i.id())));
        newestFirst.forEach(m -> scaleItems(m.form()).forEach(i -> factors.add(i.id())));
        Map<String, Long> runs = new LinkedHashMap<>();
        for (String factor : factors) {
            long run = 0;
            for (Measured m : newestFirst) {
                String code = m.answers().get(factor);
                Optional<ScaleItem> item = scaleItems(m.form()).filter(i -> i.id().equals(factor)).findFirst();
                boolean problem = code != null && item.flatMap(i -> i.scale().value(code)).map(v -> v.problem()).orElse(false);
                if (!problem) {
                    break;
                }
                run++;
            }
            runs.put(factor, run);
        }
        return runs;
    }

    private static java.util.stream.Stream<ScaleItem> scaleItems(FormDefinition form) {
        return form.allItems().filter(ScaleItem.class::isInstance).map(ScaleItem.class::cast);
    }

    /** A stored answer as the conditions read it, as in form expressions ('' and 0 when unanswered). */
    static Optional<Object> answer(Item item, String raw) {
        String text = raw == null ? "" : raw.strip();
        return switch (item.valueType()) {
            case TEXT -> Optional.of(text);
            case TEXT_LIST -> Optional.of(text.isEmpty() ? List.of() : List.of(text.split(",")));
            case INTEGER -> Optional.of(parse(text).map(BigDecimal::longValue).orElse(0L));
            case DECIMAL -> Optional.of(parse(text).map(BigDecimal::doubleValue).orElse(0.0));
            case BOOLEAN -> Optional.of("true".equals(text));
            case DATE -> Optional.of(date(text).map(RuleCompiler::timestamp).orElse(UNKNOWN));
            case ROWS -> Optional.of(List.of());
            case COMPUTED -> Optional.of(text);
            case NONE -> Optional.empty();
        };
    }

    private static Optional<BigDecimal> parse(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<LocalDate> date(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
