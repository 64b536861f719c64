package org.parcours.studio;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
        // after the last item, not after what follows the items in the section (a privacy block)
        int itemsEnd = blockEnd(lines, items, indent + 2);
        lines.addAll(lastContentLine(lines, items, itemsEnd > items + 1 ? itemsEnd : end) + 1, added);
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
        MappingNode value = sharedValue(compose(text), code).node();
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

    // ---- edits of the visual builder ---------------------------------------------------------

    /** One constraint as the builder writes it: a CEL expression and its message in fr/nl/en. */
    public record ConstraintText(String expression, String fr, String nl, String en) {
    }

    /** The text of a new form file: its key, title and an empty list of sections. */
    public static String startForm(String formKey, String fr, String nl, String en) {
        return "# " + fr.strip() + " – made with the studio's builder.\n"
                + "# Item ids are stable: answers are stored under them. Change labels freely; never reuse an id.\n"
                + "form: " + formKey + "\n"
                + "title: " + labels(fr, nl, en) + "\n"
                + "sections: []\n";
    }

    /**
     * Sets one key of an item or section to a YAML value written as given ({@code yaml}: a plain
     * or quoted scalar, or a flow collection); an empty value removes the key and its lines.
     * A value on one line is replaced in place; a new key goes before the owner's {@code items}
     * or after its last key.
     */
    public static String setKey(String text, String id, String key, Optional<String> yaml) {
        return setKeyIn(text, blockOwner(text, id), key, yaml, id);
    }

    /** {@link #setKey} on a mapping found in the text (an item, a section, the form, a privacy block, a value). */
    private static String setKeyIn(String text, MappingNode owner, String key, Optional<String> yaml, String id) {
        if (owner.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            throw new EditException("studio.edit.flow-item", id);
        }
        List<String> lines = lines(text);
        Optional<NodeTuple> existing = tuple(owner, key);
        if (existing.isEmpty()) {
            if (yaml.isEmpty()) {
                return text;
            }
            // a scale's or list's value keeps its label last, as the files write it
            lines.add(newKeyLine(lines, owner, tuple(owner, "code").isPresent() ? "label" : "items"), keyPad(owner) + key + ": " + yaml.get());
            return String.join("\n", lines);
        }
        Node keyNode = existing.get().getKeyNode();
        Node value = existing.get().getValueNode();
        int keyLine = startLine(keyNode);
        String line = lines.get(keyLine);
        boolean onDash = line.substring(0, line.offsetByCodePoints(0, keyNode.getStartMark().getColumn())).contains("-");
        if (onDash && yaml.isEmpty()) {
            // the first key of a list entry shares the dash's line: removing it would remove the entry
            throw new EditException("studio.edit.first-key", key, id);
        }
        int valueEnd = Math.max(keyLine + 1, endLine(lines, value));
        boolean oneLine = valueEnd == keyLine + 1 && value.getEndMark().getLine() == keyLine;
        if (yaml.isPresent() && oneLine) {
            return splice(text, List.of(new Replacement(offset(text, value.getStartMark()), offset(text, value.getEndMark()),
                    yaml.get())));
        }
        List<String> changed = new ArrayList<>(lines.subList(0, keyLine));
        yaml.ifPresent(v -> changed.add(keyPad(owner) + key + ": " + v));
        changed.addAll(lines.subList(valueEnd, lines.size()));
        return String.join("\n", changed);
    }

    /** Sets a free text key (an expression, a pattern, a default): quoted unless plain is safe. */
    public static String setText(String text, String id, String key, String value) {
        if (value == null || value.isBlank()) {
            return setKey(text, id, key, Optional.empty());
        }
        String v = value.strip();
        return setKey(text, id, key, Optional.of(v.matches("-?\\d+(\\.\\d+)?") ? v : scalar(v)));
    }

    /** Sets a key to an expression, always double-quoted (CEL uses characters YAML reads otherwise). */
    public static String setExpression(String text, String id, String key, String expression) {
        return setKey(text, id, key, expression == null || expression.isBlank() ? Optional.empty()
                : Optional.of(quoted(expression)));
    }

    /**
     * Sets a texts key (label, help, title, pattern-message) in fr/nl/en. An existing key keeps its
     * layout and a blank language stays as it is; a missing key is added with the three texts;
     * three blanks remove the key.
     */
    public static String setTexts(String text, String id, String key, String fr, String nl, String en) {
        if (Stream.of(fr, nl, en).allMatch(t -> t == null || t.isBlank())) {
            return setKey(text, id, key, Optional.empty());
        }
        MappingNode owner = blockOwner(text, id);
        Optional<NodeTuple> existing = tuple(owner, key);
        if (existing.isPresent()) {
            return replaceTexts(text, existing.get().getValueNode(), fr, nl, en);
        }
        return setKey(text, id, key, Optional.of(labels(nullToEmpty(fr), nullToEmpty(nl), nullToEmpty(en))));
    }

    /** Replaces an item's constraints (only the lines of its {@code constraints} block); none removes the key. */
    public static String setConstraints(String text, String id, List<ConstraintText> constraints) {
        List<String> block = new ArrayList<>();
        for (ConstraintText c : constraints) {
            block.add("- expression: " + quoted(c.expression()));
            block.add("  message: " + labels(c.fr(), c.nl(), c.en()));
        }
        return setBlock(text, id, "constraints", block);
    }

    /** Replaces an item's own options (code and fr/nl/en label each); the first three texts of each entry. */
    public static String setOptions(String text, String id, List<List<String>> options) {
        List<String> block = new ArrayList<>();
        for (List<String> option : options) {
            block.add("- code: " + scalar(option.get(0).strip()));
            block.add("  label: " + labels(option.get(1), option.get(2), option.get(3)));
        }
        return setBlock(text, id, "options", block);
    }

    /**
     * Inserts an item (its lines, written from column 0 with "- id: ..." first) into a section's or
     * a repeat's items at {@code index} (the end when beyond), indented like its new siblings.
     */
    public static String insertItem(String text, String containerId, int index, List<String> itemLines) {
        Node root = compose(text);
        NodeTuple items = itemsOf(root, containerId);
        return insertEntry(text, items, index, itemLines);
    }

    /** Inserts a section with its title and no items at {@code index} of the form's sections. */
    public static String insertSection(String text, int index, String sectionId, String fr, String nl, String en) {
        NodeTuple sections = sectionsOf(compose(text));
        return insertEntry(text, sections, index, List.of("- id: " + sectionId, "  title: " + labels(fr, nl, en), "  items: []"));
    }

    /** The lines of a new item of a type, for {@link #insertItem}; {@code scaleId} is used by a scale. */
    public static List<String> newItem(String type, String itemId, String fr, String nl, String en, Optional<String> scaleId) {
        List<String> item = new ArrayList<>();
        item.add("- id: " + itemId);
        item.add("  type: " + type);
        switch (type) {
            case "scale" -> item.add("  scale: " + scaleId.orElse("?"));
            case "computed" -> item.add("  expression: \"0\"");
            default -> {
            }
        }
        item.add((type.equals("note") ? "  text: " : "  label: ") + labels(fr, nl, en));
        switch (type) {
            case "choice", "multi-choice" -> {
                item.add("  options:");
                item.add("    - code: a");
                item.add("      label: " + labels(fr + " 1", nl + " 1", en + " 1"));
            }
            case "repeat" -> item.add("  items: []");
            default -> {
            }
        }
        return item;
    }

    /** Deletes an item (or a section) with the comment lines written just above it. */
    public static String deleteItem(String text, String id) {
        Node root = compose(text);
        Located found = findById(root, id).orElseThrow(() -> new EditException("studio.edit.no-item", id));
        List<String> lines = lines(text);
        Block block = block(lines, found);
        List<String> changed = new ArrayList<>(lines.subList(0, block.start()));
        changed.addAll(lines.subList(block.end(), lines.size()));
        if (found.parent().getValue().size() == 1) {
            // the list is now empty: say so, or the key would read as null
            Mark key = keyOf(root, found.parent()).getEndMark();
            int at = key.getLine();
            String line = changed.get(at);
            int colon = line.offsetByCodePoints(0, key.getColumn());
            colon = line.indexOf(':', colon) + 1;
            changed.set(at, line.substring(0, colon) + " []" + line.substring(colon));
        }
        return String.join("\n", changed);
    }

    /**
     * Moves an item (with the comments just above it) into a section or repeat at {@code index}
     * of that container's items once it has left its old place; its lines are re-indented, all
     * other lines stay as they are.
     */
    public static String moveItemTo(String text, String itemId, String containerId, int index) {
        Node root = compose(text);
        Located found = findById(root, itemId).orElseThrow(() -> new EditException("studio.edit.no-item", itemId));
        if (containerId.equals(itemId) || findById(found.node(), containerId).isPresent()) {
            throw new EditException("studio.edit.into-itself", itemId, containerId);
        }
        itemsOf(root, containerId);
        List<String> lines = lines(text);
        Block block = block(lines, found);
        List<String> moved = unindent(lines.subList(block.start(), block.end()), block.dash());
        return insertItem(deleteItem(text, itemId), containerId, index, moved);
    }

    /**
     * Copies an item just below itself; its id (and the ids of a repeat's children) get the
     * first free suffix {@code _copy}, {@code _copy2}...
     */
    public static String duplicateItem(String text, String itemId) {
        Node root = compose(text);
        Located found = findById(root, itemId).orElseThrow(() -> new EditException("studio.edit.no-item", itemId));
        Set<String> taken = new HashSet<>();
        collectIds(root, taken);
        String suffix = "_copy";
        for (int n = 2; taken.contains(itemId + suffix); n++) {
            suffix = "_copy" + n;
        }
        List<String> lines = lines(text);
        int start = startLine(found.node());
        int end = endLine(lines, found.node());
        Pattern id = Pattern.compile("^(\\s*(?:-\\s+)?id:\\s*)([A-Za-z0-9_-]+)(.*)$");
        List<String> copy = new ArrayList<>();
        for (String line : lines.subList(start, end)) {
            java.util.regex.Matcher m = id.matcher(line);
            copy.add(m.matches() ? m.group(1) + m.group(2) + suffix + m.group(3) : line);
        }
        lines.addAll(end, copy);
        return String.join("\n", lines);
    }

    /** The id a copy made by {@link #duplicateItem} gets. */
    public static String duplicateId(String text, String itemId) {
        Set<String> taken = new HashSet<>();
        collectIds(compose(text), taken);
        String suffix = "_copy";
        for (int n = 2; taken.contains(itemId + suffix); n++) {
            suffix = "_copy" + n;
        }
        return itemId + suffix;
    }

    // ---- renames, privacy, retired ids and the values of shared files --------------------------

    /**
     * Renames an item (or a section): its id in place, and every reference to it in this file –
     * the expressions ({@code visible-when}, {@code required-when}, {@code expression}, the
     * constraints') and the bindings. With {@code keepHistory} (the id is in the live version) the
     * old id is added to the item's {@code was:} list, so the answers stored under it stay the
     * item's and the catalog does not hold the new version back; renaming back to a former id
     * takes that id out of the list.
     */
    public static String renameItem(String text, String oldId, String newId, boolean keepHistory) {
        Node root = compose(text);
        Located found = findById(root, oldId).orElseThrow(() -> new EditException("studio.edit.no-item", oldId));
        Set<String> taken = new HashSet<>();
        collectIds(root, taken);
        if (taken.contains(newId)) {
            throw new EditException("studio.edit.id-taken", newId);
        }
        List<Replacement> replacements = new ArrayList<>();
        Node id = tuple(found.node(), "id").orElseThrow().getValueNode();
        replacements.add(new Replacement(offset(text, id.getStartMark()), offset(text, id.getEndMark()), newId));
        references(text, root, oldId, newId, replacements);
        String renamed = splice(text, replacements);
        if (!keepHistory) {
            return renamed;
        }
        MappingNode owner = blockOwner(renamed, newId);
        List<String> former = new ArrayList<>(tuple(owner, "was").map(t -> scalars(t.getValueNode())).orElse(List.of()));
        former.remove(newId);
        if (!former.contains(oldId)) {
            former.add(oldId);
        }
        return setKeyIn(renamed, owner, "was", Optional.of("[" + String.join(", ", former) + "]"), newId);
    }

    /** An item's former ids ({@code was:}), a form's {@code retired:} ids: a flow list, or no key when empty. */
    public static Optional<String> idList(List<String> ids) {
        return ids.isEmpty() ? Optional.empty() : Optional.of("[" + String.join(", ", ids) + "]");
    }

    /** Sets a key of the form itself ({@code retired}, {@code description}...); an empty value removes it. */
    public static String setFormKey(String text, String key, Optional<String> yaml) {
        return setKeyIn(text, formRoot(text), key, yaml, "form");
    }

    /**
     * Sets one key of the {@code privacy:} block of an item or section ({@code id}) or of the form
     * ({@code id} empty): {@code categories}, {@code legal-basis}, {@code retention} (a flow map of
     * keep, after, then). The block is added with its first key and removed with its last.
     */
    public static String setPrivacyKey(String text, String id, String key, Optional<String> yaml) {
        MappingNode owner = id.isEmpty() ? formRoot(text) : blockOwner(text, id);
        Optional<NodeTuple> privacy = tuple(owner, "privacy");
        if (privacy.isEmpty()) {
            if (yaml.isEmpty()) {
                return text;
            }
            List<String> lines = lines(text);
            String pad = keyPad(owner);
            lines.addAll(newKeyLine(lines, owner, "items"), List.of(pad + "privacy:", pad + "  " + key + ": " + yaml.get()));
            return String.join("\n", lines);
        }
        if (!(privacy.get().getValueNode() instanceof MappingNode block) || block.getFlowStyle() == DumperOptions.FlowStyle.FLOW
                || block.getValue().isEmpty()) {
            throw new EditException("studio.edit.flow-privacy", id.isEmpty() ? "form" : id);
        }
        if (yaml.isEmpty() && block.getValue().size() == 1 && tuple(block, key).isPresent()) {
            return setKeyIn(text, owner, "privacy", Optional.empty(), id);
        }
        return setKeyIn(text, block, key, yaml, id);
    }

    /** Sets the purpose of a privacy block in fr/nl/en (an existing one keeps its layout); three blanks remove it. */
    public static String setPrivacyPurpose(String text, String id, String fr, String nl, String en) {
        if (Stream.of(fr, nl, en).allMatch(t -> t == null || t.isBlank())) {
            return setPrivacyKey(text, id, "purpose", Optional.empty());
        }
        MappingNode owner = id.isEmpty() ? formRoot(text) : blockOwner(text, id);
        Optional<Node> purpose = tuple(owner, "privacy").map(NodeTuple::getValueNode).filter(MappingNode.class::isInstance)
                .flatMap(p -> tuple((MappingNode) p, "purpose")).map(NodeTuple::getValueNode);
        if (purpose.isPresent()) {
            return replaceTexts(text, purpose.get(), fr, nl, en);
        }
        return setPrivacyKey(text, id, "purpose", Optional.of(labels(nullToEmpty(fr), nullToEmpty(nl), nullToEmpty(en))));
    }

    /** Sets a key of a value of a shared scale or an option of a shared list ({@code colour}, {@code problem}). */
    public static String setValueKey(String text, String code, String key, Optional<String> yaml) {
        return setKeyIn(text, sharedValue(compose(text), code).node(), key, yaml, code);
    }

    /** Changes the code of a value of a shared scale or list (the forms' stored answers keep the old code). */
    public static String setValueCode(String text, String code, String newCode) {
        Node root = compose(text);
        String wanted = newCode.strip();
        if (sharedValues(root).getValue().stream().filter(MappingNode.class::isInstance)
                .anyMatch(m -> tuple((MappingNode) m, "code").map(t -> scalarText(t.getValueNode())).orElse("").equals(wanted))) {
            throw new EditException("studio.edit.code-taken", wanted);
        }
        Node value = tuple(sharedValue(root, code).node(), "code").orElseThrow().getValueNode();
        return splice(text, List.of(new Replacement(offset(text, value.getStartMark()), offset(text, value.getEndMark()), scalar(wanted))));
    }

    /** Deletes a value of a shared scale or list, with the comment lines just above it; the last one stays. */
    public static String deleteValue(String text, String code) {
        Located found = sharedValue(compose(text), code);
        if (found.parent().getValue().size() == 1) {
            throw new EditException("studio.edit.last-value", code);
        }
        List<String> lines = lines(text);
        Block block = block(lines, found);
        List<String> changed = new ArrayList<>(lines.subList(0, block.start()));
        changed.addAll(lines.subList(block.end(), lines.size()));
        return String.join("\n", changed);
    }

    private static Located sharedValue(Node root, String code) {
        SequenceNode values = sharedValues(root);
        List<Node> entries = values.getValue();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof MappingNode m && tuple(m, "code").map(t -> scalarText(t.getValueNode())).orElse("").equals(code)) {
                return new Located(values, i, m);
            }
        }
        throw new EditException("studio.edit.no-code", code);
    }

    private static MappingNode formRoot(String text) {
        if (compose(text) instanceof MappingNode root && root.getFlowStyle() != DumperOptions.FlowStyle.FLOW && !root.getValue().isEmpty()) {
            return root;
        }
        throw new EditException("studio.edit.unreadable");
    }

    private static List<String> scalars(Node node) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue().stream().map(YamlEdits::scalarText).filter(v -> !v.isEmpty()).toList();
        }
        String one = scalarText(node);
        return one.isEmpty() ? List.of() : List.of(one);
    }

    private static final Set<String> EXPRESSION_KEYS = Set.of("visible-when", "required-when", "expression");

    /** The replacements that make the expressions and bindings of the file name {@code newId} instead of {@code oldId}. */
    private static void references(String text, Node node, String oldId, String newId, List<Replacement> replacements) {
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                String key = scalarText(t.getKeyNode());
                if (EXPRESSION_KEYS.contains(key) && t.getValueNode() instanceof ScalarNode expression
                        && expression.getScalarStyle() != DumperOptions.ScalarStyle.LITERAL
                        && expression.getScalarStyle() != DumperOptions.ScalarStyle.FOLDED) {
                    String renamed = renameIdentifier(expression.getValue(), oldId, newId);
                    if (!renamed.equals(expression.getValue())) {
                        replacements.add(new Replacement(offset(text, expression.getStartMark()), offset(text, expression.getEndMark()),
                                quoted(renamed)));
                    }
                } else if (key.equals("bindings") && t.getValueNode() instanceof MappingNode bindings) {
                    for (NodeTuple b : bindings.getValue()) {
                        if (b.getValueNode() instanceof ScalarNode item && item.getValue().equals(oldId)) {
                            replacements.add(new Replacement(offset(text, item.getStartMark()), offset(text, item.getEndMark()), newId));
                        }
                    }
                } else {
                    references(text, t.getValueNode(), oldId, newId, replacements);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(n -> references(text, n, oldId, newId, replacements));
        }
    }

    /**
     * A CEL expression with the identifier {@code oldId} written {@code newId}: as a variable and as
     * a row's field ({@code r.age}), never inside a string literal nor as a function's name.
     */
    static String renameIdentifier(String expression, String oldId, String newId) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < expression.length() && expression.charAt(end) != c) {
                    end += expression.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, expression.length());
                out.append(expression, i, end);
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < expression.length() && (Character.isLetterOrDigit(expression.charAt(end)) || expression.charAt(end) == '_')) {
                    end++;
                }
                String word = expression.substring(i, end);
                int next = end;
                while (next < expression.length() && expression.charAt(next) == ' ') {
                    next++;
                }
                boolean call = next < expression.length() && expression.charAt(next) == '(';
                out.append(word.equals(oldId) && !call ? newId : word);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private record Block(int start, int end, int dash) {
    }

    /** The lines of a sequence entry: from the comments just above it to its last line of content. */
    private static Block block(List<String> lines, Located found) {
        int first = startLine(found.node());
        int dash = indent(lines.get(first));
        int floor = found.index() > 0 ? endLine(lines, found.parent().getValue().get(found.index() - 1)) : 0;
        int start = first;
        while (start > floor && lines.get(start - 1).strip().startsWith("#") && indent(lines.get(start - 1)) == dash) {
            start--;
        }
        return new Block(start, endLine(lines, found.node()), dash);
    }

    private static MappingNode blockOwner(String text, String id) {
        MappingNode owner = findById(compose(text), id).map(Located::node)
                .orElseThrow(() -> new EditException("studio.edit.no-item", id));
        if (owner.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            throw new EditException("studio.edit.flow-item", id);
        }
        return owner;
    }

    private static String keyPad(MappingNode owner) {
        return " ".repeat(owner.getValue().getFirst().getKeyNode().getStartMark().getColumn());
    }

    /** Where a new key of an item goes: before its items (a section, a repeat), else after its last key. */
    private static int newKeyLine(List<String> lines, MappingNode owner, String before) {
        Optional<NodeTuple> items = tuple(owner, before);
        if (items.isPresent() && startLine(items.get().getKeyNode()) > startLine(owner)) {
            return startLine(items.get().getKeyNode());
        }
        return endLine(lines, owner);
    }

    private static String setBlock(String text, String id, String key, List<String> entries) {
        if (entries.isEmpty()) {
            return setKey(text, id, key, Optional.empty());
        }
        String withKey = setKey(text, id, key, Optional.of("[]"));
        MappingNode owner = blockOwner(withKey, id);
        NodeTuple tuple = tuple(owner, key).orElseThrow();
        List<String> lines = lines(withKey);
        int keyLine = startLine(tuple.getKeyNode());
        String pad = keyPad(owner);
        lines.set(keyLine, pad + key + ":");
        List<String> block = entries.stream().map(l -> pad + "  " + l).toList();
        lines.addAll(keyLine + 1, block);
        return String.join("\n", lines);
    }

    private static NodeTuple itemsOf(Node root, String containerId) {
        MappingNode container = findById(root, containerId).map(Located::node)
                .orElseThrow(() -> new EditException("studio.edit.no-section", containerId));
        return tuple(container, "items").orElseThrow(() -> new EditException("studio.edit.no-items", containerId));
    }

    private static NodeTuple sectionsOf(Node root) {
        if (root instanceof MappingNode map) {
            Optional<NodeTuple> sections = tuple(map, "sections");
            if (sections.isPresent()) {
                return sections.get();
            }
        }
        throw new EditException("studio.edit.no-sections");
    }

    /** The key node under which a sequence is the value. */
    private static Node keyOf(Node node, SequenceNode sequence) {
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getValueNode() == sequence) {
                    return t.getKeyNode();
                }
                Node found = keyOf(t.getValueNode(), sequence);
                if (found != null) {
                    return found;
                }
            }
        } else if (node instanceof SequenceNode list) {
            for (Node entry : list.getValue()) {
                Node found = keyOf(entry, sequence);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Inserts a sequence entry (lines from column 0) under a key whose value is a block list, {@code []} or nothing. */
    private static String insertEntry(String text, NodeTuple key, int index, List<String> entry) {
        List<String> lines = lines(text);
        Node value = key.getValueNode();
        if (value instanceof SequenceNode sequence && !sequence.getValue().isEmpty()) {
            if (sequence.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
                throw new EditException("studio.edit.no-items", scalarText(key.getKeyNode()));
            }
            List<Node> entries = sequence.getValue();
            int dash = indent(lines.get(startLine(entries.getFirst())));
            int at;
            if (index < entries.size()) {
                List<Node> fake = entries;
                at = block(lines, new Located(sequence, index, (MappingNode) fake.get(index))).start();
            } else {
                at = endLine(lines, entries.getLast());
            }
            lines.addAll(at, indentBy(entry, dash));
            return String.join("\n", lines);
        }
        boolean empty = value instanceof SequenceNode
                || value instanceof ScalarNode scalar && scalar.getValue().isEmpty();
        if (!empty) {
            throw new EditException("studio.edit.no-items", scalarText(key.getKeyNode()));
        }
        int keyLine = startLine(key.getKeyNode());
        String line = lines.get(keyLine);
        if (value instanceof SequenceNode) {
            int start = line.offsetByCodePoints(0, value.getStartMark().getColumn());
            int end = line.offsetByCodePoints(0, value.getEndMark().getColumn());
            line = line.substring(0, start).stripTrailing() + line.substring(end);
            lines.set(keyLine, line);
        }
        lines.addAll(keyLine + 1, indentBy(entry, key.getKeyNode().getStartMark().getColumn() + 2));
        return String.join("\n", lines);
    }

    private static List<String> indentBy(List<String> entry, int pad) {
        return entry.stream().map(l -> l.isEmpty() ? l : " ".repeat(pad) + l).toList();
    }

    private static List<String> unindent(List<String> block, int pad) {
        return block.stream().map(l -> indent(l) >= pad ? l.substring(pad) : l.stripLeading()).toList();
    }

    private static void collectIds(Node node, Set<String> ids) {
        if (node instanceof MappingNode map) {
            tuple(map, "id").ifPresent(t -> ids.add(scalarText(t.getValueNode())));
            map.getValue().forEach(t -> collectIds(t.getValueNode(), ids));
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(n -> collectIds(n, ids));
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
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
    static int endLine(List<String> lines, Node node) {
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
