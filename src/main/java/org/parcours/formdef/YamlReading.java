package org.parcours.formdef;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
 * One reading of YAML files into the declarations of Parcours (forms, shared scales and lists,
 * programmes): parses with the limits that keep a hostile file harmless, and reads keys, texts,
 * lists and expressions, collecting every problem with its file, line and column instead of
 * stopping at the first. The form reader and the programme reader each extend it with what
 * their declarations mean.
 */
public abstract class YamlReading {

    /** Ids of forms, items, rules, states...: lower-case, digits, '_' or '-', at most 80. */
    protected static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,79}");

    /** Beyond this a file is refused before it is parsed. */
    public static final int MAX_SOURCE_CHARS = 2_000_000;

    /** The problems found so far, in reading order (the readers sort them by position). */
    protected final List<FormProblem> problems = new ArrayList<>();

    /** Source texts by name, to position expressions written as YAML blocks. */
    private final Map<String, String> texts = new HashMap<>();

    /** The problems found so far. */
    public List<FormProblem> problems() {
        return problems;
    }

    /** The YAML documents of a source (none when it cannot be parsed: the problem is recorded). */
    protected List<Node> composeNodes(FormSource source) {
        texts.put(source.name(), source.text());
        List<Node> nodes = new ArrayList<>();
        if (source.text().length() > MAX_SOURCE_CHARS) {
            problems.add(new FormProblem(ProblemCode.YAML_SYNTAX, new SourcePosition(source.name(), 1, 1),
                    "the file is larger than " + MAX_SOURCE_CHARS + " characters", "split it into several files"));
            return nodes;
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(MAX_SOURCE_CHARS * 2);
        try {
            for (Node node : new Yaml(options).composeAll(new StringReader(source.text()))) {
                if (node != null) {
                    nodes.add(node);
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(new FormProblem(ProblemCode.YAML_SYNTAX, position(source.name(), mark),
                    "YAML syntax: " + firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage())
                            + (e.getContext() != null ? " " + e.getContext() : ""),
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

    /** The keys of a mapping, reporting unknown, duplicate and non-text keys. */
    protected Map<String, NodeTuple> keys(String source, MappingNode map, Set<String> allowed, String what) {
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problem(ProblemCode.WRONG_TYPE, source, tuple.getKeyNode(), "a key must be a plain word", "");
                continue;
            }
            String key = keyNode.getValue();
            if (!allowed.contains(key)) {
                problem(ProblemCode.UNKNOWN_KEY, source, keyNode, "unknown key '" + key + "' in " + what,
                        FormReader.suggestion(key, allowed) + "allowed keys: " + String.join(", ", allowed.stream().sorted().toList()));
            } else if (keys.putIfAbsent(key, tuple) != null) {
                problem(ProblemCode.DUPLICATE_KEY, source, keyNode, "key '" + key + "' appears twice in " + what,
                        "keep one of them");
            }
        }
        return keys;
    }

    /** A required id under {@code key}; empty (and reported) when missing or not a valid id. */
    protected Optional<String> id(String source, MappingNode owner, Map<String, NodeTuple> keys, String key) {
        Optional<String> id = requiredScalar(source, owner, keys, key);
        id.filter(i -> !ID.matcher(i).matches()).ifPresent(i -> problem(ProblemCode.INVALID_ID, source,
                keys.get(key).getValueNode(), "id '" + i + "' is not valid",
                "use lower-case letters, digits, '_' or '-', starting with a letter (at most 80)"));
        return id.filter(i -> ID.matcher(i).matches());
    }

    protected Optional<String> requiredScalar(String source, MappingNode owner, Map<String, NodeTuple> keys, String key) {
        NodeTuple tuple = keys.get(key);
        if (tuple == null) {
            problem(ProblemCode.MISSING_KEY, source, owner, "missing '" + key + "'", "add '" + key + ": ...'");
            return Optional.empty();
        }
        return scalar(source, tuple.getValueNode(), key);
    }

    /** A non-empty text value, stripped; empty (and reported) for anything else. */
    protected Optional<String> scalar(String source, Node node, String key) {
        if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            return Optional.of(scalar.getValue().strip());
        }
        problem(ProblemCode.WRONG_TYPE, source, node, "'" + key + "' must be a non-empty text value",
                "write it on the same line, e.g. '" + key + ": value'");
        return Optional.empty();
    }

    /** The expression under {@code key}, positioned at its first character (inside quotes, or a block's first line). */
    protected Optional<Expression> expression(String source, Map<String, NodeTuple> keys, String key) {
        NodeTuple tuple = keys.get(key);
        if (tuple == null) {
            return Optional.empty();
        }
        Node node = tuple.getValueNode();
        return scalar(source, node, key).map(text -> {
            ScalarNode scalar = (ScalarNode) node;
            boolean quoted = scalar.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED
                    || scalar.getScalarStyle() == DumperOptions.ScalarStyle.SINGLE_QUOTED;
            Mark mark = node.getStartMark();
            if (scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                    || scalar.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED) {
                // a block ('|' or '>'): the text starts on the next line, at the block's indentation
                return new Expression(scalar.getValue(), new SourcePosition(source, mark.getLine() + 2,
                        blockIndentation(source, mark.getLine() + 1) + 1));
            }
            return new Expression(scalar.getValue(), new SourcePosition(source, mark.getLine() + 1,
                    mark.getColumn() + 1 + (quoted ? 1 : 0)));
        });
    }

    /** The indentation of the first non-blank line from {@code fromLine} (0-based) of a source. */
    private int blockIndentation(String source, int fromLine) {
        List<String> lines = texts.getOrDefault(source, "").lines().toList();
        for (int i = fromLine; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank()) {
                int indentation = 0;
                while (indentation < line.length() && line.charAt(indentation) == ' ') {
                    indentation++;
                }
                return indentation;
            }
        }
        return 0;
    }

    protected Optional<Expression> requiredExpression(String source, MappingNode owner, Map<String, NodeTuple> keys, String key) {
        if (!keys.containsKey(key)) {
            problem(ProblemCode.MISSING_KEY, source, owner, "missing '" + key + "'", "add '" + key + ": \"...\"'");
            return Optional.empty();
        }
        return expression(source, keys, key);
    }

    /** The entries of a list; {@code owner} null when the key is known to be present or may be left out. */
    protected List<Node> list(String source, MappingNode owner, Map<String, NodeTuple> keys, String key) {
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

    protected Optional<MappingNode> mapping(String source, Node node, String what) {
        if (node instanceof MappingNode map) {
            return Optional.of(map);
        }
        problem(ProblemCode.WRONG_TYPE, source, node, "expected " + what + " with keys", "write it as 'key: value' lines");
        return Optional.empty();
    }

    protected LocalizedText requiredText(String source, MappingNode owner, Map<String, NodeTuple> keys, String key) {
        NodeTuple tuple = keys.get(key);
        if (tuple == null) {
            problem(ProblemCode.MISSING_KEY, source, owner, "missing '" + key + "'",
                    "add '" + key + ": { fr: ..., nl: ..., en: ... }'");
            return LocalizedText.of("", "", "");
        }
        return text(source, tuple.getValueNode(), key);
    }

    /** A text in French, Dutch and English, each required. */
    protected LocalizedText text(String source, Node node, String key) {
        if (!(node instanceof MappingNode map)) {
            problem(ProblemCode.WRONG_TYPE, source, node, "'" + key + "' must give a text per language",
                    "write '" + key + ": { fr: ..., nl: ..., en: ... }'");
            return LocalizedText.of("", "", "");
        }
        Map<String, NodeTuple> languages = keys(source, map, Set.copyOf(LocalizedText.LANGUAGES), "'" + key + "'");
        Map<String, String> byLanguage = new HashMap<>();
        for (String language : LocalizedText.LANGUAGES) {
            NodeTuple tuple = languages.get(language);
            if (tuple == null) {
                problem(ProblemCode.MISSING_TRANSLATION, source, map, "'" + key + "' has no " + language + " text",
                        "add '" + language + ": ...'; every label needs fr, nl and en");
            } else {
                scalar(source, tuple.getValueNode(), key + "." + language).ifPresent(t -> byLanguage.put(language, t));
            }
        }
        return new LocalizedText(byLanguage);
    }

    /** Records a problem at the start of {@code node}. */
    public void problem(ProblemCode code, String source, Node node, String message, String hint) {
        problems.add(new FormProblem(code, position(source, node.getStartMark()), message, hint));
    }

    protected static SourcePosition position(String source, Mark mark) {
        return mark == null ? new SourcePosition(source, 1, 1)
                : new SourcePosition(source, mark.getLine() + 1, mark.getColumn() + 1);
    }

    protected static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
