package org.parcours.studio;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The sections and items of a form file as written, for the studio's builder: read from the YAML
 * node tree rather than from the engine's model, so a draft the engine refuses still shows its
 * tree and the properties as typed, and each engine problem can be placed at the item and key
 * whose lines hold it.
 */
public record FormOutline(List<Node> sections, Node form) {

    public enum Kind { FORM, SECTION, ITEM }

    /**
     * One section or item. {@code values}: its keys with a scalar value (a list of scalars joined
     * with ", "); {@code texts}: its keys holding fr/nl/en texts; {@code privacy}: its privacy
     * block as written ({@code categories} joined with ", ", {@code legal-basis},
     * {@code purpose.fr}..., {@code retention.keep}...); lines are 1-based, inclusive. The form
     * itself is a node of kind FORM with the id "" (its {@code retired} ids among its values).
     */
    public record Node(Kind kind, String id, String type, String parentId, int index, int firstLine, int lastLine,
                       Map<String, String> values, Map<String, Map<String, String>> texts,
                       List<YamlEdits.ConstraintText> constraints, List<List<String>> options,
                       Map<String, int[]> keyLines, List<Node> children, Map<String, String> privacy) {

        public String value(String key) {
            return values.getOrDefault(key, "");
        }

        public String text(String key, String language) {
            return texts.getOrDefault(key, Map.of()).getOrDefault(language, "");
        }

        public boolean container() {
            return kind == Kind.SECTION || "repeat".equals(type);
        }

        /** The ids of this node and of everything under it. */
        public List<String> withDescendantIds() {
            return withDescendants().map(Node::id).toList();
        }

        Stream<Node> withDescendants() {
            return Stream.concat(Stream.of(this), children.stream().flatMap(Node::withDescendants));
        }
    }

    /** A problem's place: the section or item, and its key ("" when on the entry's own lines). */
    public record Place(String id, String key) {
    }

    /** The outline of a text, empty when the text is not YAML with a list of sections. */
    public static Optional<FormOutline> read(String text) {
        org.yaml.snakeyaml.nodes.Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (YAMLException e) {
            return Optional.empty();
        }
        if (!(root instanceof MappingNode map)) {
            return Optional.empty();
        }
        Optional<org.yaml.snakeyaml.nodes.Node> sections = tuple(map, "sections").map(NodeTuple::getValueNode);
        if (sections.isEmpty() || !(sections.get() instanceof SequenceNode || isEmpty(sections.get()))) {
            return Optional.empty();
        }
        List<String> lines = java.util.Arrays.asList(text.split("\n", -1));
        return Optional.of(new FormOutline(entries(lines, sections.get(), Kind.SECTION, ""), node(lines, map, Kind.FORM, "", 0)));
    }

    public Stream<Node> all() {
        return sections.stream().flatMap(Node::withDescendants);
    }

    public Optional<Node> find(String id) {
        return all().filter(n -> n.id().equals(id)).findFirst();
    }

    /** The deepest entry whose lines hold {@code line} (1-based), with the key there; outside the sections, the form's. */
    public Optional<Place> locate(int line) {
        return all().filter(n -> n.firstLine() <= line && line <= n.lastLine())
                .reduce((outer, inner) -> inner)
                .or(() -> Optional.of(form).filter(n -> !sections.stream().anyMatch(s -> s.firstLine() <= line && line <= s.lastLine())))
                .map(n -> new Place(n.id(), n.keyLines().entrySet().stream()
                        .filter(e -> e.getValue()[0] <= line && line <= e.getValue()[1])
                        .map(Map.Entry::getKey).findFirst().orElse("")));
    }

    private static List<Node> entries(List<String> lines, org.yaml.snakeyaml.nodes.Node list, Kind kind, String parentId) {
        List<Node> nodes = new ArrayList<>();
        if (!(list instanceof SequenceNode sequence)) {
            return nodes;
        }
        int index = 0;
        for (org.yaml.snakeyaml.nodes.Node entry : sequence.getValue()) {
            if (entry instanceof MappingNode map) {
                nodes.add(node(lines, map, kind, parentId, index));
            }
            index++;
        }
        return nodes;
    }

    private static Node node(List<String> lines, MappingNode map, Kind kind, String parentId, int index) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        Map<String, int[]> keyLines = new LinkedHashMap<>();
        List<YamlEdits.ConstraintText> constraints = new ArrayList<>();
        List<List<String>> options = new ArrayList<>();
        Map<String, String> privacy = new LinkedHashMap<>();
        org.yaml.snakeyaml.nodes.Node items = null;
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode());
            org.yaml.snakeyaml.nodes.Node value = t.getValueNode();
            keyLines.put(key, new int[] {t.getKeyNode().getStartMark().getLine() + 1, lastLine(lines, value)});
            switch (key) {
                case "items" -> items = value;
                case "sections" -> {
                    // the form's sections are the outline's roots, read by read()
                }
                case "privacy" -> privacy(value, "", privacy);
                case "constraints" -> {
                    if (value instanceof SequenceNode sequence) {
                        for (org.yaml.snakeyaml.nodes.Node c : sequence.getValue()) {
                            if (c instanceof MappingNode cm) {
                                Map<String, String> message = texts(tuple(cm, "message").map(NodeTuple::getValueNode));
                                constraints.add(new YamlEdits.ConstraintText(
                                        tuple(cm, "expression").map(x -> scalar(x.getValueNode())).orElse(""),
                                        message.getOrDefault("fr", ""), message.getOrDefault("nl", ""), message.getOrDefault("en", "")));
                            }
                        }
                    }
                }
                case "options" -> {
                    if (value instanceof SequenceNode sequence) {
                        for (org.yaml.snakeyaml.nodes.Node o : sequence.getValue()) {
                            if (o instanceof MappingNode om) {
                                Map<String, String> label = texts(tuple(om, "label").map(NodeTuple::getValueNode));
                                options.add(List.of(tuple(om, "code").map(x -> scalar(x.getValueNode())).orElse(""),
                                        label.getOrDefault("fr", ""), label.getOrDefault("nl", ""), label.getOrDefault("en", "")));
                            }
                        }
                    }
                }
                default -> {
                    if (value instanceof ScalarNode scalar) {
                        values.put(key, scalar.getValue());
                    } else if (value instanceof SequenceNode sequence) {
                        values.put(key, sequence.getValue().stream().map(FormOutline::scalar).collect(Collectors.joining(", ")));
                    } else if (value instanceof MappingNode) {
                        texts.put(key, texts(Optional.of(value)));
                    }
                }
            }
        }
        String id = kind == Kind.FORM ? "" : values.getOrDefault("id", "");
        String type = kind == Kind.FORM ? "form" : kind == Kind.SECTION ? "section" : values.getOrDefault("type", "");
        List<Node> children = items == null ? List.of() : entries(lines, items, Kind.ITEM, id);
        int first = map.getStartMark().getLine() + 1;
        int last = Math.max(first, lastLine(lines, map));
        return new Node(kind, id, type, parentId, index, first, last, Map.copyOf(values), Map.copyOf(texts),
                List.copyOf(constraints), List.copyOf(options), keyLines, children, Map.copyOf(privacy));
    }

    /** A privacy block's scalars by dotted key; lists joined with ", ". */
    private static void privacy(org.yaml.snakeyaml.nodes.Node node, String prefix, Map<String, String> into) {
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                privacy(t.getValueNode(), prefix + scalar(t.getKeyNode()) + ".", into);
            }
        } else if (node instanceof SequenceNode sequence) {
            into.put(prefix.substring(0, prefix.length() - 1),
                    sequence.getValue().stream().map(FormOutline::scalar).collect(Collectors.joining(", ")));
        } else if (node instanceof ScalarNode scalar && !prefix.isEmpty()) {
            into.put(prefix.substring(0, prefix.length() - 1), scalar.getValue());
        }
    }

    /** The last line (1-based) of a node's content: a block node's end mark is where the next token starts. */
    private static int lastLine(List<String> lines, org.yaml.snakeyaml.nodes.Node node) {
        return Math.max(node.getStartMark().getLine() + 1, YamlEdits.endLine(lines, node));
    }

    private static Map<String, String> texts(Optional<org.yaml.snakeyaml.nodes.Node> node) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (node.isPresent() && node.get() instanceof MappingNode map) {
            map.getValue().forEach(t -> texts.put(scalar(t.getKeyNode()), scalar(t.getValueNode())));
        } else if (node.isPresent() && node.get() instanceof ScalarNode scalar) {
            texts.put("fr", scalar.getValue());
        }
        return texts;
    }

    private static boolean isEmpty(org.yaml.snakeyaml.nodes.Node node) {
        return node instanceof ScalarNode scalar && scalar.getValue().isEmpty();
    }

    private static Optional<NodeTuple> tuple(MappingNode map, String key) {
        return map.getValue().stream().filter(t -> scalar(t.getKeyNode()).equals(key)).findFirst();
    }

    private static String scalar(org.yaml.snakeyaml.nodes.Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : "";
    }
}
