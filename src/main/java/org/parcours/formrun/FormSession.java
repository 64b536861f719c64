package org.parcours.formrun;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.parcours.formdef.ComputedItem;
import org.parcours.formdef.CompiledExpressions;
import org.parcours.formdef.Constraint;
import org.parcours.formdef.DateItem;
import org.parcours.formdef.Expression;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.Item;
import org.parcours.formdef.NoteItem;
import org.parcours.formdef.NumberItem;
import org.parcours.formdef.RepeatItem;
import org.parcours.formdef.Section;
import org.parcours.formdef.TextItem;
import org.parcours.formdef.ValueType;

/**
 * One form being filled. Holds the answers as stored texts, and keeps visibility, required
 * rules and computed values up to date as answers change: only the items whose expressions read
 * the changed answer are evaluated again (and, in turn, those reading a changed computed value).
 *
 * <p>Paths: an item at the top level is its id; an item of a repeat row is
 * {@code <repeat id>.<row number from 1>.<item id>}; a repeat's own answer is its row count.
 */
public final class FormSession {

    private final FormDefinition form;
    private final CompiledExpressions expressions;
    private final LocalDate today;

    private final Map<String, Item> topItems = new LinkedHashMap<>();
    private final Map<String, Section> sectionOf = new HashMap<>();
    private final Map<String, RepeatItem> repeatOfChild = new HashMap<>();
    /** variable (item id) to the items and sections whose expressions read it */
    private final Map<String, Set<String>> dependents = new HashMap<>();
    private final List<String> computedOrder = new ArrayList<>();

    private final Map<String, String> answers = new HashMap<>();
    private final Map<String, List<Map<String, String>>> rows = new HashMap<>();
    private final Map<String, String> computed = new HashMap<>();
    private final Map<String, Boolean> visible = new HashMap<>();
    private final Map<String, Boolean> required = new HashMap<>();

    private FormSession(FormDefinition form, LocalDate today) {
        this.form = form;
        this.expressions = form.expressions();
        this.today = today;
        for (Section section : form.sections()) {
            section.visibleWhen().ifPresent(e -> depend(e, "section:" + section.id()));
            for (Item item : section.items()) {
                topItems.put(item.id(), item);
                sectionOf.put(item.id(), section);
                index(item);
                if (item instanceof RepeatItem repeat) {
                    rows.put(repeat.id(), new ArrayList<>());
                    repeat.items().forEach(child -> {
                        repeatOfChild.put(child.id(), repeat);
                        index(child);
                    });
                }
            }
        }
        orderComputed();
    }

    /** A new evaluation: defaults applied, repeats at their minimum number of rows. */
    public static FormSession start(FormDefinition form, LocalDate today) {
        FormSession session = new FormSession(form, today);
        session.topItems.values().forEach(item -> {
            item.rules().defaultValue().ifPresent(d -> session.answers.put(item.id(),
                    item instanceof DateItem && d.equals(DateItem.TODAY) ? today.toString() : d));
            if (item instanceof RepeatItem repeat) {
                for (int i = 0; i < repeat.min(); i++) {
                    session.rows.get(repeat.id()).add(session.newRow(repeat));
                }
            }
        });
        session.recomputeAll();
        return session;
    }

    /** A stored evaluation; stored computed values are ignored and computed again. */
    public static FormSession resume(FormDefinition form, Map<String, String> stored, LocalDate today) {
        FormSession session = new FormSession(form, today);
        session.topItems.values().stream().filter(RepeatItem.class::isInstance).map(RepeatItem.class::cast).forEach(repeat -> {
            int count = parseCount(stored.getOrDefault(repeat.id(), "0"));
            for (int i = 0; i < count; i++) {
                session.rows.get(repeat.id()).add(new HashMap<>());
            }
        });
        stored.forEach((path, raw) -> session.store(path, raw == null ? "" : raw));
        session.recomputeAll();
        return session;
    }

    public FormDefinition form() {
        return form;
    }

    // ---- answers ---------------------------------------------------------------------------

    /** The stored text of a path ("" when unanswered); computed values included. */
    public String raw(String path) {
        Target target = target(path).orElseThrow(() -> new IllegalArgumentException("unknown path " + path));
        if (target.item() instanceof ComputedItem) {
            return computed.getOrDefault(path, "");
        }
        if (target.item() instanceof RepeatItem repeat && target.row() < 0) {
            return String.valueOf(rows.get(repeat.id()).size());
        }
        return target.row() < 0 ? answers.getOrDefault(path, "") : rows.get(target.repeatId()).get(target.row()).getOrDefault(target.item().id(), "");
    }

    /**
     * Sets an answer (as stored text; "" clears it) and returns every path whose state changed:
     * the path itself and the items whose visibility, required rule or computed value changed.
     * A text that does not fit the item is kept as typed (and reported by {@link #issues}).
     */
    public Set<String> set(String path, String raw) {
        Target target = target(path).filter(t -> !(t.item() instanceof ComputedItem || t.item() instanceof NoteItem
                || t.item() instanceof RepeatItem)).orElseThrow(() -> new IllegalArgumentException("not answerable: " + path));
        Map<String, ItemState> before = snapshot();
        store(path, raw);
        Set<String> changedVariables = new LinkedHashSet<>();
        changedVariables.add(target.item().id());
        if (target.row() >= 0) {
            changedVariables.add(target.repeatId());
        }
        propagate(changedVariables);
        Set<String> changed = diff(before);
        changed.add(path);
        return changed;
    }

    /** Adds a row at the end of a repeat (defaults applied); returns the paths that changed. */
    public Set<String> addRow(String repeatId) {
        RepeatItem repeat = repeat(repeatId);
        if (rows.get(repeatId).size() >= repeat.max()) {
            throw new IllegalStateException("repeat " + repeatId + " already has its maximum of " + repeat.max() + " rows");
        }
        Map<String, ItemState> before = snapshot();
        rows.get(repeatId).add(newRow(repeat));
        // the rows' own values first: what reads the rows (e.g. their computed values) sees them up to date
        recomputeRows(repeat);
        propagate(new LinkedHashSet<>(Set.of(repeatId)));
        Set<String> changed = diff(before);
        changed.add(repeatId);
        return changed;
    }

    /** Removes row {@code number} (from 1) of a repeat, never below its minimum; returns the paths that changed. */
    public Set<String> removeRow(String repeatId, int number) {
        RepeatItem repeat = repeat(repeatId);
        List<Map<String, String>> list = rows.get(repeatId);
        if (number < 1 || number > list.size()) {
            throw new IllegalArgumentException("no row " + number + " in " + repeatId);
        }
        if (list.size() <= repeat.min()) {
            throw new IllegalStateException("repeat " + repeatId + " already has its minimum of " + repeat.min() + " rows");
        }
        Map<String, ItemState> before = snapshot();
        list.remove(number - 1);
        rowPaths(repeat, list.size() + 1).forEach(p -> {
            computed.remove(p);
            visible.remove(p);
            required.remove(p);
        });
        // the shifted rows' own values first: what reads the rows sees them up to date
        recomputeRows(repeat);
        propagate(new LinkedHashSet<>(Set.of(repeatId)));
        Set<String> changed = diff(before);
        changed.add(repeatId);
        return changed;
    }

    public int rowCount(String repeatId) {
        return rows.get(repeat(repeatId).id()).size();
    }

    /** What to store: every non-empty answer, each repeat's row count and computed values. */
    public Map<String, String> answersToStore() {
        Map<String, String> stored = new TreeMap<>();
        answers.forEach((path, raw) -> {
            if (!raw.isEmpty()) {
                stored.put(path, raw);
            }
        });
        rows.forEach((repeatId, list) -> {
            if (!list.isEmpty()) {
                stored.put(repeatId, String.valueOf(list.size()));
            }
            for (int i = 0; i < list.size(); i++) {
                int row = i + 1;
                list.get(i).forEach((child, raw) -> {
                    if (!raw.isEmpty()) {
                        stored.put(repeatId + "." + row + "." + child, raw);
                    }
                });
            }
        });
        computed.forEach((path, value) -> {
            if (!value.isEmpty()) {
                stored.put(path, value);
            }
        });
        return stored;
    }

    // ---- state -----------------------------------------------------------------------------

    public ItemState state(String path) {
        target(path).orElseThrow(() -> new IllegalArgumentException("unknown path " + path));
        return new ItemState(visible.getOrDefault(path, true), required.getOrDefault(path, false), raw(path));
    }

    public boolean sectionVisible(String sectionId) {
        return visible.getOrDefault("section:" + sectionId, true);
    }

    /** Problems of one answer as the user types: format, limits, pattern, constraints (not "required"). */
    public List<Issue> issues(String path) {
        Target target = target(path).orElseThrow(() -> new IllegalArgumentException("unknown path " + path));
        if (!effectivelyVisible(path, target)) {
            return List.of();
        }
        return answerIssues(path, target);
    }

    /** Everything that prevents submission, in form order: required answers missing, then answer problems. */
    public List<Issue> validate() {
        List<Issue> issues = new ArrayList<>();
        for (Item item : topItems.values()) {
            String path = item.id();
            Target target = new Target(item, "", -1);
            if (!effectivelyVisible(path, target)) {
                continue;
            }
            if (item instanceof RepeatItem repeat) {
                int count = rows.get(repeat.id()).size();
                if (count < repeat.min()) {
                    issues.add(Issue.of(path, Issue.Kind.TOO_FEW_ROWS, repeat.min()));
                }
                if (count > repeat.max()) {
                    issues.add(Issue.of(path, Issue.Kind.TOO_MANY_ROWS, repeat.max()));
                }
                for (int row = 1; row <= count; row++) {
                    for (Item child : repeat.items()) {
                        String childPath = repeat.id() + "." + row + "." + child.id();
                        Target childTarget = new Target(child, repeat.id(), row - 1);
                        if (effectivelyVisible(childPath, childTarget)) {
                            requiredIssue(childPath, childTarget).ifPresent(issues::add);
                            issues.addAll(answerIssues(childPath, childTarget));
                        }
                    }
                }
                continue;
            }
            requiredIssue(path, target).ifPresent(issues::add);
            issues.addAll(answerIssues(path, target));
        }
        return issues;
    }

    /** Answers whose text does not fit their item (a letter in a number, an unknown code...). */
    public List<Issue> formatIssues() {
        List<Issue> issues = new ArrayList<>();
        answers.forEach((path, raw) -> AnswerCodec.formatIssue(path, topItems.get(path), raw).ifPresent(issues::add));
        rows.forEach((repeatId, list) -> {
            for (int i = 0; i < list.size(); i++) {
                int row = i + 1;
                list.get(i).forEach((child, raw) -> AnswerCodec.formatIssue(repeatId + "." + row + "." + child, itemById(child), raw)
                        .ifPresent(issues::add));
            }
        });
        return issues;
    }

    /** Stored paths that this form version does not know (e.g. a removed item). */
    public static Set<String> unknownPaths(FormDefinition form, Map<String, String> stored) {
        FormSession probe = new FormSession(form, LocalDate.EPOCH);
        Set<String> unknown = new LinkedHashSet<>();
        stored.keySet().forEach(path -> {
            if (probe.target(path, true).isEmpty()) {
                unknown.add(path);
            }
        });
        return unknown;
    }

    // ---- internals -------------------------------------------------------------------------

    private record Target(Item item, String repeatId, int row) {
    }

    private Optional<Target> target(String path) {
        return target(path, false);
    }

    /** Resolves a path; with {@code anyRow}, a row number beyond the current rows is accepted. */
    private Optional<Target> target(String path, boolean anyRow) {
        Item top = topItems.get(path);
        if (top != null) {
            return Optional.of(new Target(top, "", -1));
        }
        String[] parts = path.split("\\.");
        if (parts.length != 3 || !(topItems.get(parts[0]) instanceof RepeatItem repeat)) {
            return Optional.empty();
        }
        int row;
        try {
            row = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (row < 1 || row > repeat.max() || (!anyRow && row > rows.get(repeat.id()).size())) {
            return Optional.empty();
        }
        return repeat.items().stream().filter(c -> c.id().equals(parts[2])).findFirst()
                .map(child -> new Target(child, repeat.id(), row - 1));
    }

    private void store(String path, String raw) {
        Optional<Target> target = target(path, true);
        if (target.isEmpty() || target.get().item() instanceof ComputedItem || target.get().item() instanceof RepeatItem) {
            return;
        }
        if (target.get().row() < 0) {
            answers.put(path, raw);
        } else {
            List<Map<String, String>> list = rows.get(target.get().repeatId());
            while (list.size() <= target.get().row()) {
                list.add(new HashMap<>());
            }
            list.get(target.get().row()).put(target.get().item().id(), raw);
        }
    }

    private Map<String, String> newRow(RepeatItem repeat) {
        Map<String, String> row = new HashMap<>();
        repeat.items().forEach(child -> child.rules().defaultValue().ifPresent(d -> row.put(child.id(), d)));
        return row;
    }

    private RepeatItem repeat(String repeatId) {
        if (topItems.get(repeatId) instanceof RepeatItem repeat) {
            return repeat;
        }
        throw new IllegalArgumentException("not a repeat: " + repeatId);
    }

    private void index(Item item) {
        item.rules().visibleWhen().ifPresent(e -> depend(e, item.id()));
        item.rules().requiredWhen().ifPresent(e -> depend(e, item.id()));
        if (item instanceof ComputedItem c) {
            depend(c.expression(), item.id());
        }
    }

    private void depend(Expression expression, String dependent) {
        expressions.references(expression).forEach(variable ->
                dependents.computeIfAbsent(variable, v -> new LinkedHashSet<>()).add(dependent));
    }

    private void orderComputed() {
        Set<String> done = new LinkedHashSet<>();
        form.allItems().filter(ComputedItem.class::isInstance)
                .forEach(item -> orderComputed((ComputedItem) item, done, new HashSet<>()));
        computedOrder.addAll(done);
    }

    private void orderComputed(ComputedItem item, Set<String> done, Set<String> visiting) {
        if (done.contains(item.id()) || !visiting.add(item.id())) {
            return;
        }
        for (String reference : expressions.references(item.expression())) {
            Item referenced = topItems.containsKey(reference) ? topItems.get(reference)
                    : Optional.ofNullable(repeatOfChild.get(reference)).flatMap(r -> r.items().stream()
                    .filter(c -> c.id().equals(reference)).findFirst()).orElse(null);
            if (referenced instanceof ComputedItem dependency && !dependency.id().equals(item.id())) {
                orderComputed(dependency, done, visiting);
            } else if (referenced instanceof RepeatItem repeat) {
                // reading the rows may read their computed values: those come first
                repeat.items().stream().filter(ComputedItem.class::isInstance)
                        .forEach(child -> orderComputed((ComputedItem) child, done, visiting));
            }
        }
        done.add(item.id());
    }

    private void recomputeAll() {
        for (Section section : form.sections()) {
            section.visibleWhen().ifPresent(e -> visible.put("section:" + section.id(), bool(e, topVariables())));
        }
        for (String id : computedOrder) {
            evaluateComputed(id);
        }
        for (Item item : topItems.values()) {
            evaluateRules(item.id());
            if (item instanceof RepeatItem repeat) {
                recomputeRows(repeat);
            }
        }
    }

    private void recomputeRows(RepeatItem repeat) {
        for (Item child : repeat.items()) {
            if (child instanceof ComputedItem) {
                evaluateComputed(child.id());
            }
        }
        for (Item child : repeat.items()) {
            evaluateRules(child.id());
        }
    }

    /** Re-evaluates what reads the changed variables, following computed values that change in turn. */
    private void propagate(Set<String> changedVariables) {
        Set<String> work = new LinkedHashSet<>(changedVariables);
        Set<String> evaluated = new HashSet<>();
        while (!work.isEmpty()) {
            String variable = work.iterator().next();
            work.remove(variable);
            for (String dependent : dependents.getOrDefault(variable, Set.of())) {
                if (dependent.startsWith("section:")) {
                    Section section = form.sections().stream().filter(s -> ("section:" + s.id()).equals(dependent)).findFirst().orElseThrow();
                    visible.put(dependent, bool(section.visibleWhen().orElseThrow(), topVariables()));
                    continue;
                }
                if (!evaluated.add(dependent + "@" + variable)) {
                    continue;
                }
                Item item = itemById(dependent);
                if (item instanceof ComputedItem && evaluateComputed(dependent)) {
                    work.add(dependent);
                    if (repeatOfChild.containsKey(dependent)) {
                        work.add(repeatOfChild.get(dependent).id());
                    }
                }
                evaluateRules(dependent);
            }
        }
    }

    private Item itemById(String id) {
        Item top = topItems.get(id);
        if (top != null) {
            return top;
        }
        RepeatItem repeat = repeatOfChild.get(id);
        return repeat.items().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** Computes a computed item (every row, for one in a repeat); true when a value changed. */
    private boolean evaluateComputed(String id) {
        ComputedItem item = (ComputedItem) itemById(id);
        boolean changed = false;
        RepeatItem repeat = repeatOfChild.get(id);
        if (repeat == null) {
            changed |= putComputed(id, item, topVariables(), Optional.empty());
        } else {
            for (int row = 0; row < rows.get(repeat.id()).size(); row++) {
                changed |= putComputed(repeat.id() + "." + (row + 1) + "." + id, item, rowVariables(repeat, row),
                        Optional.of(rows.get(repeat.id()).get(row)));
            }
        }
        return changed;
    }

    private boolean putComputed(String path, ComputedItem item, Map<String, Object> variables, Optional<Map<String, String>> row) {
        boolean complete = expressions.references(item.expression()).stream().allMatch(ref -> answered(ref, row));
        String value = complete ? expressions.evaluate(item.expression(), variables).map(AnswerCodec::format).orElse("") : "";
        String previous = computed.put(path, value);
        return !Objects.equals(previous, value);
    }

    private boolean answered(String variable, Optional<Map<String, String>> row) {
        Item item = topItems.get(variable);
        if (item == null) {
            if (row.isPresent() && repeatOfChild.containsKey(variable)) {
                Item child = itemById(variable);
                return child instanceof ComputedItem ? !computedRowValue(variable, row.get()).isEmpty()
                        : !row.get().getOrDefault(variable, "").isEmpty();
            }
            return true;
        }
        return switch (item) {
            case RepeatItem ignored -> true;
            case ComputedItem ignored -> !computed.getOrDefault(variable, "").isEmpty();
            default -> !answers.getOrDefault(variable, "").isEmpty();
        };
    }

    private String computedRowValue(String childId, Map<String, String> row) {
        RepeatItem repeat = repeatOfChild.get(childId);
        int index = rows.get(repeat.id()).indexOf(row);
        return computed.getOrDefault(repeat.id() + "." + (index + 1) + "." + childId, "");
    }

    private void evaluateRules(String id) {
        Item item = itemById(id);
        RepeatItem repeat = repeatOfChild.get(id);
        if (repeat == null) {
            applyRules(id, item, topVariables());
        } else {
            for (int row = 0; row < rows.get(repeat.id()).size(); row++) {
                applyRules(repeat.id() + "." + (row + 1) + "." + id, item, rowVariables(repeat, row));
            }
        }
    }

    private void applyRules(String path, Item item, Map<String, Object> variables) {
        item.rules().visibleWhen().ifPresent(e -> visible.put(path, bool(e, variables)));
        required.put(path, item.rules().required() || item.rules().requiredWhen().map(e -> bool(e, variables)).orElse(false));
    }

    private boolean bool(Expression expression, Map<String, Object> variables) {
        return expressions.evaluate(expression, variables).map(Boolean.TRUE::equals).orElse(false);
    }

    private Map<String, Object> topVariables() {
        Map<String, Object> variables = new HashMap<>();
        topItems.values().forEach(item -> {
            switch (item) {
                case NoteItem ignored -> {
                }
                case RepeatItem repeat -> {
                    List<Map<String, Object>> list = new ArrayList<>();
                    for (int row = 0; row < rows.get(repeat.id()).size(); row++) {
                        list.add(rowValues(repeat, row));
                    }
                    variables.put(repeat.id(), list);
                }
                case ComputedItem computedItem -> variables.put(item.id(), computedTyped(computedItem.id(), computed.getOrDefault(item.id(), "")));
                default -> variables.put(item.id(), AnswerCodec.typed(item, answers.getOrDefault(item.id(), "")));
            }
        });
        return variables;
    }

    private Map<String, Object> rowVariables(RepeatItem repeat, int row) {
        Map<String, Object> variables = topVariables();
        variables.putAll(rowValues(repeat, row));
        return variables;
    }

    private Map<String, Object> rowValues(RepeatItem repeat, int row) {
        Map<String, Object> values = new HashMap<>();
        Map<String, String> raw = rows.get(repeat.id()).get(row);
        for (Item child : repeat.items()) {
            switch (child) {
                case NoteItem ignored -> {
                }
                case ComputedItem c -> values.put(c.id(), computedTyped(c.id(),
                        computed.getOrDefault(repeat.id() + "." + (row + 1) + "." + c.id(), "")));
                default -> values.put(child.id(), AnswerCodec.typed(child, raw.getOrDefault(child.id(), "")));
            }
        }
        return values;
    }

    private Object computedTyped(String id, String value) {
        ValueType type;
        try {
            type = expressions.computedType(id);
        } catch (IllegalArgumentException notCompiled) {
            return "";
        }
        return switch (type) {
            case INTEGER -> value.isEmpty() ? 0L : Long.parseLong(value);
            case DECIMAL -> value.isEmpty() ? 0.0 : Double.parseDouble(value);
            case BOOLEAN -> value.equals("true");
            case DATE -> AnswerCodec.date(value).map(d -> d.atStartOfDay().toInstant(ZoneOffset.UTC)).orElse(java.time.Instant.EPOCH);
            case TEXT_LIST -> AnswerCodec.codes(value, true);
            default -> value;
        };
    }

    private boolean effectivelyVisible(String path, Target target) {
        String top = target.row() < 0 ? path : target.repeatId();
        Section section = sectionOf.get(top);
        if (section != null && !sectionVisible(section.id())) {
            return false;
        }
        if (target.row() >= 0 && !visible.getOrDefault(target.repeatId(), true)) {
            return false;
        }
        return visible.getOrDefault(path, true);
    }

    private Optional<Issue> requiredIssue(String path, Target target) {
        if (target.item() instanceof ComputedItem || target.item() instanceof NoteItem) {
            return Optional.empty();
        }
        return required.getOrDefault(path, false) && raw(path).isEmpty()
                ? Optional.of(Issue.of(path, Issue.Kind.REQUIRED)) : Optional.empty();
    }

    private List<Issue> answerIssues(String path, Target target) {
        Item item = target.item();
        if (item instanceof ComputedItem || item instanceof NoteItem || item instanceof RepeatItem) {
            return List.of();
        }
        String raw = raw(path);
        if (raw.isEmpty()) {
            return List.of();
        }
        Optional<Issue> format = AnswerCodec.formatIssue(path, item, raw);
        if (format.isPresent()) {
            return List.of(format.get());
        }
        List<Issue> issues = new ArrayList<>();
        switch (item) {
            case NumberItem number -> {
                BigDecimal value = AnswerCodec.number(raw, number.kind()).orElseThrow();
                number.min().filter(min -> value.compareTo(min) < 0).ifPresent(min ->
                        issues.add(Issue.of(path, Issue.Kind.BELOW_MIN, min.toPlainString())));
                number.max().filter(max -> value.compareTo(max) > 0).ifPresent(max ->
                        issues.add(Issue.of(path, Issue.Kind.ABOVE_MAX, max.toPlainString())));
            }
            case DateItem date -> {
                LocalDate value = AnswerCodec.date(raw).orElseThrow();
                date.min().map(b -> b.resolve(today)).filter(value::isBefore).ifPresent(min ->
                        issues.add(Issue.of(path, Issue.Kind.DATE_BEFORE_MIN, min)));
                date.max().map(b -> b.resolve(today)).filter(value::isAfter).ifPresent(max ->
                        issues.add(Issue.of(path, Issue.Kind.DATE_AFTER_MAX, max)));
            }
            case TextItem text -> text.pattern().filter(p -> !p.matcher(raw).matches()).ifPresent(p ->
                    issues.add(text.patternMessage().map(m -> Issue.withMessage(path, Issue.Kind.PATTERN, m))
                            .orElse(Issue.of(path, Issue.Kind.PATTERN, p.pattern()))));
            default -> {
            }
        }
        Map<String, Object> variables = target.row() < 0 ? topVariables() : rowVariables(repeat(target.repeatId()), target.row());
        for (Constraint constraint : item.rules().constraints()) {
            if (!bool(constraint.expression(), variables)) {
                issues.add(Issue.withMessage(path, Issue.Kind.CONSTRAINT, constraint.message()));
            }
        }
        return issues;
    }

    private Map<String, ItemState> snapshot() {
        Map<String, ItemState> states = new HashMap<>();
        visible.forEach((path, v) -> states.put(path, stateOrSection(path)));
        required.forEach((path, r) -> states.put(path, stateOrSection(path)));
        computed.keySet().forEach(path -> states.put(path, stateOrSection(path)));
        return states;
    }

    private ItemState stateOrSection(String path) {
        return path.startsWith("section:") ? new ItemState(visible.getOrDefault(path, true), false, "")
                : new ItemState(visible.getOrDefault(path, true), required.getOrDefault(path, false), computed.containsKey(path) ? computed.get(path) : "");
    }

    private Set<String> diff(Map<String, ItemState> before) {
        Set<String> changed = new LinkedHashSet<>();
        Map<String, ItemState> after = snapshot();
        after.forEach((path, state) -> {
            if (!state.equals(before.get(path))) {
                changed.add(path);
            }
        });
        before.keySet().stream().filter(p -> !after.containsKey(p)).forEach(changed::add);
        return changed;
    }

    private static List<String> rowPaths(RepeatItem repeat, int row) {
        return repeat.items().stream().map(c -> repeat.id() + "." + row + "." + c.id()).toList();
    }

    private static int parseCount(String raw) {
        try {
            return Math.max(0, Math.min(500, Integer.parseInt(raw)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
