package org.parcours.formdef;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A whole form as read from YAML: immutable, with shared scales and lists resolved and every
 * expression compiled and type-checked.
 */
public record FormDefinition(String id, LocalizedText title, Optional<LocalizedText> description, List<Section> sections,
                             CompiledExpressions expressions, Bindings bindings, DataProtection privacy, Renames renames) {

    public FormDefinition {
        sections = List.copyOf(sections);
    }

    /** A form without privacy declarations nor renames. */
    public FormDefinition(String id, LocalizedText title, Optional<LocalizedText> description, List<Section> sections,
                          CompiledExpressions expressions, Bindings bindings) {
        this(id, title, description, sections, expressions, bindings, DataProtection.NONE, Renames.NONE);
    }

    /** A form with privacy declarations and no renames. */
    public FormDefinition(String id, LocalizedText title, Optional<LocalizedText> description, List<Section> sections,
                          CompiledExpressions expressions, Bindings bindings, DataProtection privacy) {
        this(id, title, description, sections, expressions, bindings, privacy, Renames.NONE);
    }

    /** A form with renames and no privacy declarations. */
    public FormDefinition(String id, LocalizedText title, Optional<LocalizedText> description, List<Section> sections,
                          CompiledExpressions expressions, Bindings bindings, Renames renames) {
        this(id, title, description, sections, expressions, bindings, DataProtection.NONE, renames);
    }

    /**
     * The day a submission of this form was measured on: the answer of the item bound to
     * {@code measurement.date}; empty when the form binds none or it is unanswered (readers then
     * use the submission time).
     */
    public Optional<java.time.LocalDate> measuredOn(Map<String, String> answers) {
        return answer(BindingRole.MEASUREMENT_DATE, answers).filter(a -> !a.isBlank()).flatMap(a -> {
            try {
                return Optional.of(java.time.LocalDate.parse(a.strip()));
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** The items at the top level of the sections (not those inside repeats). */
    public Stream<Item> items() {
        return sections.stream().flatMap(s -> s.items().stream());
    }

    /** Every item, including those inside repeats. */
    public Stream<Item> allItems() {
        return items().flatMap(FormDefinition::withChildren);
    }

    public Optional<Item> item(String itemId) {
        return allItems().filter(i -> i.id().equals(itemId)).findFirst();
    }

    // ---- roles (bindings: in YAML): the workflows ask for a role, never for an item id

    /** The id of the item bound to {@code role}, if the form binds it. */
    public Optional<String> boundItem(BindingRole role) {
        return bindings.item(role);
    }

    /** The id of the item bound to {@code role}; a workflow that cannot do without it fails clearly. */
    public String requireBound(BindingRole role) {
        return bindings.item(role).orElseThrow(() -> new UnboundRoleException(id, role));
    }

    /** The answer path of a role outside repeats; empty when the form does not bind it. */
    public Optional<String> path(BindingRole role) {
        if (role.repeat().isPresent()) {
            throw new IllegalArgumentException("role '" + role.key() + "' sits in rows: give the row");
        }
        return bindings.item(role);
    }

    /** The answer path of a role inside a repeat, in row {@code row} (1-based): {@code repeat.row.item}. */
    public Optional<String> path(BindingRole role, int row) {
        BindingRole repeat = role.repeat().orElseThrow(() -> new IllegalArgumentException("role '" + role.key() + "' has no rows"));
        return bindings.item(role).flatMap(item -> bindings.item(repeat).map(r -> r + "." + row + "." + item));
    }

    /** The stored answer of a role outside repeats, if bound and answered. */
    public Optional<String> answer(BindingRole role, Map<String, String> answers) {
        return path(role).map(answers::get);
    }

    /** The stored answer of a role in row {@code row} of its repeat, if bound and answered. */
    public Optional<String> answer(BindingRole role, int row, Map<String, String> answers) {
        return path(role, row).map(answers::get);
    }

    /** The number of rows stored for a repeat role (0 when unbound or unanswered). */
    public int rows(BindingRole repeatRole, Map<String, String> answers) {
        if (repeatRole.kind() != BindingRole.Kind.REPEAT) {
            throw new IllegalArgumentException("role '" + repeatRole.key() + "' is not a repeat");
        }
        return bindings.item(repeatRole).map(answers::get).map(Integer::parseInt).orElse(0);
    }

    /**
     * The ids of the items a user holding {@code roles} may not see ({@code sensitive} in YAML),
     * with every item inside such a repeat.
     */
    public Set<String> hiddenFrom(Set<String> roles) {
        return items().flatMap(i -> hidden(i, roles)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The answers a user holding {@code roles} may see: those of hidden items are left out, also
     * inside repeat rows (answer paths {@code repeat.N.item}).
     */
    public Map<String, String> answersVisibleTo(Set<String> roles, Map<String, String> answers) {
        return answersOutside(hiddenFrom(roles), answers);
    }

    /**
     * The items hidden from {@code roles} across versions of one form: an item {@code sensitive}
     * in any of the versions is hidden in all of them, so that a later version marking an item
     * sensitive also hides the answers given on earlier versions (where it was not yet marked).
     * Every reader of answers from several versions (history, exports, API) uses this rule.
     */
    public static Set<String> hiddenFromAnyOf(Collection<FormDefinition> versions, Set<String> roles) {
        return versions.stream().flatMap(form -> form.hiddenFrom(roles).stream()).collect(Collectors.toUnmodifiableSet());
    }

    /** The answers outside the hidden items (see {@link #hiddenFromAnyOf}), also inside repeat rows. */
    public static Map<String, String> answersOutside(Set<String> hidden, Map<String, String> answers) {
        if (hidden.isEmpty()) {
            return answers;
        }
        Map<String, String> visible = new LinkedHashMap<>();
        answers.forEach((path, value) -> {
            if (!inHidden(path, hidden)) {
                visible.put(path, value);
            }
        });
        return visible;
    }

    /** Whether the answer at this path lies outside the hidden items (repeat rows included). */
    public static boolean pathOutside(Set<String> hidden, String answerPath) {
        return !inHidden(answerPath, hidden);
    }

    /** Whether a user holding {@code roles} may see (and so write) the answer at this path. */
    public boolean pathVisibleTo(Set<String> roles, String answerPath) {
        return !inHidden(answerPath, hiddenFrom(roles));
    }

    private static boolean inHidden(String answerPath, Set<String> hidden) {
        return Stream.of(answerPath.split("\\.")).anyMatch(hidden::contains);
    }

    private static Stream<String> hidden(Item item, Set<String> roles) {
        if (!item.rules().visibleToRoles(roles)) {
            return withChildren(item).map(Item::id);
        }
        return item instanceof RepeatItem repeat ? repeat.items().stream().flatMap(i -> hidden(i, roles)) : Stream.empty();
    }

    private static Stream<Item> withChildren(Item item) {
        return item instanceof RepeatItem repeat
                ? Stream.concat(Stream.of(item), repeat.items().stream().flatMap(FormDefinition::withChildren))
                : Stream.of(item);
    }
}
