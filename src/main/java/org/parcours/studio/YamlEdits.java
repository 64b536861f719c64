package org.parcours.studio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Everyday changes made on the YAML text itself, line by line, so the file keeps its comments,
 * order and layout: the structured forms of the studio and the YAML editor edit the same text.
 * Each edit returns the new text; the studio then validates it with the engine like any draft.
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
