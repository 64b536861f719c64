package org.parcours.formdef.programme;

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
import org.parcours.formdef.YamlReading;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads programme declarations ({@code programme: <id>}, see forms/README.md "Programmes") with
 * the forms and the policy they refer to. Like the form reader it reports every problem of every
 * source at once with file, line and column, and compiles the conditions with CEL.
 */
public final class ProgrammeReader {

    /** As the form reader's limit: a larger file is refused before it is parsed. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{policy\\.([a-z0-9_.]+)}");
    private static final Set<String> ROLES = Set.of("ADMIN", "WORKER", "COMMITTEE");
    /** The committee's actions a rule may guard (the Java mechanisms that ask). */
    public static final Set<String> COMMITTEE_ACTIONS = Set.of("committee.propose", "committee.decide", "committee.grant-social-only");
    /** The statuses a rule may set. */
    public static final Set<String> STATUSES = Set.of("followed", "social-only");

    private static final Set<String> PROGRAMME_KEYS = Set.of("programme", "form", "title", "schedules", "rules", "workflows",
            "prefill-from-status");
    private static final Set<String> STATUS_PREFILL_KEYS = Set.of("item", "answers");
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
        if (!run.problems().isEmpty()) {
            run.problems().sort(Comparator.comparing((FormProblem p) -> p.at().source())
                    .thenComparingInt(p -> p.at().line()).thenComparingInt(p -> p.at().column()));
            throw new FormDefinitionException(run.problems());
        }
        return List.copyOf(run.programmes.values());
    }

    private static final class Run extends YamlReading {

        private final Map<String, Programme> programmes = new LinkedHashMap<>();
        private final Map<String, FormDefinition> forms;
        private final Optional<Policy> policy;

        Run(Map<String, FormDefinition> forms, Optional<Policy> policy) {
            this.forms = forms;
            this.policy = policy;
        }

        List<Node> compose(FormSource source) {
            return composeNodes(source);
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
            Optional<StatusPrefill> statusPrefill = keys.containsKey("prefill-from-status")
                    ? mapping(source, keys.get("prefill-from-status").getValueNode(), "'prefill-from-status'")
                            .flatMap(m -> statusPrefill(source, m, form)) : Optional.empty();
            if (id.isPresent() && formKey.isPresent()) {
                if (programmes.containsKey(id.get())) {
                    problem(ProblemCode.DUPLICATE_ID, source, keys.get("programme").getValueNode(),
                            "programme '" + id.get() + "' is defined twice", "give one of them another id");
                } else {
                    programmes.put(id.get(), new Programme(id.get(), formKey.get(), title, schedules, rules, workflows, compiler.result(),
                            statusPrefill));
                }
            }
        }

        /**
         * {@code prefill-from-status: { item: <choice item>, answers: { <status>: <option code>, ... } }}:
         * a top-level choice item of the programme's form, known statuses, options of that item.
         */
        private Optional<StatusPrefill> statusPrefill(String source, MappingNode map, Optional<FormDefinition> form) {
            Map<String, NodeTuple> keys = keys(source, map, STATUS_PREFILL_KEYS, "'prefill-from-status'");
            Optional<String> itemId = requiredScalar(source, map, keys, "item");
            Optional<org.parcours.formdef.ChoiceItem> item = Optional.empty();
            if (itemId.isPresent() && form.isPresent()) {
                item = form.get().items().filter(i -> i.id().equals(itemId.get()))
                        .filter(org.parcours.formdef.ChoiceItem.class::isInstance).map(org.parcours.formdef.ChoiceItem.class::cast)
                        .filter(c -> !c.multiple()).findFirst();
                if (item.isEmpty()) {
                    problem(ProblemCode.UNKNOWN_ITEM, source, keys.get("item").getValueNode(),
                            "'" + itemId.get() + "' is not a single-choice item of form '" + form.get().id() + "'",
                            "name a top-level choice item (not multiple) whose options stand for the statuses");
                }
            }
            Map<String, String> answers = new LinkedHashMap<>();
            NodeTuple answersTuple = keys.get("answers");
            if (answersTuple == null) {
                problem(ProblemCode.MISSING_KEY, source, map, "missing 'answers'", "add 'answers: { followed: <option>, social-only: <option> }'");
            } else if (mapping(source, answersTuple.getValueNode(), "'answers'").orElse(null) instanceof MappingNode byStatus) {
                Map<String, NodeTuple> statuses = keys(source, byStatus, STATUSES, "'answers' (statuses)");
                for (Map.Entry<String, NodeTuple> entry : statuses.entrySet()) {
                    Node node = entry.getValue().getValueNode();
                    Optional<String> code = scalar(source, node, entry.getKey());
                    Optional<org.parcours.formdef.ChoiceItem> choice = item;
                    code.filter(c -> choice.isPresent() && choice.get().options().option(c).isEmpty())
                            .ifPresent(c -> problem(ProblemCode.WRONG_TYPE, source, node,
                                    "'" + c + "' is not an option of '" + choice.get().id() + "'",
                                    "options: " + String.join(", ", choice.get().options().options().stream()
                                            .map(org.parcours.formdef.Option::code).toList())));
                    code.ifPresent(c -> answers.put(entry.getKey(), c));
                }
            }
            if (itemId.isEmpty() || answers.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new StatusPrefill(itemId.get(), answers));
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

        private List<Node> optionalList(String source, Map<String, NodeTuple> keys, String key) {
            return keys.containsKey(key) ? list(source, null, keys, key) : List.of();
        }

    }
}
