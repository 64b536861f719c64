package org.parcours.formdef;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads scales, option lists, forms and the policy from YAML sources (see forms/README.md).
 * Every problem of every source is collected and reported at once with its file, line and
 * column; nothing is half-read. Expressions are compiled and type-checked here.
 *
 * <p>A source may hold several YAML documents (separated by {@code ---}). Shared files (scales,
 * lists) are read first, so a form may use those of any source.
 */
public final class FormReader {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9?][A-Za-z0-9_?-]{0,19}");
    private static final Pattern POLICY_KEY = Pattern.compile("[a-z][a-z0-9_]{0,79}");
    private static final int MAX_REPEAT_ROWS = 500;
    private static final Set<String> ROLES = Set.of("ADMIN", "WORKER", "COMMITTEE");

    private static final Set<String> SCALE_KEYS = Set.of("scale", "title", "values");
    private static final Set<String> SCALE_VALUE_KEYS = Set.of("code", "colour", "problem", "label");
    private static final Set<String> LIST_KEYS = Set.of("list", "title", "options");
    private static final Set<String> OPTION_KEYS = Set.of("code", "label");
    private static final Set<String> POLICY_KEYS = Set.of("policy", "values");
    private static final Set<String> FORM_KEYS = Stream.concat(Stream.of("form", "title", "description", "bindings", "sections", "privacy"),
            Renaming.FORM_KEYS.stream()).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> SECTION_KEYS = Stream.concat(Stream.of("id", "title", "description", "visible-when", "items", "privacy"),
            Renaming.SECTION_KEYS.stream()).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> PRIVACY_KEYS = Set.of("categories", "purpose", "legal-basis", "retention", "third-party");
    private static final Set<String> RETENTION_KEYS = Set.of("keep", "after", "then");
    private static final Pattern POLICY_PATH = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    private static final Set<String> CONSTRAINT_KEYS = Set.of("expression", "message");
    private static final Set<String> COMMON_KEYS = Stream.concat(Stream.of("id", "type", "label", "help", "required", "required-when",
            "visible-when", "default", "constraints", "sensitive", "prefill", "privacy"), Renaming.ITEM_KEYS.stream())
            .collect(Collectors.toUnmodifiableSet());
    private static final Map<String, Set<String>> TYPE_KEYS = Map.ofEntries(
            Map.entry("scale", Set.of("scale")),
            Map.entry("choice", Set.of("options", "list")),
            Map.entry("multi-choice", Set.of("options", "list")),
            Map.entry("text", Set.of("multiline", "max-length", "pattern", "pattern-message")),
            Map.entry("integer", Set.of("min", "max")),
            Map.entry("decimal", Set.of("min", "max")),
            Map.entry("money", Set.of("min", "max")),
            Map.entry("date", Set.of("min", "max")),
            Map.entry("yes-no", Set.of()),
            Map.entry("note", Set.of("text")),
            Map.entry("repeat", Set.of("items", "min", "max")),
            Map.entry("computed", Set.of("expression")));
    private static final Set<String> ANY_ITEM_KEYS = Stream.concat(COMMON_KEYS.stream(),
            TYPE_KEYS.values().stream().flatMap(Set::stream)).collect(Collectors.toUnmodifiableSet());

    /** Reads all sources together; throws with every problem found if any source is faulty. */
    /**
     * Forgets the compiled expressions kept across reads (unchanged expressions are not checked
     * again): the next read costs what a first read costs. For measurements.
     */
    public static void forgetCompiledExpressions() {
        ExpressionCompiler.forgetKept();
    }

    public FormBundle read(List<FormSource> sources) {
        Run run = new Run();
        List<Doc> formDocs = new ArrayList<>();
        for (FormSource source : sources) {
            for (Doc doc : run.compose(source)) {
                if (!(doc.node() instanceof MappingNode map)) {
                    run.problem(ProblemCode.UNKNOWN_DOCUMENT, doc.source(), doc.node(),
                            "this document is not a scale, list, policy or form",
                            "start it with 'form: <id>', 'scale: <id>', 'list: <id>' or 'policy: <id>'");
                } else if (run.has(map, "scale")) {
                    run.readScale(doc.source(), map);
                } else if (run.has(map, "list")) {
                    run.readList(doc.source(), map);
                } else if (run.has(map, "policy")) {
                    run.readPolicy(doc.source(), map);
                } else if (run.has(map, "form")) {
                    formDocs.add(doc);
                } else {
                    run.problem(ProblemCode.UNKNOWN_DOCUMENT, doc.source(), doc.node(),
                            "this document is not a scale, list, policy or form",
                            "start it with 'form: <id>', 'scale: <id>', 'list: <id>' or 'policy: <id>'");
                }
            }
        }
        for (Doc doc : formDocs) {
            run.readForm(doc.source(), (MappingNode) doc.node());
        }
        if (!run.problems.isEmpty()) {
            run.problems.sort(Comparator.comparing((FormProblem p) -> p.at().source())
                    .thenComparingInt(p -> p.at().line()).thenComparingInt(p -> p.at().column()));
            throw new FormDefinitionException(run.problems);
        }
        return new FormBundle(run.scales, run.lists, run.sharedSources, run.forms, Optional.ofNullable(run.policy));
    }

    private record Doc(String source, Node node) {
    }

    /** The keys of renames ({@code was:}, {@code retired:}) and of the grid layout ({@code layout:}). */
    private static final class Renaming {
        static final Set<String> FORM_KEYS = Set.of("retired");
        static final Set<String> SECTION_KEYS = Set.of("layout");
        static final Set<String> ITEM_KEYS = Set.of("was");
    }

    /** The state of one read: what was found so far and what went wrong. */
    private static final class Run extends YamlReading {

        private final Map<String, Scale> scales = new LinkedHashMap<>();
        private final Map<String, OptionList> lists = new LinkedHashMap<>();
        private final Map<String, String> sharedSources = new HashMap<>();
        private final Map<String, FormDefinition> forms = new LinkedHashMap<>();
        private Policy policy;

        List<Doc> compose(FormSource source) {
            return composeNodes(source).stream().map(node -> new Doc(source.name(), node)).toList();
        }

        // ---- shared files ----------------------------------------------------------------

        void readScale(String source, MappingNode map) {
            Map<String, NodeTuple> keys = keys(source, map, SCALE_KEYS, "a scale");
            Optional<String> id = id(source, map, keys, "scale");
            LocalizedText title = optionalText(source, keys, "title").orElseGet(() -> id.map(i -> LocalizedText.of(i, i, i))
                    .orElse(LocalizedText.of("", "", "")));
            List<ScaleValue> values = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            for (Node valueNode : list(source, map, keys, "values")) {
                Optional<MappingNode> valueMap = mapping(source, valueNode, "a scale value");
                if (valueMap.isEmpty()) {
                    continue;
                }
                Map<String, NodeTuple> vk = keys(source, valueMap.get(), SCALE_VALUE_KEYS, "a scale value");
                Optional<String> code = code(source, valueMap.get(), vk, codes, "scale");
                Colour colour = Colour.NEUTRAL;
                if (vk.containsKey("colour")) {
                    Node colourNode = vk.get("colour").getValueNode();
                    Optional<String> name = scalar(source, colourNode, "colour");
                    Optional<Colour> found = name.flatMap(Colour::fromYaml);
                    if (name.isPresent() && found.isEmpty()) {
                        problem(ProblemCode.UNKNOWN_COLOUR, source, colourNode, "unknown colour '" + name.get() + "'",
                                suggestion(name.get(), Colour.yamlNames()) + "known colours: " + String.join(", ", Colour.yamlNames()));
                    }
                    colour = found.orElse(Colour.NEUTRAL);
                }
                boolean problemValue = flag(source, vk, "problem");
                LocalizedText label = requiredText(source, valueMap.get(), vk, "label");
                Colour finalColour = colour;
                code.ifPresent(c -> values.add(new ScaleValue(c, finalColour, problemValue, label)));
            }
            id.ifPresent(i -> register(source, keys.get("scale").getValueNode(), "scale", i, scales,
                    new Scale(i, title, values)));
        }

        void readList(String source, MappingNode map) {
            Map<String, NodeTuple> keys = keys(source, map, LIST_KEYS, "an option list");
            Optional<String> id = id(source, map, keys, "list");
            LocalizedText title = optionalText(source, keys, "title").orElseGet(() -> id.map(i -> LocalizedText.of(i, i, i))
                    .orElse(LocalizedText.of("", "", "")));
            List<Option> options = options(source, map, keys, "options");
            id.ifPresent(i -> register(source, keys.get("list").getValueNode(), "list", i, lists, new OptionList(i, title, options)));
        }

        private <T> void register(String source, Node idNode, String kind, String id, Map<String, T> registry, T value) {
            if (registry.containsKey(id)) {
                problem(ProblemCode.DUPLICATE_ID, source, idNode,
                        kind + " '" + id + "' is defined twice (also in " + sharedSources.get(kind + ":" + id) + ")",
                        "give one of them another id");
            } else {
                registry.put(id, value);
                sharedSources.put(kind + ":" + id, source);
            }
        }

        private List<Option> options(String source, MappingNode owner, Map<String, NodeTuple> keys, String key) {
            List<Option> options = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            for (Node optionNode : list(source, owner, keys, key)) {
                mapping(source, optionNode, "an option").ifPresent(optionMap -> {
                    Map<String, NodeTuple> ok = keys(source, optionMap, OPTION_KEYS, "an option");
                    Optional<String> code = code(source, optionMap, ok, codes, "option");
                    LocalizedText label = requiredText(source, optionMap, ok, "label");
                    code.ifPresent(c -> options.add(new Option(c, label)));
                });
            }
            return options;
        }

        private Optional<String> code(String source, MappingNode owner, Map<String, NodeTuple> keys, Set<String> seen, String what) {
            Optional<String> code = requiredScalar(source, owner, keys, "code");
            code.filter(c -> !CODE.matcher(c).matches()).ifPresent(c -> problem(ProblemCode.INVALID_ID, source,
                    keys.get("code").getValueNode(), what + " code '" + c + "' is not valid",
                    "use letters, digits, '?', '_' or '-', at most 20 characters"));
            code.filter(c -> CODE.matcher(c).matches() && !seen.add(c)).ifPresent(c -> problem(ProblemCode.DUPLICATE_ID, source,
                    keys.get("code").getValueNode(), what + " '" + c + "' appears twice",
                    "each code must be unique within its " + what + "s"));
            return code.filter(c -> CODE.matcher(c).matches());
        }

        void readPolicy(String source, MappingNode map) {
            Map<String, NodeTuple> keys = keys(source, map, POLICY_KEYS, "the policy");
            Optional<String> id = id(source, map, keys, "policy");
            Map<String, String> values = new TreeMap<>();
            NodeTuple valuesTuple = keys.get("values");
            if (valuesTuple == null) {
                problem(ProblemCode.MISSING_KEY, source, map, "missing 'values'", "add 'values:' with the policy numbers below it");
            } else {
                policyValues(source, valuesTuple.getValueNode(), "", values);
            }
            if (id.isPresent()) {
                if (policy != null) {
                    problem(ProblemCode.DUPLICATE_ID, source, keys.get("policy").getValueNode(),
                            "a second policy '" + id.get() + "'; there is one policy", "merge it into policy.yaml");
                } else {
                    policy = new Policy(id.get(), values);
                }
            }
        }

        private void policyValues(String source, Node node, String prefix, Map<String, String> values) {
            if (node instanceof MappingNode map) {
                Set<String> seen = new HashSet<>();
                for (NodeTuple tuple : map.getValue()) {
                    if (!(tuple.getKeyNode() instanceof ScalarNode key) || !POLICY_KEY.matcher(key.getValue()).matches()) {
                        problem(ProblemCode.INVALID_ID, source, tuple.getKeyNode(), "policy names are lower-case words",
                                "use letters, digits and '_', e.g. first_evaluation_after");
                        continue;
                    }
                    if (!seen.add(key.getValue())) {
                        problem(ProblemCode.DUPLICATE_KEY, source, key, "'" + key.getValue() + "' appears twice", "keep one");
                        continue;
                    }
                    policyValues(source, tuple.getValueNode(), prefix.isEmpty() ? key.getValue() : prefix + "." + key.getValue(), values);
                }
            } else if (node instanceof ScalarNode scalar && !prefix.isEmpty()
                    && (scalar.getValue().isBlank() || scalar.getTag().equals(org.yaml.snakeyaml.nodes.Tag.NULL))) {
                values.put(prefix, Policy.UNSET); // left for an administrator to set: what reads it says so
            } else if (node instanceof ScalarNode scalar && !prefix.isEmpty() && !scalar.getValue().isBlank()) {
                String value = scalar.getValue().strip();
                if (value.startsWith("P") || value.startsWith("-P")) {
                    try {
                        java.time.Period.parse(value);
                    } catch (DateTimeParseException e) {
                        problem(ProblemCode.WRONG_TYPE, source, node, "'" + value + "' is not an ISO-8601 period",
                                "write periods like P3M (3 months), P3Y (3 years), P2W (2 weeks)");
                    }
                }
                values.put(prefix, value);
            } else {
                problem(ProblemCode.WRONG_TYPE, source, node, "a policy value must be a number, a period or a text",
                        "e.g. 'social_only_age: 60' or 'first_evaluation_after: P3M'");
            }
        }

        // ---- forms ---------------------------------------------------------------------------

        void readForm(String source, MappingNode map) {
            Map<String, NodeTuple> keys = keys(source, map, FORM_KEYS, "a form");
            Optional<String> id = id(source, map, keys, "form");
            LocalizedText title = requiredText(source, map, keys, "title");
            Optional<LocalizedText> description = optionalText(source, keys, "description");
            Set<String> ids = new HashSet<>();
            declaredPrivacy.clear();
            formerIds.clear();
            List<Section> sections = new ArrayList<>();
            for (Node sectionNode : list(source, map, keys, "sections")) {
                mapping(source, sectionNode, "a section").ifPresent(
                        sectionMap -> readSection(source, sectionMap, ids).ifPresent(sections::add));
            }
            Bindings bindings = keys.containsKey("bindings") ? bindings(source, keys.get("bindings"), sections) : Bindings.NONE;
            // expressions are checked even when other parts are faulty: every problem is reported at once
            CompiledExpressions expressions = new ExpressionCompiler().compile(sections, (code, at, message, hint) ->
                    problems.add(new FormProblem(code, at, message, hint)));
            if (id.isPresent()) {
                if (forms.containsKey(id.get())) {
                    problem(ProblemCode.DUPLICATE_ID, source, keys.get("form").getValueNode(),
                            "form '" + id.get() + "' is defined twice", "give one of them another id");
                } else {
                    forms.put(id.get(), new FormDefinition(id.get(), title, description, sections, expressions, bindings,
                            DataProtection.of(privacy(source, keys), sections, declaredPrivacy), renames(source, keys, ids)));
                }
            }
        }

        /**
         * The {@code bindings:} block: role to item id. Each role must be known, its item must
         * exist, be of the kind the role needs and sit in the repeat the role needs; a form that
         * binds a role of a group binds every required role of that group.
         */
        private Bindings bindings(String source, NodeTuple tuple, List<Section> sections) {
            if (!(tuple.getValueNode() instanceof MappingNode map)) {
                problem(ProblemCode.WRONG_TYPE, source, tuple.getValueNode(), "'bindings' must map roles to item ids",
                        "write 'bindings: { contract.start: start_date }' or one 'role: item' per line");
                return Bindings.NONE;
            }
            Map<String, Item> items = new LinkedHashMap<>();
            Map<String, String> repeatOf = new HashMap<>();
            for (Section section : sections) {
                for (Item item : section.items()) {
                    items.put(item.id(), item);
                    if (item instanceof RepeatItem repeat) {
                        repeat.items().forEach(child -> {
                            items.put(child.id(), child);
                            repeatOf.put(child.id(), repeat.id());
                        });
                    }
                }
            }
            Set<String> roleNames = Stream.of(BindingRole.values()).map(BindingRole::key).collect(Collectors.toCollection(java.util.TreeSet::new));
            Map<BindingRole, String> bound = new java.util.EnumMap<>(BindingRole.class);
            Map<BindingRole, Node> at = new java.util.EnumMap<>(BindingRole.class);
            for (NodeTuple entry : map.getValue()) {
                if (!(entry.getKeyNode() instanceof ScalarNode keyNode)) {
                    problem(ProblemCode.WRONG_TYPE, source, entry.getKeyNode(), "a role must be a plain word", "e.g. 'contract.start'");
                    continue;
                }
                Optional<BindingRole> role = BindingRole.of(keyNode.getValue());
                if (role.isEmpty()) {
                    problem(ProblemCode.UNKNOWN_ROLE, source, keyNode, "unknown role '" + keyNode.getValue() + "'",
                            suggestion(keyNode.getValue(), roleNames) + "known roles: " + String.join(", ", roleNames));
                    continue;
                }
                if (at.containsKey(role.get())) {
                    problem(ProblemCode.DUPLICATE_KEY, source, keyNode, "role '" + keyNode.getValue() + "' is bound twice", "keep one of them");
                    continue;
                }
                Node valueNode = entry.getValueNode();
                at.put(role.get(), valueNode);
                scalar(source, valueNode, keyNode.getValue()).ifPresent(itemId -> bound.put(role.get(), itemId));
            }
            Map<BindingRole, String> valid = new java.util.EnumMap<>(BindingRole.class);
            bound.forEach((role, itemId) -> {
                Node node = at.get(role);
                Item item = items.get(itemId);
                if (item == null) {
                    problem(ProblemCode.UNKNOWN_ITEM, source, node, "role '" + role.key() + "' is bound to '" + itemId
                                    + "', which is no item of this form",
                            suggestion(itemId, items.keySet()) + "bind it to an existing item, or update the binding when an item is renamed");
                    return;
                }
                if (!role.kind().accepts(item)) {
                    problem(ProblemCode.BINDING_TYPE, source, node, "role '" + role.key() + "' needs " + role.kind().description()
                            + " item; '" + itemId + "' is " + kindOf(item), "bind it to " + role.kind().description() + " item");
                    return;
                }
                String actualRepeat = repeatOf.get(itemId);
                Optional<String> neededRepeat = role.repeat().map(bound::get);
                if (role.repeat().isEmpty() && actualRepeat != null) {
                    problem(ProblemCode.BINDING_REPEAT, source, node, "role '" + role.key() + "' needs an item outside repeats; '"
                            + itemId + "' is inside the repeat '" + actualRepeat + "'", "bind it to an item of a section");
                    return;
                }
                if (role.repeat().isPresent() && (actualRepeat == null || neededRepeat.isPresent() && !neededRepeat.get().equals(actualRepeat))) {
                    problem(ProblemCode.BINDING_REPEAT, source, node, "role '" + role.key() + "' needs an item inside the repeat bound to '"
                                    + role.repeat().get().key() + "'" + neededRepeat.map(r -> " ('" + r + "')").orElse("") + "; '" + itemId + "' is "
                                    + (actualRepeat == null ? "outside repeats" : "inside the repeat '" + actualRepeat + "'"),
                            "bind it to an item of that repeat's rows");
                    return;
                }
                valid.put(role, itemId);
            });
            Set<String> groups = at.keySet().stream().map(BindingRole::group).collect(Collectors.toCollection(java.util.TreeSet::new));
            for (BindingRole role : BindingRole.values()) {
                if (role.required() && groups.contains(role.group()) && !at.containsKey(role)) {
                    problem(ProblemCode.MISSING_BINDING, source, tuple.getKeyNode(), "the form binds roles of '" + role.group()
                            + "' but not '" + role.key() + "'", "add '" + role.key() + ": <item id>' under 'bindings:'");
                }
            }
            return new Bindings(valid);
        }

        private static String kindOf(Item item) {
            return switch (item) {
                case TextItem t -> "a text";
                case DateItem d -> "a date";
                case NumberItem n -> n.kind() == NumberItem.Kind.INTEGER ? "an integer" : n.kind() == NumberItem.Kind.MONEY ? "a money" : "a decimal";
                case YesNoItem y -> "a yes-no";
                case ChoiceItem c -> c.multiple() ? "a multi-choice" : "a choice";
                case RepeatItem r -> "a repeat";
                case ScaleItem s -> "a scale";
                case NoteItem n -> "a note";
                case ComputedItem c -> "a computed";
            } + " item";
        }

        private Optional<Section> readSection(String source, MappingNode map, Set<String> ids) {
            Map<String, NodeTuple> keys = keys(source, map, SECTION_KEYS, "a section");
            Optional<String> id = id(source, map, keys, "id");
            LocalizedText title = requiredText(source, map, keys, "title");
            Optional<LocalizedText> description = optionalText(source, keys, "description");
            Optional<Expression> visibleWhen = expression(source, keys, "visible-when");
            uniqueId(source, keys, id, ids);
            id.ifPresent(i -> declarePrivacy(source, keys, i));
            List<Item> items = items(source, map, keys, ids);
            SectionLayout layout = sectionLayout(source, keys);
            return id.map(i -> new Section(i, title, description, visibleWhen, items, layout));
        }

        private List<Item> items(String source, MappingNode owner, Map<String, NodeTuple> keys, Set<String> ids) {
            List<Item> items = new ArrayList<>();
            for (Node itemNode : list(source, owner, keys, "items")) {
                mapping(source, itemNode, "an item").ifPresent(itemMap -> readItem(source, itemMap, ids).ifPresent(items::add));
            }
            return items;
        }

        private void uniqueId(String source, Map<String, NodeTuple> keys, Optional<String> id, Set<String> ids) {
            id.filter(i -> !ids.add(i)).ifPresent(i -> problem(ProblemCode.DUPLICATE_ID, source,
                    keys.get("id").getValueNode(), "id '" + i + "' is used twice in this form",
                    "section and item ids must be unique within a form; answers are stored under them"));
        }

        private Optional<Item> readItem(String source, MappingNode map, Set<String> ids) {
            Optional<String> type = requiredScalar(source, map, rawKeys(map), "type");
            Set<String> specific = type.map(TYPE_KEYS::get).orElse(null);
            if (type.isPresent() && specific == null) {
                problem(ProblemCode.UNKNOWN_ITEM_TYPE, source, rawKeys(map).get("type").getValueNode(),
                        "unknown item type '" + type.get() + "'",
                        suggestion(type.get(), TYPE_KEYS.keySet()) + "known types: "
                                + String.join(", ", TYPE_KEYS.keySet().stream().sorted().toList()));
            }
            Set<String> allowed = specific == null ? ANY_ITEM_KEYS
                    : Stream.concat(COMMON_KEYS.stream(), specific.stream()).collect(Collectors.toSet());
            switch (type.orElse("")) {
                case "note" -> allowed = Set.of("id", "type", "text", "visible-when", "sensitive");
                // read-only: nothing to require, default, constrain or prefill
                case "computed" -> allowed = Set.of("id", "type", "label", "help", "visible-when", "sensitive", "expression", "privacy");
                case "repeat" -> allowed.remove("default");
                default -> {
                }
            }
            Map<String, NodeTuple> keys = keys(source, map, allowed, "a '" + type.orElse("?") + "' item");
            Optional<String> id = id(source, map, keys, "id");
            uniqueId(source, keys, id, ids);
            LocalizedText label = "note".equals(type.orElse("")) ? requiredText(source, map, keys, "text")
                    : requiredText(source, map, keys, "label");
            ItemRules rules = rules(source, keys);
            id.ifPresent(i -> declarePrivacy(source, keys, i));
            id.ifPresent(i -> readWas(source, keys, i));
            if (id.isEmpty() || specific == null) {
                return Optional.empty();
            }
            String itemId = id.get();
            return switch (type.get()) {
                case "scale" -> scaleRef(source, map, keys).map(scale -> new ScaleItem(itemId, label, rules, scale));
                case "choice", "multi-choice" -> optionsOf(source, map, keys, itemId, label)
                        .map(options -> new ChoiceItem(itemId, label, rules, options, type.get().equals("multi-choice")));
                case "text" -> Optional.of(text(source, keys, itemId, label, rules));
                case "integer" -> Optional.of(number(source, keys, itemId, label, rules, NumberItem.Kind.INTEGER));
                case "decimal" -> Optional.of(number(source, keys, itemId, label, rules, NumberItem.Kind.DECIMAL));
                case "money" -> Optional.of(number(source, keys, itemId, label, rules, NumberItem.Kind.MONEY));
                case "date" -> Optional.of(date(source, keys, itemId, label, rules));
                case "yes-no" -> Optional.of(new YesNoItem(itemId, label, rules));
                case "note" -> Optional.of(new NoteItem(itemId, label, rules));
                case "repeat" -> Optional.of(repeat(source, map, keys, itemId, label, rules, ids));
                case "computed" -> requiredExpression(source, map, keys, "expression")
                        .map(expression -> new ComputedItem(itemId, label, rules, expression));
                default -> Optional.empty();
            };
        }

        private ItemRules rules(String source, Map<String, NodeTuple> keys) {
            Optional<LocalizedText> help = optionalText(source, keys, "help");
            boolean required = flag(source, keys, "required");
            Optional<Expression> requiredWhen = expression(source, keys, "required-when");
            if (required && requiredWhen.isPresent()) {
                problem(ProblemCode.CONFLICTING_KEYS, source, keys.get("required-when").getKeyNode(),
                        "'required: true' and 'required-when' together", "keep one: always required, or required when...");
            }
            Optional<Expression> visibleWhen = expression(source, keys, "visible-when");
            Optional<String> defaultValue = Optional.ofNullable(keys.get("default"))
                    .flatMap(t -> scalar(source, t.getValueNode(), "default"));
            List<Constraint> constraints = new ArrayList<>();
            if (keys.containsKey("constraints")) {
                for (Node node : list(source, null, keys, "constraints")) {
                    mapping(source, node, "a constraint").ifPresent(cm -> {
                        Map<String, NodeTuple> ck = keys(source, cm, CONSTRAINT_KEYS, "a constraint");
                        Optional<Expression> expression = requiredExpression(source, cm, ck, "expression");
                        LocalizedText message = requiredText(source, cm, ck, "message");
                        expression.ifPresent(e -> constraints.add(new Constraint(e, message)));
                    });
                }
            }
            Set<String> sensitive = new HashSet<>();
            if (keys.containsKey("sensitive")) {
                for (Node node : list(source, null, keys, "sensitive")) {
                    scalar(source, node, "sensitive").ifPresent(role -> {
                        if (ROLES.contains(role)) {
                            sensitive.add(role);
                        } else {
                            problem(ProblemCode.WRONG_TYPE, source, node, "unknown role '" + role + "'",
                                    suggestion(role, ROLES) + "roles: ADMIN, WORKER, COMMITTEE");
                        }
                    });
                }
            }
            boolean prefill = false;
            if (keys.containsKey("prefill")) {
                Node node = keys.get("prefill").getValueNode();
                Optional<String> value = scalar(source, node, "prefill");
                prefill = value.map("last-evaluation"::equals).orElse(false);
                if (value.isPresent() && !prefill) {
                    problem(ProblemCode.WRONG_TYPE, source, node, "unknown prefill '" + value.get() + "'",
                            "the only prefill is 'last-evaluation'");
                }
            }
            return new ItemRules(help, required, requiredWhen, visibleWhen, defaultValue, constraints, sensitive, prefill);
        }

        private Optional<Scale> scaleRef(String source, MappingNode map, Map<String, NodeTuple> keys) {
            Optional<String> ref = requiredScalar(source, map, keys, "scale");
            if (ref.isEmpty()) {
                return Optional.empty();
            }
            Scale scale = scales.get(ref.get());
            if (scale == null) {
                problem(ProblemCode.UNKNOWN_SCALE, source, keys.get("scale").getValueNode(),
                        "unknown scale '" + ref.get() + "'",
                        suggestion(ref.get(), scales.keySet()) + (scales.isEmpty()
                                ? "no scale is defined; add one under forms/scales/"
                                : "known scales: " + String.join(", ", scales.keySet())));
            }
            return Optional.ofNullable(scale);
        }

        private Optional<OptionList> optionsOf(String source, MappingNode map, Map<String, NodeTuple> keys, String itemId,
                                               LocalizedText label) {
            boolean inline = keys.containsKey("options");
            boolean shared = keys.containsKey("list");
            if (inline && shared) {
                problem(ProblemCode.CONFLICTING_KEYS, source, keys.get("list").getKeyNode(),
                        "both 'options' and 'list'", "give the options inline or name a shared list, not both");
                return Optional.empty();
            }
            if (!inline && !shared) {
                problem(ProblemCode.MISSING_KEY, source, map, "missing 'options' or 'list'",
                        "list the options inline ('options:') or name a shared list ('list: <id>')");
                return Optional.empty();
            }
            if (inline) {
                return Optional.of(new OptionList(itemId, label, options(source, map, keys, "options")));
            }
            Optional<String> ref = scalar(source, keys.get("list").getValueNode(), "list");
            if (ref.isPresent() && !lists.containsKey(ref.get())) {
                problem(ProblemCode.UNKNOWN_LIST, source, keys.get("list").getValueNode(), "unknown option list '" + ref.get() + "'",
                        suggestion(ref.get(), lists.keySet()) + (lists.isEmpty()
                                ? "no list is defined; add one under forms/lists/"
                                : "known lists: " + String.join(", ", lists.keySet())));
            }
            return ref.map(lists::get);
        }

        private TextItem text(String source, Map<String, NodeTuple> keys, String id, LocalizedText label, ItemRules rules) {
            int maxLength = keys.containsKey("max-length")
                    ? positiveInt(source, keys.get("max-length").getValueNode(), "max-length", TextItem.DEFAULT_MAX_LENGTH)
                    : TextItem.DEFAULT_MAX_LENGTH;
            if (maxLength > TextItem.DEFAULT_MAX_LENGTH) {
                problem(ProblemCode.INVALID_CONSTRAINT, source, keys.get("max-length").getValueNode(),
                        "max-length " + maxLength + " is above the limit of " + TextItem.DEFAULT_MAX_LENGTH, "");
                maxLength = TextItem.DEFAULT_MAX_LENGTH;
            }
            Optional<Pattern> pattern = Optional.empty();
            if (keys.containsKey("pattern")) {
                Node node = keys.get("pattern").getValueNode();
                Optional<String> regex = scalar(source, node, "pattern");
                try {
                    pattern = regex.map(Pattern::compile);
                } catch (PatternSyntaxException e) {
                    problem(ProblemCode.INVALID_CONSTRAINT, source, node, "pattern is not a valid regular expression: "
                            + firstLine(e.getDescription()), "e.g. '[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}-[0-9]{3}\\.[0-9]{2}'");
                }
            }
            Optional<LocalizedText> patternMessage = optionalText(source, keys, "pattern-message");
            if (patternMessage.isPresent() && !keys.containsKey("pattern")) {
                problem(ProblemCode.CONFLICTING_KEYS, source, keys.get("pattern-message").getKeyNode(),
                        "'pattern-message' without 'pattern'", "add the pattern or remove the message");
            }
            return new TextItem(id, label, rules, flag(source, keys, "multiline"), maxLength, pattern, patternMessage);
        }

        private NumberItem number(String source, Map<String, NodeTuple> keys, String id, LocalizedText label, ItemRules rules,
                                  NumberItem.Kind kind) {
            Optional<BigDecimal> min = bound(source, keys, "min", kind);
            Optional<BigDecimal> max = bound(source, keys, "max", kind);
            if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
                problem(ProblemCode.INVALID_CONSTRAINT, source, keys.get("max").getValueNode(),
                        "max " + max.get() + " is below min " + min.get(), "swap them");
            }
            rules.defaultValue().ifPresent(d -> parseNumber(d, kind).ifPresentOrElse(v -> {
            }, () -> problem(ProblemCode.WRONG_TYPE, source, keys.get("default").getValueNode(),
                    "default '" + d + "' is not a " + (kind == NumberItem.Kind.INTEGER ? "whole number" : "number"), "")));
            return new NumberItem(id, label, rules, kind, min, max);
        }

        private Optional<BigDecimal> bound(String source, Map<String, NodeTuple> keys, String key, NumberItem.Kind kind) {
            if (!keys.containsKey(key)) {
                return Optional.empty();
            }
            Node node = keys.get(key).getValueNode();
            Optional<BigDecimal> value = scalar(source, node, key).flatMap(v -> parseNumber(v, kind));
            if (value.isEmpty()) {
                problem(ProblemCode.INVALID_CONSTRAINT, source, node, "'" + key + "' must be a "
                        + (kind == NumberItem.Kind.INTEGER ? "whole number" : "number"), "e.g. '" + key + ": 0'");
            }
            return value;
        }

        private static Optional<BigDecimal> parseNumber(String text, NumberItem.Kind kind) {
            try {
                BigDecimal value = new BigDecimal(text.strip());
                if (kind == NumberItem.Kind.INTEGER && value.stripTrailingZeros().scale() > 0) {
                    return Optional.empty();
                }
                return Optional.of(value);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        private DateItem date(String source, Map<String, NodeTuple> keys, String id, LocalizedText label, ItemRules rules) {
            Optional<DateBound> min = dateBound(source, keys, "min");
            Optional<DateBound> max = dateBound(source, keys, "max");
            if (min.flatMap(DateBound::fixed).isPresent() && max.flatMap(DateBound::fixed).isPresent()
                    && min.get().fixed().get().isAfter(max.get().fixed().get())) {
                problem(ProblemCode.INVALID_CONSTRAINT, source, keys.get("max").getValueNode(), "max is before min", "swap them");
            }
            // 'default: today' starts a new submission with the day it is made (a measurement date)
            rules.defaultValue().filter(d -> !d.equals(DateItem.TODAY)).ifPresent(d -> {
                try {
                    LocalDate.parse(d);
                } catch (DateTimeParseException e) {
                    problem(ProblemCode.WRONG_TYPE, source, keys.get("default").getValueNode(), "default '" + d + "' is not a date",
                            "write an ISO date such as 2020-01-31, or 'today'");
                }
            });
            return new DateItem(id, label, rules, min, max);
        }

        private Optional<DateBound> dateBound(String source, Map<String, NodeTuple> keys, String key) {
            if (!keys.containsKey(key)) {
                return Optional.empty();
            }
            Node node = keys.get(key).getValueNode();
            Optional<String> text = scalar(source, node, key);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            if (text.get().equals("today")) {
                return Optional.of(DateBound.TODAY);
            }
            try {
                return Optional.of(new DateBound(Optional.of(LocalDate.parse(text.get()))));
            } catch (DateTimeParseException e) {
                problem(ProblemCode.INVALID_CONSTRAINT, source, node, "'" + text.get() + "' is not a date",
                        "write an ISO date such as 2020-01-31, or 'today'");
                return Optional.empty();
            }
        }

        private RepeatItem repeat(String source, MappingNode map, Map<String, NodeTuple> keys, String id, LocalizedText label,
                                  ItemRules rules, Set<String> ids) {
            int min = keys.containsKey("min") ? nonNegativeInt(source, keys.get("min").getValueNode(), "min", 0) : 0;
            int max = keys.containsKey("max") ? nonNegativeInt(source, keys.get("max").getValueNode(), "max", MAX_REPEAT_ROWS)
                    : MAX_REPEAT_ROWS;
            if (max > MAX_REPEAT_ROWS || max < 1) {
                problem(ProblemCode.INVALID_CONSTRAINT, source, keys.get("max").getValueNode(),
                        "max must be between 1 and " + MAX_REPEAT_ROWS, "");
                max = MAX_REPEAT_ROWS;
            }
            if (min > max) {
                problem(ProblemCode.INVALID_CONSTRAINT, source, keys.get("min").getValueNode(), "min " + min + " is above max " + max,
                        "swap them");
            }
            List<Item> items = items(source, map, keys, ids);
            items.stream().filter(RepeatItem.class::isInstance).forEach(nested -> problem(ProblemCode.INVALID_CONSTRAINT, source,
                    map, "repeat '" + nested.id() + "' inside repeat '" + id + "'", "repeats cannot be nested; use a separate repeat"));
            return new RepeatItem(id, label, rules, items, min, max);
        }

        // ---- privacy declarations (privacy: on a form, a section or an item) -------------------

        /** What the sections and items of the form being read declare, by id. */
        private final Map<String, Protection> declaredPrivacy = new HashMap<>();

        private void declarePrivacy(String source, Map<String, NodeTuple> keys, String id) {
            Protection declared = privacy(source, keys);
            if (declared.declared()) {
                declaredPrivacy.put(id, declared);
            }
        }

        /** The {@code privacy:} block of a form, section or item; problems are reported, the rest is kept. */
        private Protection privacy(String source, Map<String, NodeTuple> keys) {
            NodeTuple tuple = keys.get("privacy");
            if (tuple == null) {
                return Protection.NONE;
            }
            Optional<MappingNode> map = mapping(source, tuple.getValueNode(), "a privacy declaration");
            if (map.isEmpty()) {
                return Protection.NONE;
            }
            Map<String, NodeTuple> pk = keys(source, map.get(), PRIVACY_KEYS, "a privacy declaration");
            Set<DataCategory> categories = java.util.EnumSet.noneOf(DataCategory.class);
            if (pk.containsKey("categories")) {
                for (Node node : list(source, null, pk, "categories")) {
                    scalar(source, node, "categories").ifPresent(name -> DataCategory.fromYaml(name).ifPresentOrElse(categories::add,
                            () -> problem(ProblemCode.UNKNOWN_CATEGORY, source, node, "unknown data category '" + name + "'",
                                    suggestion(name, DataCategory.yamlNames()) + "categories: " + String.join(", ", DataCategory.yamlNames()))));
                }
            }
            Optional<LocalizedText> purpose = optionalText(source, pk, "purpose");
            Optional<LegalBasis> basis = Optional.ofNullable(pk.get("legal-basis")).flatMap(t -> {
                Node node = t.getValueNode();
                Optional<String> name = scalar(source, node, "legal-basis");
                Optional<LegalBasis> found = name.flatMap(LegalBasis::fromYaml);
                if (name.isPresent() && found.isEmpty()) {
                    problem(ProblemCode.UNKNOWN_LEGAL_BASIS, source, node, "unknown legal basis '" + name.get() + "'",
                            suggestion(name.get(), LegalBasis.yamlNames()) + "legal bases: " + String.join(", ", LegalBasis.yamlNames()));
                }
                return found;
            });
            Optional<Retention> retention = Optional.ofNullable(pk.get("retention")).flatMap(t -> retention(source, t.getValueNode()));
            return new Protection(categories, purpose, basis, retention, flag(source, pk, "third-party"));
        }

        private Optional<Retention> retention(String source, Node node) {
            Optional<MappingNode> map = mapping(source, node, "a retention");
            if (map.isEmpty()) {
                return Optional.empty();
            }
            Map<String, NodeTuple> rk = keys(source, map.get(), RETENTION_KEYS, "a retention");
            Optional<String> keep = requiredScalar(source, map.get(), rk, "keep").filter(k -> {
                boolean valid;
                if (k.startsWith("P")) {
                    try {
                        valid = !java.time.Period.parse(k).isNegative();
                    } catch (DateTimeParseException e) {
                        valid = false;
                    }
                } else {
                    valid = POLICY_PATH.matcher(k).matches();
                }
                if (!valid) {
                    problem(ProblemCode.INVALID_PERIOD, source, rk.get("keep").getValueNode(), "'" + k + "' is neither an ISO-8601 period nor a policy value",
                            "write a period such as P5Y (5 years) or P18M, or the path of a policy value such as retention.health");
                }
                return valid;
            });
            Optional<Retention.Event> after = requiredScalar(source, map.get(), rk, "after").flatMap(name -> {
                Optional<Retention.Event> found = Retention.Event.fromYaml(name);
                if (found.isEmpty()) {
                    problem(ProblemCode.UNKNOWN_EVENT, source, rk.get("after").getValueNode(), "unknown event '" + name + "'",
                            suggestion(name, Retention.Event.yamlNames()) + "events: " + String.join(", ", Retention.Event.yamlNames()));
                }
                return found;
            });
            Optional<Retention.Action> then = requiredScalar(source, map.get(), rk, "then").flatMap(name -> {
                Optional<Retention.Action> found = Retention.Action.fromYaml(name);
                if (found.isEmpty()) {
                    problem(ProblemCode.WRONG_TYPE, source, rk.get("then").getValueNode(), "unknown retention action '" + name + "'",
                            suggestion(name, List.of("erase", "anonymise")) + "write 'erase' or 'anonymise'");
                }
                return found;
            });
            return keep.isPresent() && after.isPresent() && then.isPresent()
                    ? Optional.of(new Retention(keep.get(), after.get(), then.get())) : Optional.empty();
        }

        // ---- renames (was:, retired:) and the grid layout -----------------------------------

        /** Per form being read: item id to the former ids it declares with {@code was:}, with their nodes. */
        private final Map<String, List<Map.Entry<String, Node>>> formerIds = new LinkedHashMap<>();

        private SectionLayout sectionLayout(String source, Map<String, NodeTuple> keys) {
            if (!keys.containsKey("layout")) {
                return SectionLayout.LIST;
            }
            Node node = keys.get("layout").getValueNode();
            Optional<String> value = scalar(source, node, "layout");
            Optional<SectionLayout> layout = value.flatMap(v -> Stream.of(SectionLayout.values()).filter(l -> l.yaml().equals(v)).findFirst());
            if (value.isPresent() && layout.isEmpty()) {
                problem(ProblemCode.WRONG_TYPE, source, node, "unknown layout '" + value.get() + "'",
                        "write 'layout: grid' (one compact line per scale factor) or 'layout: list'");
            }
            return layout.orElse(SectionLayout.LIST);
        }

        /** {@code was: old_id} or {@code was: [older, oldest]}: the ids an item's answers were stored under before. */
        private void readWas(String source, Map<String, NodeTuple> keys, String itemId) {
            if (!keys.containsKey("was")) {
                return;
            }
            for (Map.Entry<String, Node> old : idList(source, keys.get("was").getValueNode(), "was")) {
                if (old.getKey().equals(itemId)) {
                    problem(ProblemCode.RENAME_CONFLICT, source, old.getValue(), "item '" + itemId + "' says it was itself",
                            "name the id it had before, or remove 'was'");
                } else {
                    formerIds.computeIfAbsent(itemId, i -> new ArrayList<>()).add(old);
                }
            }
        }

        /** The ids of a scalar or a list of scalars, each checked as an id. */
        private List<Map.Entry<String, Node>> idList(String source, Node node, String key) {
            List<Node> nodes = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
            List<Map.Entry<String, Node>> ids = new ArrayList<>();
            for (Node entry : nodes) {
                scalar(source, entry, key).ifPresent(i -> {
                    if (ID.matcher(i).matches()) {
                        ids.add(Map.entry(i, entry));
                    } else {
                        problem(ProblemCode.INVALID_ID, source, entry, "'" + i + "' is not an item id", "write the former id as it was");
                    }
                });
            }
            return ids;
        }

        /**
         * The form's renames, checked: a former id is no id of this form (section or item), is
         * claimed by one item only, and is not retired at the same time; a retired id is no id of
         * this form either.
         */
        private Renames renames(String source, Map<String, NodeTuple> keys, Set<String> ids) {
            Map<String, String> claimedBy = new HashMap<>();
            Map<String, List<String>> former = new LinkedHashMap<>();
            formerIds.forEach((itemId, olds) -> {
                for (Map.Entry<String, Node> old : olds) {
                    if (ids.contains(old.getKey())) {
                        problem(ProblemCode.RENAME_CONFLICT, source, old.getValue(), "'" + old.getKey()
                                        + "' is still an id of this form; item '" + itemId + "' cannot say it was it",
                                "a former id must no longer be in use: rename the other one too, or remove this 'was'");
                    } else if (claimedBy.putIfAbsent(old.getKey(), itemId) != null) {
                        problem(ProblemCode.RENAME_CONFLICT, source, old.getValue(), "'" + old.getKey() + "' is claimed by '"
                                + claimedBy.get(old.getKey()) + "' and '" + itemId + "'", "answers of one id can go to one item only");
                    } else {
                        former.computeIfAbsent(itemId, i -> new ArrayList<>()).add(old.getKey());
                    }
                }
            });
            Set<String> retired = new java.util.TreeSet<>();
            if (keys.containsKey("retired")) {
                for (Map.Entry<String, Node> old : idList(source, keys.get("retired").getValueNode(), "retired")) {
                    if (ids.contains(old.getKey())) {
                        problem(ProblemCode.RENAME_CONFLICT, source, old.getValue(), "'" + old.getKey()
                                + "' is retired but still an id of this form", "remove it from 'retired' or remove the item");
                    } else if (claimedBy.containsKey(old.getKey())) {
                        problem(ProblemCode.RENAME_CONFLICT, source, old.getValue(), "'" + old.getKey() + "' is retired and also the former id of '"
                                + claimedBy.get(old.getKey()) + "'", "keep one: 'was' carries its answers over, 'retired' ends them");
                    } else {
                        retired.add(old.getKey());
                    }
                }
            }
            formerIds.clear();
            return new Renames(former, retired);
        }

        // ---- node helpers -------------------------------------------------------------------

        boolean has(MappingNode map, String key) {
            return rawKeys(map).containsKey(key);
        }

        private Map<String, NodeTuple> rawKeys(MappingNode map) {
            Map<String, NodeTuple> keys = new LinkedHashMap<>();
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    keys.putIfAbsent(key.getValue(), tuple);
                }
            }
            return keys;
        }

        private boolean flag(String source, Map<String, NodeTuple> keys, String key) {
            if (!keys.containsKey(key)) {
                return false;
            }
            Node node = keys.get(key).getValueNode();
            Optional<String> value = scalar(source, node, key);
            if (value.isPresent() && !Set.of("true", "false").contains(value.get())) {
                problem(ProblemCode.WRONG_TYPE, source, node, "'" + key + "' must be true or false", "");
            }
            return value.map("true"::equals).orElse(false);
        }

        private int positiveInt(String source, Node node, String key, int fallback) {
            int value = nonNegativeInt(source, node, key, fallback);
            if (value == 0) {
                problem(ProblemCode.WRONG_TYPE, source, node, "'" + key + "' must be a positive whole number", "");
                return fallback;
            }
            return value;
        }

        private int nonNegativeInt(String source, Node node, String key, int fallback) {
            Optional<String> value = scalar(source, node, key);
            try {
                int n = Integer.parseInt(value.orElse(""));
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            if (value.isPresent()) {
                problem(ProblemCode.WRONG_TYPE, source, node, "'" + key + "' must be a whole number, 0 or more", "");
            }
            return fallback;
        }

        private Optional<LocalizedText> optionalText(String source, Map<String, NodeTuple> keys, String key) {
            return Optional.ofNullable(keys.get(key)).map(t -> text(source, t.getValueNode(), key));
        }

    }

    /** "did you mean 'x'? " when a known name is close to the given one, else "". */
    static String suggestion(String given, Collection<String> known) {
        return known.stream()
                .filter(k -> distance(given, k) <= Math.max(2, k.length() / 3) && distance(given, k) < k.length())
                .min(Comparator.comparingInt((String k) -> distance(given, k)).thenComparing(Comparator.naturalOrder()))
                .map(k -> "did you mean '" + k + "'? ")
                .orElse("");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
