package org.parcours.formdef;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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

/**
 * Reads scales and forms from YAML sources. Every problem of every source is collected and
 * reported at once with its file, line and column; nothing is half-read.
 *
 * <p>A source may hold several YAML documents (separated by {@code ---}); each document is either
 * a scale ({@code scale: id}) or a form ({@code form: id}). Scales are read first, so a form may
 * use a scale defined in any of the sources.
 */
public final class FormReader {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,79}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9?][A-Za-z0-9_?-]{0,19}");
    private static final int MAX_SOURCE_CHARS = 2_000_000;

    private static final Set<String> SCALE_KEYS = Set.of("scale", "title", "values");
    private static final Set<String> SCALE_VALUE_KEYS = Set.of("code", "colour", "problem", "label");
    private static final Set<String> FORM_KEYS = Set.of("form", "title", "sections");
    private static final Set<String> SECTION_KEYS = Set.of("id", "title", "items");
    private static final Map<String, Set<String>> ITEM_KEYS = Map.of(
            "scale", Set.of("id", "type", "label", "scale"),
            "text", Set.of("id", "type", "label", "multiline", "max-length"));
    /** The keys of any item type: accepted while the type is missing or unknown, to avoid follow-up errors. */
    private static final Set<String> ANY_ITEM_KEYS = ITEM_KEYS.values().stream().flatMap(Set::stream)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Reads all sources together; throws with every problem found if any source is faulty. */
    public FormBundle read(List<FormSource> sources) {
        Run run = new Run();
        List<Doc> formDocs = new ArrayList<>();
        for (FormSource source : sources) {
            for (Doc doc : run.compose(source)) {
                if (doc.node() instanceof MappingNode map && run.has(map, "scale")) {
                    run.readScale(doc.source(), map);
                } else if (doc.node() instanceof MappingNode map && run.has(map, "form")) {
                    formDocs.add(doc);
                } else {
                    run.problem(ProblemCode.UNKNOWN_DOCUMENT, doc.source(), doc.node(),
                            "this document is neither a scale nor a form",
                            "start it with 'scale: <id>' or 'form: <id>'");
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
        return new FormBundle(run.scales, run.scaleSources, run.forms);
    }

    private record Doc(String source, Node node) {
    }

    /** The state of one read: what was found so far and what went wrong. */
    private static final class Run {

        private final List<FormProblem> problems = new ArrayList<>();
        private final Map<String, Scale> scales = new LinkedHashMap<>();
        private final Map<String, String> scaleSources = new HashMap<>();
        private final Map<String, FormDefinition> forms = new LinkedHashMap<>();

        List<Doc> compose(FormSource source) {
            List<Doc> docs = new ArrayList<>();
            if (source.text().length() > MAX_SOURCE_CHARS) {
                problems.add(new FormProblem(ProblemCode.YAML_SYNTAX, new SourcePosition(source.name(), 1, 1),
                        "the file is larger than " + MAX_SOURCE_CHARS + " characters", "split it into several files"));
                return docs;
            }
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(20);
            options.setAllowRecursiveKeys(false);
            options.setCodePointLimit(MAX_SOURCE_CHARS * 2);
            try {
                for (Node node : new Yaml(options).composeAll(new StringReader(source.text()))) {
                    if (node != null) {
                        docs.add(new Doc(source.name(), node));
                    }
                }
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                problems.add(new FormProblem(ProblemCode.YAML_SYNTAX, position(source.name(), mark),
                        "YAML syntax: " + firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage())
                                + (e.getContext() != null ? " " + e.getContext() : ""),
                        "check indentation, colons and quotes on this line or the one before"));
            } catch (YAMLException e) {
                problems.add(new FormProblem(ProblemCode.YAML_SYNTAX, new SourcePosition(source.name(), 1, 1),
                        "YAML syntax: " + firstLine(e.getMessage()), "check the file is valid YAML"));
            }
            return docs;
        }

        void readScale(String source, MappingNode map) {
            Map<String, NodeTuple> keys = keys(source, map, SCALE_KEYS, "a scale");
            Optional<String> id = id(source, map, keys, "scale");
            LocalizedText title = keys.containsKey("title")
                    ? text(source, keys.get("title").getValueNode(), "title")
                    : id.map(i -> LocalizedText.of(i, i, i)).orElse(LocalizedText.of("", "", ""));
            List<ScaleValue> values = new ArrayList<>();
            Set<String> codes = new java.util.HashSet<>();
            for (Node valueNode : list(source, map, keys, "values")) {
                Optional<MappingNode> valueMap = mapping(source, valueNode, "a scale value");
                if (valueMap.isEmpty()) {
                    continue;
                }
                Map<String, NodeTuple> vk = keys(source, valueMap.get(), SCALE_VALUE_KEYS, "a scale value");
                Optional<String> code = requiredScalar(source, valueMap.get(), vk, "code");
                code.filter(c -> !CODE.matcher(c).matches()).ifPresent(c -> problem(ProblemCode.INVALID_ID, source,
                        vk.get("code").getValueNode(), "scale value code '" + c + "' is not valid",
                        "use letters, digits, '?', '_' or '-', at most 20 characters"));
                code.filter(c -> !codes.add(c)).ifPresent(c -> problem(ProblemCode.DUPLICATE_ID, source,
                        vk.get("code").getValueNode(), "scale value '" + c + "' appears twice in this scale",
                        "each value code must be unique within its scale"));
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
                boolean problemValue = vk.containsKey("problem") && bool(source, vk.get("problem").getValueNode(), "problem");
                LocalizedText label = requiredText(source, valueMap.get(), vk, "label");
                Colour finalColour = colour;
                code.ifPresent(c -> values.add(new ScaleValue(c, finalColour, problemValue, label)));
            }
            if (id.isPresent()) {
                if (scales.containsKey(id.get())) {
                    problem(ProblemCode.DUPLICATE_ID, source, keys.get("scale").getValueNode(),
                            "scale '" + id.get() + "' is defined twice (also in " + scaleSources.get(id.get()) + ")",
                            "give one of them another id");
                } else {
                    scales.put(id.get(), new Scale(id.get(), title, values));
                    scaleSources.put(id.get(), source);
                }
            }
        }

        void readForm(String source, MappingNode map) {
            Map<String, NodeTuple> keys = keys(source, map, FORM_KEYS, "a form");
            Optional<String> id = id(source, map, keys, "form");
            LocalizedText title = requiredText(source, map, keys, "title");
            Set<String> itemIds = new java.util.HashSet<>();
            List<Section> sections = new ArrayList<>();
            for (Node sectionNode : list(source, map, keys, "sections")) {
                mapping(source, sectionNode, "a section").ifPresent(
                        sectionMap -> readSection(source, sectionMap, itemIds).ifPresent(sections::add));
            }
            if (id.isPresent()) {
                if (forms.containsKey(id.get())) {
                    problem(ProblemCode.DUPLICATE_ID, source, keys.get("form").getValueNode(),
                            "form '" + id.get() + "' is defined twice", "give one of them another id");
                } else {
                    forms.put(id.get(), new FormDefinition(id.get(), title, sections));
                }
            }
        }

        private Optional<Section> readSection(String source, MappingNode map, Set<String> itemIds) {
            Map<String, NodeTuple> keys = keys(source, map, SECTION_KEYS, "a section");
            Optional<String> id = id(source, map, keys, "id");
            LocalizedText title = requiredText(source, map, keys, "title");
            id.filter(i -> !itemIds.add(i)).ifPresent(i -> problem(ProblemCode.DUPLICATE_ID, source,
                    keys.get("id").getValueNode(), "id '" + i + "' is used twice in this form",
                    "section and item ids must be unique within a form"));
            List<Item> items = new ArrayList<>();
            for (Node itemNode : list(source, map, keys, "items")) {
                mapping(source, itemNode, "an item").ifPresent(
                        itemMap -> readItem(source, itemMap, itemIds).ifPresent(items::add));
            }
            return id.map(i -> new Section(i, title, items));
        }

        private Optional<Item> readItem(String source, MappingNode map, Set<String> itemIds) {
            Optional<String> type = requiredScalar(source, map, rawKeys(map), "type");
            Set<String> allowed = type.map(ITEM_KEYS::get).orElse(null);
            if (type.isPresent() && allowed == null) {
                problem(ProblemCode.UNKNOWN_ITEM_TYPE, source, rawKeys(map).get("type").getValueNode(),
                        "unknown item type '" + type.get() + "'",
                        suggestion(type.get(), ITEM_KEYS.keySet()) + "known types: " + String.join(", ", ITEM_KEYS.keySet().stream().sorted().toList()));
            }
            Map<String, NodeTuple> keys = keys(source, map, allowed == null ? ANY_ITEM_KEYS : allowed,
                    "a '" + type.orElse("?") + "' item");
            Optional<String> id = id(source, map, keys, "id");
            id.filter(i -> !itemIds.add(i)).ifPresent(i -> problem(ProblemCode.DUPLICATE_ID, source,
                    keys.get("id").getValueNode(), "id '" + i + "' is used twice in this form",
                    "item ids must be unique within a form; answers are stored under them"));
            LocalizedText label = requiredText(source, map, keys, "label");
            if (id.isEmpty() || allowed == null) {
                return Optional.empty();
            }
            return switch (type.get()) {
                case "scale" -> scaleRef(source, map, keys).map(scale -> new ScaleItem(id.get(), label, scale));
                case "text" -> Optional.of(new TextItem(id.get(), label,
                        keys.containsKey("multiline") && bool(source, keys.get("multiline").getValueNode(), "multiline"),
                        keys.containsKey("max-length")
                                ? positiveInt(source, keys.get("max-length").getValueNode(), "max-length", TextItem.DEFAULT_MAX_LENGTH)
                                : TextItem.DEFAULT_MAX_LENGTH));
                default -> Optional.empty();
            };
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

        /** The keys of a mapping, reporting unknown, duplicate and non-text keys. */
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
                            suggestion(key, allowed) + "allowed keys: " + String.join(", ", allowed.stream().sorted().toList()));
                } else if (keys.putIfAbsent(key, tuple) != null) {
                    problem(ProblemCode.DUPLICATE_KEY, source, keyNode, "key '" + key + "' appears twice in " + what,
                            "keep one of them");
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

        private boolean bool(String source, Node node, String key) {
            Optional<String> value = scalar(source, node, key);
            if (value.isPresent() && !Set.of("true", "false").contains(value.get())) {
                problem(ProblemCode.WRONG_TYPE, source, node, "'" + key + "' must be true or false", "");
            }
            return value.map("true"::equals).orElse(false);
        }

        private int positiveInt(String source, Node node, String key, int fallback) {
            Optional<String> value = scalar(source, node, key);
            try {
                int n = Integer.parseInt(value.orElse(""));
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            if (value.isPresent()) {
                problem(ProblemCode.WRONG_TYPE, source, node, "'" + key + "' must be a positive whole number", "");
            }
            return fallback;
        }

        private List<Node> list(String source, MappingNode owner, Map<String, NodeTuple> keys, String key) {
            NodeTuple tuple = keys.get(key);
            if (tuple == null) {
                problem(ProblemCode.MISSING_KEY, source, owner, "missing '" + key + "'", "add '" + key + ":' with a list below it");
                return List.of();
            }
            if (!(tuple.getValueNode() instanceof SequenceNode seq)) {
                problem(ProblemCode.WRONG_TYPE, source, tuple.getValueNode(), "'" + key + "' must be a list",
                        "write each entry on its own line starting with '- '");
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
                problem(ProblemCode.MISSING_KEY, source, owner, "missing '" + key + "'",
                        "add '" + key + ": { fr: ..., nl: ..., en: ... }'");
                return LocalizedText.of("", "", "");
            }
            return text(source, tuple.getValueNode(), key);
        }

        private LocalizedText text(String source, Node node, String key) {
            if (!(node instanceof MappingNode map)) {
                problem(ProblemCode.WRONG_TYPE, source, node, "'" + key + "' must give a text per language",
                        "write '" + key + ": { fr: ..., nl: ..., en: ... }'");
                return LocalizedText.of("", "", "");
            }
            Map<String, NodeTuple> languages = keys(source, map, Set.copyOf(LocalizedText.LANGUAGES), "'" + key + "'");
            Map<String, String> texts = new HashMap<>();
            for (String language : LocalizedText.LANGUAGES) {
                NodeTuple tuple = languages.get(language);
                if (tuple == null) {
                    problem(ProblemCode.MISSING_TRANSLATION, source, map, "'" + key + "' has no " + language + " text",
                            "add '" + language + ": ...'; every label needs fr, nl and en");
                } else {
                    scalar(source, tuple.getValueNode(), key + "." + language).ifPresent(t -> texts.put(language, t));
                }
            }
            return new LocalizedText(texts);
        }

        void problem(ProblemCode code, String source, Node node, String message, String hint) {
            problems.add(new FormProblem(code, position(source, node.getStartMark()), message, hint));
        }

        private static SourcePosition position(String source, Mark mark) {
            return mark == null ? new SourcePosition(source, 1, 1)
                    : new SourcePosition(source, mark.getLine() + 1, mark.getColumn() + 1);
        }

        private static String firstLine(String message) {
            return message == null ? "" : message.lines().findFirst().orElse("").strip();
        }
    }

    /** "did you mean 'x'? " when a known name is close to the given one, else "". */
    static String suggestion(String given, java.util.Collection<String> known) {
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
