package org.parcours.formdef.programme;

import java.io.StringReader;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.parcours.formdef.DateItem;
import org.parcours.formdef.Expression;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormDefinitionException;
import org.parcours.formdef.FormProblem;
import org.parcours.formdef.FormSource;
import org.parcours.formdef.LocalizedText;
import org.parcours.formdef.Policy;
import org.parcours.formdef.ProblemCode;
import org.parcours.formdef.SourcePosition;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads programme declarations ({@code programme: <id>}, see forms/README.md "Programmes") with
 * the forms and the policy they refer to. Like the form reader it reports every problem of every
 * source at once with file, line and column, and compiles the conditions with CEL.
 */
public final class ProgrammeReader {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,79}");
    /** As the form reader's limit: a larger file is refused before it is parsed. */
    private static final int MAX_SOURCE_CHARS = 2_000_000;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{policy\\.([a-z0-9_.]+)}");
    private static final Set<String> ROLES = Set.of("ADMIN", "WORKER", "COMMITTEE");
    /** The committee's actions a rule may guard (the Java mechanisms that ask). */
    public static final Set<String> COMMITTEE_ACTIONS = Set.of("committee.propose", "committee.decide", "committee.grant-social-only");
    /** The statuses a rule may set. */
    public static final Set<String> STATUSES = Set.of("followed", "social-only");

    private static final Set<String> PROGRAMME_KEYS = Set.of("programme", "form", "title", "schedules", "rules", "workflows");
    private static final Set<String> SCHEDULE_KEYS = Set.of("id", "label", "applies-when", "from", "first-after", "every",
            "before-end-of", "ahead", "done-when", "seen-by");
    private static final Set<String> RULE_KEYS = Set.of("id", "effect", "severity", "when", "requires", "status", "guards", "each",
            "message");
    private static final Set<String> WORKFLOW_KEYS = Set.of("id", "title", "subject", "applies-when", "initial", "states", "transitions");
    private static final Set<String> STATE_KEYS = Set.of("id", "label");
    private static final Set<String> TRANSITION_KEYS = Set.of("id", "label", "from", "to", "roles", "guards", "due-within",
            "due-before-end", "records");

    /**
     * @param forms  the live forms by id (a programme names one)
     * @param policy the policy its period and number references are read from
     * @throws FormDefinitionException with every problem found
     */
    public List<Programme> read(List<FormSource> sources, Map<String, FormDefinition> forms, Optional<Policy> policy) {
        Run run = new Run(forms, policy);
        for (FormSource source : sources) {
            for (Node node : run.compose(source)) {
                if (node instanceof MappingNode map && run.rawKeys(map).containsKey("programme")) {
                    run.readProgramme(source.name(), map);
                } else {
                    run.problem(ProblemCode.UNKNOWN_DOCUMENT, source.name(), node, "this document is not a programme",
                            "start it with 'programme: <id>' and name its form with 'form: <form id>'");
                }
            }
        }
        if (!run.problems.isEmpty()) {
            run.problems.sort(Comparator.comparing((FormProblem p) -> p.at().source())
                    .thenComparingInt(p -> p.at().line()).thenComparingInt(p -> p.at().column()));
            throw new FormDefinitionException(run.problems);
        }
        return List.copyOf(run.programmes.values());
    }

    private static final class Run {

        private final List<FormProblem> problems = new ArrayList<>();
        private final Map<String, Programme> programmes = new LinkedHashMap<>();
        private final Map<String, FormDefinition> forms;
        private final Optional<Policy> policy;
        private final Map<String, String> texts = new HashMap<>();

        Run(Map<String, FormDefinition> forms, Optional<Policy> policy) {
            this.forms = forms;
            this.policy = policy;
        }

        List<Node> compose(FormSource source) {
            texts.put(source.name(), source.text());
            List<Node> nodes = new ArrayList<>();
            if (source.text().length() > MAX_SOURCE_CHARS) {
                problems.add(new FormProblem(ProblemCode.YAML_SYNTAX, new SourcePosition(source.name(), 1, 1),
                        "the file is larger than " + MAX_SOURCE_CHARS + " characters", "split it into several files"));
                return nodes;
            }
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(MAX_SOURCE_CHARS * 2);
            options.setMaxAliasesForCollections(20);
            options.setAllowRecursiveKeys(false);
            options.setNestingDepthLimit(40);
            try {
                for (Node node : new Yaml(options).composeAll(new StringReader(source.text()))) {
                    if (node != null) {
                        nodes.add(node);
                    }
                }
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                problems.add(new FormProblem(ProblemCode.YAML_SYNTAX, position(source.name(), mark),
                        "YAML syntax: " + firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage()),
                        "check indentation, colons and quotes on this line or the one before"));
            } catch (ReaderException e) {
                problems.add(new FormProblem(ProblemCode.YAML_SYNTAX, positionOfCodePoint(source, e.getPosition()),
                        String.format("YAML syntax: the character U+%04X is not allowed", e.getCodePoint()),
                        "remove it: it is usually invisible in an editor"));
            } catch (YAMLException | IllegalStateException | IllegalArgumentException e) {
                problems.add(new FormProblem(ProblemCode.YAML_SYNTAX, new SourcePosition(source.name(), 1, 1),
                        "YAML syntax: " + firstLine(e.getMessage()), "check the file is valid YAML"));
            }
            return nodes;
        }

        /** Line and column of the code point at {@code index} (SnakeYAML's reader counts code points). */
        private static SourcePosition positionOfCodePoint(FormSource source, int index) {
            String text = source.text();
            int offset;
            try {
                offset = text.offsetByCodePoints(0, Math.max(0, Math.min(index, text.codePointCount(0, text.length()))));
            } catch (IndexOutOfBoundsException e) {
                offset = 0;
            }
            String before = text.substring(0, offset);
            int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
            return new SourcePosition(source.name(), line, before.length() - (before.lastIndexOf('\n') + 1) + 1);
        }

        void readProgramme(String source, MappingNode map) {
            Map<String, NodeTuple> keys = keys(source, map, PROGRAMME_KEYS, "a programme");
            Optional<String> id = id(source, map, keys, "programme");
            Optional<String> formKey = requiredScalar(source, map, keys, "form");
            Optional<FormDefinition> form = formKey.map(forms::get);
            if (formKey.isPresent() && form.isEmpty()) {
                problem(ProblemCode.UNKNOWN_FORM, source, keys.get("form").getValueNode(), "unknown form '" + formKey.get() + "'",
                        "name a form of the forms folder: " + String.join(", ", forms.keySet().stream().sorted().toList()));
            }
            LocalizedText title = requiredText(source, map, keys, "title");
            RuleCompiler compiler = new RuleCompiler(form, policy);
            RuleCompiler.ProblemSink sink = (code, at, message, hint) -> problems.add(new FormProblem(code, at, message, hint));

            List<Schedule> schedules = new ArrayList<>();
            Set<String> scheduleIds = new HashSet<>();
            for (Node node : optionalList(source, keys, "schedules")) {
                mapping(source, node, "a schedule").flatMap(m -> schedule(source, m, form, compiler, sink, scheduleIds))
                        .ifPresent(schedules::add);
            }
            List<Rule> rules = new ArrayList<>();
            Set<String> ruleIds = new HashSet<>();
            List<Node> guardNodes = new ArrayList<>();
            for (Node node : optionalList(source, keys, "rules")) {
                mapping(source, node, "a rule").flatMap(m -> rule(source, m, compiler, sink, ruleIds, guardNodes)).ifPresent(rules::add);
            }
            List<Workflow> workflows = new ArrayList<>();
            Set<String> workflowIds = new HashSet<>();
            Map<String, Rule> byId = new HashMap<>();
            rules.forEach(r -> byId.put(r.id(), r));
            for (Node node : optionalList(source, keys, "workflows")) {
                mapping(source, node, "a workflow").flatMap(m -> workflow(source, m, byId, workflowIds, compiler, sink))
                        .ifPresent(workflows::add);
            }
            // a rule's guarded action: a committee action or one of this programme's transitions
            Set<String> actions = new HashSet<>(COMMITTEE_ACTIONS);
            workflows.forEach(w -> w.transitions().forEach(t -> actions.add(w.id() + "." + t.id())));
            for (int i = 0; i < guardNodes.size(); i++) {
                Node node = guardNodes.get(i);
                String action = ((ScalarNode) node).getValue().strip();
                if (!actions.contains(action)) {
                    problem(ProblemCode.UNKNOWN_RULE, source, node, "unknown action '" + action + "' to guard",
                            "guard one of: " + String.join(", ", actions.stream().sorted().toList()));
                }
            }
            if (id.isPresent() && formKey.isPresent()) {
                if (programmes.containsKey(id.get())) {
                    problem(ProblemCode.DUPLICATE_ID, source, keys.get("programme").getValueNode(),
                            "programme '" + id.get() + "' is defined twice", "give one of them another id");
                } else {
                    programmes.put(id.get(), new Programme(id.get(), formKey.get(), title, schedules, rules, workflows, compiler.result()));
                }
            }
        }

        private Optional<Schedule> schedule(String source, MappingNode map, Optional<FormDefinition> form, RuleCompiler compiler,
                                            RuleCompiler.ProblemSink sink, Set<String> ids) {
            Map<String, NodeTuple> keys = keys(source, map, SCHEDULE_KEYS, "a schedule");
            Optional<String> id = id(source, map, keys, "id");
            unique(source, keys, id, ids, "schedule");
            LocalizedText label = requiredText(source, map, keys, "label");
            Optional<Expression> appliesWhen = expression(source, keys, "applies-when");
            appliesWhen.ifPresent(e -> compiler.compile(e, false, sink));
            Optional<Expression> doneWhen = expression(source, keys, "done-when");
            doneWhen.ifPresent(e -> compiler.compile(e, false, sink));
            Set<String> seenBy = roles(source, map, keys, "seen-by");
            Optional<String> beforeItem = Optional.empty();
            Optional<PeriodRef> first;
            Optional<PeriodRef> every = Optional.empty();
            Anchor from = Anchor.FOLLOW_UP_START;
            if (keys.containsKey("before-end-of")) {
                for (String periodic : List.of("from", "first-after", "every")) {
                    if (keys.containsKey(periodic)) {
                        problem(ProblemCode.CONFLICTING_KEYS, source, keys.get(periodic).getKeyNode(),
                                "'" + periodic + "' with 'before-end-of'", "a schedule is periodic or due before an end date, not both");
                    }
                }
                Node itemNode = keys.get("before-end-of").getValueNode();
                beforeItem = scalar(source, itemNode, "before-end-of");
                beforeItem.filter(item -> form.isPresent() && form.get().items().noneMatch(i -> i.id().equals(item) && i instanceof DateItem))
                        .ifPresent(item -> problem(ProblemCode.UNKNOWN_ITEM, source, itemNode,
                                "'" + item + "' is not a date item of form '" + form.get().id() + "'",
                                "name a top-level date item, e.g. the plan's end date"));
                first = period(source, map, keys, "ahead");
            } else {
                if (keys.containsKey("ahead")) {
                    problem(ProblemCode.CONFLICTING_KEYS, source, keys.get("ahead").getKeyNode(), "'ahead' without 'before-end-of'",
                            "'ahead' says how long before the end date; use 'first-after' for a periodic schedule");
                }
                if (keys.containsKey("from")) {
                    Node node = keys.get("from").getValueNode();
                    Optional<String> written = scalar(source, node, "from");
                    Optional<Anchor> anchor = written.flatMap(w -> java.util.Arrays.stream(Anchor.values())
                            .filter(a -> a.yaml().equals(w)).findFirst());
                    if (written.isPresent() && anchor.isEmpty()) {
                        problem(ProblemCode.WRONG_TYPE, source, node, "unknown start '" + written.get() + "'",
                                "write 'follow-up-start' or 'status-since'");
                    }
                    from = anchor.orElse(Anchor.FOLLOW_UP_START);
                }
                first = period(source, map, keys, "first-after");
                every = keys.containsKey("every") ? period(source, map, keys, "every") : Optional.empty();
            }
            if (id.isEmpty() || first.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Schedule(id.get(), label, appliesWhen, from, first.get(), every, beforeItem, doneWhen, seenBy));
        }

        private Optional<Rule> rule(String source, MappingNode map, RuleCompiler compiler, RuleCompiler.ProblemSink sink,
                                    Set<String> ids, List<Node> guardNodes) {
            Map<String, NodeTuple> keys = keys(source, map, RULE_KEYS, "a rule");
            Optional<String> id = id(source, map, keys, "id");
            unique(source, keys, id, ids, "rule");
            Optional<Effect> effect = enumValue(source, map, keys, "effect", Effect.values(), Effect::yaml);
            Optional<Severity> severity = keys.containsKey("severity")
                    ? enumValue(source, map, keys, "severity", Severity.values(), Severity::yaml) : Optional.of(Severity.INFO);
            LocalizedText message = requiredText(source, map, keys, "message");
            placeholders(source, keys.get("message"), message);
            boolean guard = effect.filter(Effect.GUARD::equals).isPresent();
            String conditionKey = guard ? "requires" : "when";
            String otherKey = guard ? "when" : "requires";
            if (keys.containsKey(otherKey)) {
                problem(ProblemCode.CONFLICTING_KEYS, source, keys.get(otherKey).getKeyNode(),
                        "'" + otherKey + "' in a rule of effect '" + effect.map(Effect::yaml).orElse("?") + "'",
                        guard ? "a guard says what must hold: 'requires: ...'" : "a flag or a status says when it applies: 'when: ...'");
            }
            boolean eachFactor = false;
            if (keys.containsKey("each")) {
                Node node = keys.get("each").getValueNode();
                Optional<String> each = scalar(source, node, "each");
                eachFactor = each.map("factor"::equals).orElse(false);
                if (each.isPresent() && !eachFactor) {
                    problem(ProblemCode.WRONG_TYPE, source, node, "unknown 'each: " + each.get() + "'", "the only one is 'each: factor'");
                }
            }
            Optional<Expression> condition = requiredExpression(source, map, keys, conditionKey);
            boolean perFactor = eachFactor;
            condition.ifPresent(c -> compiler.compile(c, perFactor, sink));
            Optional<String> status = Optional.empty();
            if (effect.filter(Effect.SET_STATUS::equals).isPresent()) {
                status = requiredScalar(source, map, keys, "status");
                status.filter(s -> !STATUSES.contains(s)).ifPresent(s -> problem(ProblemCode.WRONG_TYPE, source,
                        keys.get("status").getValueNode(), "unknown status '" + s + "'", "a rule sets 'social-only' or 'followed'"));
            } else if (keys.containsKey("status")) {
                problem(ProblemCode.CONFLICTING_KEYS, source, keys.get("status").getKeyNode(), "'status' in a rule that sets no status",
                        "write 'effect: set-status' or remove 'status'");
            }
            Optional<String> guards = Optional.empty();
            if (keys.containsKey("guards")) {
                Node node = keys.get("guards").getValueNode();
                guards = scalar(source, node, "guards");
                if (!guard) {
                    problem(ProblemCode.CONFLICTING_KEYS, source, keys.get("guards").getKeyNode(), "'guards' in a rule that is no guard",
                            "write 'effect: guard' or remove 'guards'");
                } else if (guards.isPresent()) {
                    guardNodes.add(node);
                }
            }
            if (id.isEmpty() || effect.isEmpty() || severity.isEmpty() || condition.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Rule(id.get(), effect.get(), severity.get(), condition.get(), status, guards, eachFactor, message));
        }

        private Optional<Workflow> workflow(String source, MappingNode map, Map<String, Rule> rules, Set<String> ids,
                                            RuleCompiler compiler, RuleCompiler.ProblemSink sink) {
            Map<String, NodeTuple> keys = keys(source, map, WORKFLOW_KEYS, "a workflow");
            Optional<String> id = id(source, map, keys, "id");
            unique(source, keys, id, ids, "workflow");
            LocalizedText title = requiredText(source, map, keys, "title");
            Optional<Workflow.Subject> subject = keys.containsKey("subject")
                    ? enumValue(source, map, keys, "subject", Workflow.Subject.values(), Workflow.Subject::yaml)
                    : Optional.of(Workflow.Subject.CLIENT);
            Optional<Expression> appliesWhen = expression(source, keys, "applies-when");
            appliesWhen.ifPresent(e -> compiler.compile(e, false, sink));
            if (appliesWhen.isPresent() && subject.filter(Workflow.Subject.SUBMISSION::equals).isPresent()) {
                problem(ProblemCode.CONFLICTING_KEYS, source, keys.get("applies-when").getKeyNode(),
                        "'applies-when' in a workflow of submissions", "each submission of the form has its state; remove 'applies-when'");
            }
            Map<String, LocalizedText> states = new LinkedHashMap<>();
            for (Node node : list(source, map, keys, "states")) {
                mapping(source, node, "a state").ifPresent(sm -> {
                    Map<String, NodeTuple> sk = keys(source, sm, STATE_KEYS, "a state");
                    Optional<String> state = id(source, sm, sk, "id");
                    LocalizedText label = requiredText(source, sm, sk, "label");
                    state.ifPresent(s -> {
                        if (states.putIfAbsent(s, label) != null) {
                            problem(ProblemCode.DUPLICATE_ID, source, sk.get("id").getValueNode(), "state '" + s + "' appears twice", "");
                        }
                    });
                });
            }
            Optional<String> initial = requiredScalar(source, map, keys, "initial");
            initial.ifPresent(s -> knownState(source, keys.get("initial").getValueNode(), s, states));
            List<Transition> transitions = new ArrayList<>();
            Set<String> transitionIds = new HashSet<>();
            for (Node node : list(source, map, keys, "transitions")) {
                mapping(source, node, "a transition").flatMap(tm -> transition(source, tm, states, rules, transitionIds))
                        .ifPresent(transitions::add);
            }
            if (id.isEmpty() || initial.isEmpty() || subject.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Workflow(id.get(), title, subject.get(), appliesWhen, initial.get(), states, transitions));
        }

        private Optional<Transition> transition(String source, MappingNode map, Map<String, LocalizedText> states,
                                                Map<String, Rule> rules, Set<String> ids) {
            Map<String, NodeTuple> keys = keys(source, map, TRANSITION_KEYS, "a transition");
            Optional<String> id = id(source, map, keys, "id");
            unique(source, keys, id, ids, "transition");
            LocalizedText label = requiredText(source, map, keys, "label");
            Set<String> from = new LinkedHashSet<>();
            for (Node node : list(source, map, keys, "from")) {
                scalar(source, node, "from").filter(s -> knownState(source, node, s, states)).ifPresent(from::add);
            }
            // without 'to' the transition is a step that keeps the state it leaves
            Optional<String> to = keys.containsKey("to") ? scalar(source, keys.get("to").getValueNode(), "to") : Optional.empty();
            boolean toKnown = to.map(s -> knownState(source, keys.get("to").getValueNode(), s, states)).orElse(true);
            Set<String> roles = roles(source, map, keys, "roles");
            List<String> guards = new ArrayList<>();
            if (keys.containsKey("guards")) {
                for (Node node : list(source, null, keys, "guards")) {
                    scalar(source, node, "guards").ifPresent(ruleId -> {
                        Rule rule = rules.get(ruleId);
                        if (rule == null || rule.effect() != Effect.GUARD) {
                            problem(ProblemCode.UNKNOWN_RULE, source, node, rule == null ? "unknown rule '" + ruleId + "'"
                                            : "rule '" + ruleId + "' is no guard",
                                    "name a rule of this programme with 'effect: guard': " + String.join(", ", rules.values().stream()
                                            .filter(r -> r.effect() == Effect.GUARD).map(Rule::id).sorted().toList()));
                        } else {
                            guards.add(ruleId);
                        }
                    });
                }
            }
            Optional<PeriodRef> due = keys.containsKey("due-within") ? period(source, map, keys, "due-within") : Optional.empty();
            Optional<PeriodRef> beforeEnd = keys.containsKey("due-before-end") ? period(source, map, keys, "due-before-end")
                    : Optional.empty();
            List<String> records = new ArrayList<>();
            if (keys.containsKey("records")) {
                for (Node node : list(source, null, keys, "records")) {
                    scalar(source, node, "records").ifPresent(what -> {
                        if (!ID.matcher(what).matches()) {
                            problem(ProblemCode.INVALID_ID, source, node, "'" + what + "' is not a name of what is recorded",
                                    "use lower-case letters, digits, '_' or '-', e.g. motivation");
                        } else {
                            records.add(what);
                        }
                    });
                }
            }
            if (id.isEmpty() || !toKnown) {
                return Optional.empty();
            }
            return Optional.of(new Transition(id.get(), label, from, to, roles, guards, due, beforeEnd, records));
        }

        private boolean knownState(String source, Node node, String state, Map<String, LocalizedText> states) {
            if (states.containsKey(state)) {
                return true;
            }
            problem(ProblemCode.UNKNOWN_STATE, source, node, "unknown state '" + state + "'",
                    states.isEmpty() ? "declare the states under 'states:'" : "states: " + String.join(", ", states.keySet()));
            return false;
        }

        // ---- values ---------------------------------------------------------------------------

        private Optional<PeriodRef> period(String source, MappingNode owner, Map<String, NodeTuple> keys, String key) {
            Optional<String> written = requiredScalar(source, owner, keys, key);
            if (written.isEmpty()) {
                return Optional.empty();
            }
            Node node = keys.get(key).getValueNode();
            PeriodRef ref = new PeriodRef(written.get());
            if (ref.literal()) {
                try {
                    Period.parse(ref.written());
                } catch (DateTimeParseException e) {
                    problem(ProblemCode.WRONG_TYPE, source, node, "'" + ref.written() + "' is not an ISO-8601 period",
                            "write periods like P3M (3 months), P3Y (3 years), or name a policy value such as imasp.reevaluate_every");
                    return Optional.empty();
                }
                return Optional.of(ref);
            }
            if (policy.isEmpty()) {
                return Optional.of(ref); // reported once, with the policy file
            }
            Optional<String> value = policy.get().text(ref.written());
            if (value.isEmpty()) {
                problem(ProblemCode.UNKNOWN_POLICY_VALUE, source, node, "policy.yaml has no value '" + ref.written() + "'",
                        "write an ISO period such as P3M, or add the value to policy.yaml");
                return Optional.empty();
            }
            if (policy.get().unset(ref.written())) {
                return Optional.of(ref); // an administrator sets it; until then what it times is not due
            }
            try {
                Period.parse(value.get());
            } catch (DateTimeParseException e) {
                problem(ProblemCode.WRONG_TYPE, source, node, "policy value '" + ref.written() + "' = '" + value.get()
                        + "' is not a period", "name a policy value holding a period such as P3M");
                return Optional.empty();
            }
            return Optional.of(ref);
        }

        private void placeholders(String source, NodeTuple tuple, LocalizedText message) {
            if (tuple == null || policy.isEmpty()) {
                return;
            }
            for (String text : message.byLanguage().values()) {
                Matcher m = PLACEHOLDER.matcher(text);
                while (m.find()) {
                    if (policy.get().text(m.group(1)).isEmpty()) {
                        problem(ProblemCode.UNKNOWN_POLICY_VALUE, source, tuple.getValueNode(),
                                "the message names '{policy." + m.group(1) + "}', which policy.yaml does not have",
                                "name a policy value, e.g. {policy.imasp.social_only_age}");
                    }
                }
            }
        }

        private Set<String> roles(String source, MappingNode owner, Map<String, NodeTuple> keys, String key) {
            Set<String> roles = new LinkedHashSet<>();
            for (Node node : list(source, owner, keys, key)) {
                scalar(source, node, key).ifPresent(role -> {
                    if (ROLES.contains(role)) {
                        roles.add(role);
                    } else {
                        problem(ProblemCode.UNKNOWN_ROLE, source, node, "unknown role '" + role + "'", "roles: ADMIN, WORKER, COMMITTEE");
                    }
                });
            }
            return roles;
        }

        private <E> Optional<E> enumValue(String source, MappingNode owner, Map<String, NodeTuple> keys, String key, E[] values,
                                          java.util.function.Function<E, String> yaml) {
            Optional<String> written = requiredScalar(source, owner, keys, key);
            Optional<E> found = written.flatMap(w -> java.util.Arrays.stream(values).filter(v -> yaml.apply(v).equals(w)).findFirst());
            if (written.isPresent() && found.isEmpty()) {
                problem(ProblemCode.WRONG_TYPE, source, keys.get(key).getValueNode(), "unknown " + key + " '" + written.get() + "'",
                        key + ": " + String.join(", ", java.util.Arrays.stream(values).map(yaml).toList()));
            }
            return found;
        }

        private void unique(String source, Map<String, NodeTuple> keys, Optional<String> id, Set<String> ids, String what) {
            id.filter(i -> !ids.add(i)).ifPresent(i -> problem(ProblemCode.DUPLICATE_ID, source, keys.get("id").getValueNode(),
                    what + " '" + i + "' appears twice", "each " + what + " of a programme needs its own id"));
        }

        // ---- node helpers (as the form reader's) ------------------------------------------------

        Map<String, NodeTuple> rawKeys(MappingNode map) {
            Map<String, NodeTuple> keys = new LinkedHashMap<>();
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    keys.putIfAbsent(key.getValue(), tuple);
                }
            }
            return keys;
        }

        private Map<String, NodeTuple> keys(String source, MappingNode map, Set<String> allowed, String what) {
            Map<String, NodeTuple> keys = new LinkedHashMap<>();
            for (NodeTuple tuple : map.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                    problem(ProblemCode.WRONG_TYPE, source, tuple.getKeyNode(), "a key must be a plain word", "");
                    continue;
                }
                String key = keyNode.getValue();
                if (!allowed.contains(key)) {
                    problem(ProblemCode.UNKNOWN_KEY, source, keyNode, "unknown key '" + key + "' in " + what,
                            "allowed keys: " + String.join(", ", allowed.stream().sorted().toList()));
                } else if (keys.putIfAbsent(key, tuple) != null) {
                    problem(ProblemCode.DUPLICATE_KEY, source, keyNode, "key '" + key + "' appears twice in " + what, "keep one of them");
                }
            }
            return keys;
        }

        private Optional<String> id(String source, MappingNode owner, Map<String, NodeTuple> keys, String key) {
            Optional<String> id = requiredScalar(source, owner, keys, key);
            id.filter(i -> !ID.matcher(i).matches()).ifPresent(i -> problem(ProblemCode.INVALID_ID, source,
                    keys.get(key).getValueNode(), "id '" + i + "' is not valid",
                    "use lower-case letters, digits, '_' or '-', starting with a letter (at most 80)"));
            return id.filter(i -> ID.matcher(i).matches());
        }

        private Optional<String> requiredScalar(String source, MappingNode owner, Map<String, NodeTuple> keys, String key) {
            NodeTuple tuple = keys.get(key);
            if (tuple == null) {
                problem(ProblemCode.MISSING_KEY, source, owner, "missing '" + key + "'", "add '" + key + ": ...'");
                return Optional.empty();
            }
            return scalar(source, tuple.getValueNode(), key);
        }

        private Optional<String> scalar(String source, Node node, String key) {
            if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                return Optional.of(scalar.getValue().strip());
            }
            problem(ProblemCode.WRONG_TYPE, source, node, "'" + key + "' must be a non-empty text value",
                    "write it on the same line, e.g. '" + key + ": value'");
            return Optional.empty();
        }

        private Optional<Expression> expression(String source, Map<String, NodeTuple> keys, String key) {
            NodeTuple tuple = keys.get(key);
            if (tuple == null) {
                return Optional.empty();
            }
            Node node = tuple.getValueNode();
            return scalar(source, node, key).map(text -> {
                ScalarNode scalar = (ScalarNode) node;
                Mark mark = node.getStartMark();
                if (scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                        || scalar.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED) {
                    return new Expression(scalar.getValue(), new SourcePosition(source, mark.getLine() + 2,
                            blockIndentation(source, mark.getLine() + 1) + 1));
                }
                boolean quoted = scalar.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED
                        || scalar.getScalarStyle() == DumperOptions.ScalarStyle.SINGLE_QUOTED;
                return new Expression(scalar.getValue(), new SourcePosition(source, mark.getLine() + 1,
                        mark.getColumn() + 1 + (quoted ? 1 : 0)));
            });
        }

        private int blockIndentation(String source, int fromLine) {
            List<String> lines = texts.getOrDefault(source, "").lines().toList();
            for (int i = fromLine; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!line.isBlank()) {
                    return line.length() - line.stripLeading().length();
                }
            }
            return 0;
        }

        private Optional<Expression> requiredExpression(String source, MappingNode owner, Map<String, NodeTuple> keys, String key) {
            if (!keys.containsKey(key)) {
                problem(ProblemCode.MISSING_KEY, source, owner, "missing '" + key + "'", "add '" + key + ": \"...\"'");
                return Optional.empty();
            }
            return expression(source, keys, key);
        }

        private List<Node> optionalList(String source, Map<String, NodeTuple> keys, String key) {
            return keys.containsKey(key) ? list(source, null, keys, key) : List.of();
        }

        private List<Node> list(String source, MappingNode owner, Map<String, NodeTuple> keys, String key) {
            NodeTuple tuple = keys.get(key);
            if (tuple == null) {
                if (owner != null) {
                    problem(ProblemCode.MISSING_KEY, source, owner, "missing '" + key + "'", "add '" + key + ":' with a list below it");
                }
                return List.of();
            }
            if (!(tuple.getValueNode() instanceof SequenceNode seq)) {
                problem(ProblemCode.WRONG_TYPE, source, tuple.getValueNode(), "'" + key + "' must be a list",
                        "write each entry on its own line starting with '- ', or [A, B]");
                return List.of();
            }
            if (seq.getValue().isEmpty()) {
                problem(ProblemCode.EMPTY_LIST, source, seq, "'" + key + "' is empty", "add at least one entry");
            }
            return seq.getValue();
        }

        private Optional<MappingNode> mapping(String source, Node node, String what) {
            if (node instanceof MappingNode map) {
                return Optional.of(map);
            }
            problem(ProblemCode.WRONG_TYPE, source, node, "expected " + what + " with keys", "write it as 'key: value' lines");
            return Optional.empty();
        }

        private LocalizedText requiredText(String source, MappingNode owner, Map<String, NodeTuple> keys, String key) {
            NodeTuple tuple = keys.get(key);
            if (tuple == null) {
                problem(ProblemCode.MISSING_KEY, source, owner, "missing '" + key + "'", "add '" + key + ": { fr: ..., nl: ..., en: ... }'");
                return LocalizedText.of("", "", "");
            }
            if (!(tuple.getValueNode() instanceof MappingNode map)) {
                problem(ProblemCode.WRONG_TYPE, source, tuple.getValueNode(), "'" + key + "' must give a text per language",
                        "write '" + key + ": { fr: ..., nl: ..., en: ... }'");
                return LocalizedText.of("", "", "");
            }
            Map<String, NodeTuple> languages = keys(source, map, Set.copyOf(LocalizedText.LANGUAGES), "'" + key + "'");
            Map<String, String> texts = new HashMap<>();
            for (String language : LocalizedText.LANGUAGES) {
                NodeTuple t = languages.get(language);
                if (t == null) {
                    problem(ProblemCode.MISSING_TRANSLATION, source, map, "'" + key + "' has no " + language + " text",
                            "add '" + language + ": ...'; every text needs fr, nl and en");
                } else {
                    scalar(source, t.getValueNode(), key + "." + language).ifPresent(v -> texts.put(language, v));
                }
            }
            return new LocalizedText(texts);
        }

        void problem(ProblemCode code, String source, Node node, String message, String hint) {
            problems.add(new FormProblem(code, position(source, node.getStartMark()), message, hint));
        }

        private static SourcePosition position(String source, Mark mark) {
            return mark == null ? new SourcePosition(source, 1, 1) : new SourcePosition(source, mark.getLine() + 1, mark.getColumn() + 1);
        }

        private static String firstLine(String message) {
            return message == null ? "" : message.lines().findFirst().orElse("").strip();
        }
    }
}
