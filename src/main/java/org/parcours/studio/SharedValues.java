package org.parcours.studio;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The values of a shared scale ({@code values:}) or the options of a shared list
 * ({@code options:}) as written, for the studio's grid of values: read from the YAML node tree,
 * so a draft the engine refuses still shows its rows.
 */
public record SharedValues(boolean scale, List<Value> values) {

    /** One value: its code, label by language, colour ("" when not written) and problem mark. */
    public record Value(String code, Map<String, String> label, String colour, boolean problem) {

        public String label(String language) {
            return label.getOrDefault(language, "");
        }
    }

    /** The values of a scale or list text; empty when the text is not one (or not readable YAML). */
    public static Optional<SharedValues> read(String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (YAMLException e) {
            return Optional.empty();
        }
        if (!(root instanceof MappingNode map)) {
            return Optional.empty();
        }
        boolean scale = tuple(map, "scale").isPresent();
        if (!scale && tuple(map, "list").isEmpty()) {
            return Optional.empty();
        }
        Optional<Node> entries = tuple(map, scale ? "values" : "options").map(NodeTuple::getValueNode);
        List<Value> values = new ArrayList<>();
        if (entries.isPresent() && entries.get() instanceof SequenceNode sequence) {
            for (Node entry : sequence.getValue()) {
                if (entry instanceof MappingNode value) {
                    Map<String, String> label = new java.util.LinkedHashMap<>();
                    tuple(value, "label").map(NodeTuple::getValueNode).filter(MappingNode.class::isInstance)
                            .ifPresent(l -> ((MappingNode) l).getValue().forEach(t -> label.put(scalar(t.getKeyNode()), scalar(t.getValueNode()))));
                    values.add(new Value(text(value, "code"), Map.copyOf(label), text(value, "colour"), text(value, "problem").equals("true")));
                }
            }
        }
        return Optional.of(new SharedValues(scale, List.copyOf(values)));
    }

    private static String text(MappingNode map, String key) {
        return tuple(map, key).map(t -> scalar(t.getValueNode())).orElse("");
    }

    private static Optional<NodeTuple> tuple(MappingNode map, String key) {
        return map.getValue().stream().filter(t -> scalar(t.getKeyNode()).equals(key)).findFirst();
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : "";
    }
}
