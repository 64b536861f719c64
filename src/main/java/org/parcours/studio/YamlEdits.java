package org.parcours.studio;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Everyday changes made on the YAML text itself, line by line, so the file keeps its comments,
 * order and layout: the structured forms of the studio and the YAML editor edit the same text.
 * Each edit returns the new text; the studio then validates it with the engine like any draft.
 *
 * <p>The older edits insert lines; the newer ones locate their target with SnakeYAML's node
 * tree (start and end marks) and then replace only those characters or lines of the text, so
 * the rest of the file – comments included – is left exactly as it was.
 */
public final class YamlEdits {

    private YamlEdits() {
    }

    /** An edit that cannot be made on this text; {@code key} is a message key for the administrator. */
    public static final class EditException extends RuntimeException {

        private final String key;
        private final transient Object[] args;

        EditException(String key, Object... args) {
            super(key + " " + Arrays.toString(args));
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    /** Adds a scale item (a factor) at the end of a section's items, labelled in fr/nl/en. */
    public static String addScaleItem(String text, String sectionId, String itemId, String scaleId, boolean prefill,
                                      String fr, String nl, String en) {
        List<String> lines = lines(text);
        int section = findEntry(lines, "id", sectionId, 0, lines.size());
        if (section < 0) {
            throw new EditException("studio.edit.no-section", sectionId);
        }
        int indent = indent(lines.get(section));
        int end = blockEnd(lines, section, indent);
        int items = findKey(lines, "items", indent + 2, section + 1, end);
        if (items < 0 || !afterColon(lines.get(items)).isEmpty()) {
            throw new EditException("studio.edit.no-items", sectionId);
        }
        int entryIndent = firstEntryIndent(lines, items + 1, end, indent + 4);
        String pad = " ".repeat(entryIndent);
        List<String> added = new ArrayList<>();
        added.add(pad + "- id: " + itemId);
        added.add(pad + "  type: scale");
        added.add(pad + "  scale: " + scaleId);
        if (prefill) {
            added.add(pad + "  prefill: last-evaluation");
        }
        added.add(pad + "  label: " + labels(fr, nl, en));
        lines.addAll(lastContentLine(lines, items, end) + 1, added);
        return String.join("\n", lines);
    }

    /** Adds an option at the end of an item's own options (not a shared list of lists/). */
    public static String addOption(String text, String itemId, String code, String fr, String nl, String en) {
        List<String> lines = lines(text);
        int item = findEntry(lines, "id", itemId, 0, lines.size());
        if (item < 0) {
            throw new EditException("studio.edit.no-item", itemId);
        }
        int indent = indent(lines.get(item));
        int end = blockEnd(lines, item, indent);
        int options = findKey(lines, "options", indent + 2, item + 1, end);
        if (options < 0) {
            throw new EditException(findKey(lines, "list", indent + 2, item + 1, end) >= 0
                    ? "studio.edit.shared-list" : "studio.edit.no-options", itemId);
        }
        if (!afterColon(lines.get(options)).isEmpty()) {
            throw new EditException("studio.edit.no-options", itemId);
        }
        int optionsEnd = blockEnd(lines, options, indent + 2);
        int entryIndent = firstEntryIndent(lines, options + 1, optionsEnd, indent + 4);
        String pad = " ".repeat(entryIndent);
        lines.addAll(lastContentLine(lines, options, optionsEnd) + 1,
                List.of(pad + "- code: " + code, pad + "  label: " + labels(fr, nl, en)));
        return String.join("\n", lines);
    }

    /**
     * Moves an item one place up ({@code delta} -1) or down (+1) among its siblings (the items of
     * its section or repeat). The lines of the item travel together with the comment lines
     * written just above it.
     */
    public static String moveItem(String text, String itemId, int delta) {
        List<String> lines = lines(text);
        Located found = findById(compose(text), itemId)
                .orElseThrow(() -> new EditException("studio.edit.no-item", itemId));
        int from = found.index();
        int to = from + delta;
        List<Node> siblings = found.parent().getValue();
        if (delta == 0 || to < 0 || to >= siblings.size()) {
            throw new EditException(delta < 0 ? "studio.edit.first" : "studio.edit.last", itemId);
        }
        int first = Math.min(from, to);
        // an item's lines start after the previous item's content: a comment above an item moves with it
        int start = first > 0 ? endLine(lines, siblings.get(first - 1)) : startLine(siblings.get(first));
        int dash = indent(lines.get(startLine(siblings.get(first))));
        while (first == 0 && start > 0 && lines.get(start - 1).strip().startsWith("#") && indent(lines.get(start - 1)) == dash) {
            start--;
        }
        int middle = endLine(lines, siblings.get(first));
        int end = endLine(lines, siblings.get(first + 1));
        List<String> upper = new ArrayList<>(lines.subList(start, middle));
        List<String> lower = new ArrayList<>(lines.subList(middle, end));
        List<String> moved = new ArrayList<>(lines.subList(0, start));
        moved.addAll(lower);
        moved.addAll(upper);
        moved.addAll(lines.subList(end, lines.size()));
        return String.join("\n", moved);
    }

    /**
     * Sets an item's (or a section's) label in the languages given; a blank text leaves that
     * language as it is. Only the label's texts are rewritten.
     */
    public static String setLabels(String text, String id, String fr, String nl, String en) {
        MappingNode owner = findById(compose(text), id).map(Located::node)
                .orElseThrow(() -> new EditException("studio.edit.no-item", id));
        NodeTuple label = tuple(owner, "label").or(() -> tuple(owner, "title")).or(() -> tuple(owner, "text"))
                .orElseThrow(() -> new EditException("studio.edit.no-label", id));
        return replaceTexts(text, label.getValueNode(), fr, nl, en);
    }

    /** Sets the label of a value of a shared scale or an option of a shared list (by its code). */
    public static String setValueLabels(String text, String code, String fr, String nl, String en) {
        SequenceNode values = sharedValues(compose(text));
        MappingNode value = values.getValue().stream().filter(MappingNode.class::isInstance).map(MappingNode.class::cast)
                .filter(m -> tuple(m, "code").map(t -> scalarText(t.getValueNode())).orElse("").equals(code))
                .findFirst().orElseThrow(() -> new EditException("studio.edit.no-code", code));
        NodeTuple label = tuple(value, "label").orElseThrow(() -> new EditException("studio.edit.no-label", code));
        return replaceTexts(text, label.getValueNode(), fr, nl, en);
    }

    /**
     * Adds a value at the end of a shared scale ({@code values:}) or list ({@code options:}).
     * {@code colour} is written for scales only; {@code problem} marks a scale value as an obstacle.
     */
    public static String addValue(String text, String code, String fr, String nl, String en,
                                  Optional<String> colour, boolean problem) {
        Node root = compose(text);
        SequenceNode values = sharedValues(root);
        boolean scale = root instanceof MappingNode map && tuple(map, "scale").isPresent();
        if (values.getValue().isEmpty() || values.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            throw new EditException("studio.edit.no-values");
        }
        List<String> lines = lines(text);
        Node last = values.getValue().getLast();
        int at = endLine(lines, last);
        String pad = " ".repeat(indent(lines.get(startLine(values.getValue().getFirst()))));
        List<String> added = new ArrayList<>();
        added.add(pad + "- code: " + scalar(code.strip()));
        if (scale) {
            colour.ifPresent(c -> added.add(pad + "  colour: " + c));
            if (problem) {
                added.add(pad + "  problem: true");
            }
        }
        added.add(pad + "  label: " + labels(fr, nl, en));
        lines.addAll(at, added);
        return String.join("\n", lines);
    }

    /** Changes one number (or period, or text) of policy.yaml, addressed by its dotted path. */
    public static String setPolicyValue(String text, String path, String value) {
        Node node = compose(text);
        if (!(node instanceof MappingNode root)) {
            throw new EditException("studio.edit.no-policy-value", path);
        }
        node = tuple(root, "values").map(NodeTuple::getValueNode).orElse(null);
        for (String segment : path.split("\\.")) {
            if (!(node instanceof MappingNode map)) {
                throw new EditException("studio.edit.no-policy-value", path);
            }
            node = tuple(map, segment).map(NodeTuple::getValueNode).orElse(null);
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw new EditException("studio.edit.no-policy-value", path);
        }
        return splice(text, List.of(new Replacement(offset(text, scalar.getStartMark()), offset(text, scalar.getEndMark()),
                scalar(value.strip()))));
    }

    private record Located(SequenceNode parent, int index, MappingNode node) {
    }

    private record Replacement(int start, int end, String text) {
    }

    private static Node compose(String text) {
        try {
            Node node = new Yaml(new LoaderOptions()).compose(new StringReader(text));
            if (node == null) {
                throw new EditException("studio.edit.unreadable");
            }
            return node;
        } catch (YAMLException e) {
            throw new EditException("studio.edit.unreadable");
        }
    }

    /** The mapping whose {@code id} is {@code id}, anywhere in the tree, with the sequence holding it. */
    private static Optional<Located> findById(Node node, String id) {
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                Optional<Located> found = findById(t.getValueNode(), id);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> entries = sequence.getValue();
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i) instanceof MappingNode entry
                        && tuple(entry, "id").map(t -> scalarText(t.getValueNode())).orElse("").equals(id)) {
                    return Optional.of(new Located(sequence, i, entry));
                }
                Optional<Located> found = findById(entries.get(i), id);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static SequenceNode sharedValues(Node root) {
        if (root instanceof MappingNode map) {
            Optional<Node> values = tuple(map, "scale").isPresent() ? tuple(map, "values").map(NodeTuple::getValueNode)
                    : tuple(map, "list").isPresent() ? tuple(map, "options").map(NodeTuple::getValueNode) : Optional.empty();
            if (values.isPresent() && values.get() instanceof SequenceNode sequence) {
                return sequence;
            }
        }
        throw new EditException("studio.edit.no-values");
    }

    private static Optional<NodeTuple> tuple(MappingNode map, String key) {
        return map.getValue().stream().filter(t -> scalarText(t.getKeyNode()).equals(key)).findFirst();
    }

    private static String scalarText(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : "";
    }

    /** Rewrites the fr/nl/en texts of a label node; languages missing in it are added. */
    private static String replaceTexts(String text, Node label, String fr, String nl, String en) {
        List<String> wanted = List.of(fr, nl, en);
        if (!(label instanceof MappingNode map)) {
            return splice(text, List.of(new Replacement(offset(text, label.getStartMark()), offset(text, label.getEndMark()),
                    labels(fr, nl, en))));
        }
        List<Replacement> replacements = new ArrayList<>();
        StringBuilder missingFlow = new StringBuilder();
        List<String> missingBlock = new ArrayList<>();
        List<String> lines = lines(text);
        for (int i = 0; i < wanted.size(); i++) {
            String language = org.parcours.formdef.LocalizedText.LANGUAGES.get(i);
            String value = wanted.get(i);
            if (value == null || value.isBlank()) {
                continue;
            }
            Optional<NodeTuple> existing = tuple(map, language);
            if (existing.isPresent()) {
                Node old = existing.get().getValueNode();
                replacements.add(new Replacement(offset(text, old.getStartMark()), offset(text, old.getEndMark()), quoted(value)));
            } else if (map.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
                missingFlow.append(map.getValue().isEmpty() && missingFlow.isEmpty() ? " " : ", ")
                        .append(language).append(": ").append(quoted(value));
            } else {
                String pad = " ".repeat(map.getValue().isEmpty() ? 0 : map.getValue().getFirst().getKeyNode().getStartMark().getColumn());
                missingBlock.add(pad + language + ": " + quoted(value));
            }
        }
        if (!missingFlow.isEmpty()) {
            int close = offset(text, map.getEndMark()) - 1;
            int at = close;
            while (at > 0 && text.charAt(at - 1) == ' ') {
                at--;
            }
            replacements.add(new Replacement(at, at, missingFlow.toString()));
        }
        String result = splice(text, replacements);
        if (!missingBlock.isEmpty()) {
            List<String> after = lines(result);
            after.addAll(endLine(after, map), missingBlock);
            result = String.join("\n", after);
        }
        return result;
    }

    private static String splice(String text, List<Replacement> replacements) {
        StringBuilder result = new StringBuilder(text);
        replacements.stream().sorted(Comparator.comparingInt(Replacement::start).reversed())
                .forEach(r -> result.replace(r.start(), r.end(), r.text()));
        return result.toString();
    }

    /** A mark's character offset in the text (SnakeYAML counts columns in code points). */
    private static int offset(String text, Mark mark) {
        int lineStart = 0;
        for (int line = 0; line < mark.getLine(); line++) {
            lineStart = text.indexOf('\n', lineStart) + 1;
        }
        return text.offsetByCodePoints(lineStart, mark.getColumn());
    }

    private static int startLine(Node node) {
        return node.getStartMark().getLine();
    }

    /**
     * The line after a node's last line of content. A block node ends where the next token starts
     * (possibly lines later, after comments), so trailing blank and comment lines are left outside.
     */
    private static int endLine(List<String> lines, Node node) {
        Mark end = node.getEndMark();
        int line = Math.min(end.getLine(), lines.size());
        if (line < lines.size()) {
            String text = lines.get(line);
            String before = text.substring(0, text.offsetByCodePoints(0, Math.min(end.getColumn(), text.codePointCount(0, text.length()))));
            if (!before.isBlank()) {
                line++;
            }
        }
        while (line - 1 > startLine(node) && isBlank(lines.get(line - 1))) {
            line--;
        }
        return line;
    }

    /** A scalar as YAML text: plain when it cannot be misread, else double-quoted. */
    static String scalar(String value) {
        return value.matches("[A-Za-z0-9][A-Za-z0-9._/-]*") && !value.matches("(?i)true|false|yes|no|on|off|null|~")
                ? value : quoted(value);
    }

    static String labels(String fr, String nl, String en) {
        return "{ fr: " + quoted(fr) + ", nl: " + quoted(nl) + ", en: " + quoted(en) + " }";
    }

    static String quoted(String text) {
        return "\"" + text.strip().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    }

    /** The line of a sequence entry "- key: value" (or "key: value" inside one) with that value. */
    private static int findEntry(List<String> lines, String key, String value, int from, int to) {
        Pattern entry = Pattern.compile("^\\s*-\\s+" + Pattern.quote(key) + ":\\s*[\"']?" + Pattern.quote(value)
                + "[\"']?\\s*(#.*)?$");
        for (int i = from; i < to; i++) {
            if (entry.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static int findKey(List<String> lines, String key, int indent, int from, int to) {
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            if (indent(line) == indent && line.strip().startsWith(key + ":")) {
                return i;
            }
        }
        return -1;
    }

    /** The first line after {@code start} that closes the block opened there (indent at most {@code indent}). */
    private static int blockEnd(List<String> lines, int start, int indent) {
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!isBlank(line) && indent(line) <= indent) {
                return i;
            }
        }
        return lines.size();
    }

    private static int firstEntryIndent(List<String> lines, int from, int to, int fallback) {
        for (int i = from; i < to; i++) {
            if (lines.get(i).strip().startsWith("- ")) {
                return indent(lines.get(i));
            }
        }
        return fallback;
    }

    private static int lastContentLine(List<String> lines, int from, int to) {
        int last = from;
        for (int i = from; i < to; i++) {
            if (!isBlank(lines.get(i))) {
                last = i;
            }
        }
        return last;
    }

    private static boolean isBlank(String line) {
        String stripped = line.strip();
        return stripped.isEmpty() || stripped.startsWith("#");
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String afterColon(String line) {
        String rest = line.substring(line.indexOf(':') + 1);
        int comment = rest.indexOf(" #");
        return (comment >= 0 ? rest.substring(0, comment) : rest).strip();
    }
}
