package org.parcours.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.parcours.catalog.PublishedForm;
import org.parcours.formdef.ChoiceItem;
import org.parcours.formdef.ComputedItem;
import org.parcours.formdef.DateItem;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.Item;
import org.parcours.formdef.NoteItem;
import org.parcours.formdef.NumberItem;
import org.parcours.formdef.RepeatItem;
import org.parcours.formdef.ScaleItem;
import org.parcours.formdef.TextItem;
import org.parcours.formdef.YesNoItem;

/**
 * The columns of a form's export: one per stable item id, the union over every version of the
 * form taken in version order. A column keeps its place once it exists: an item added by a later
 * version is appended (empty for older rows), an item a later version removed keeps its column.
 * Labels come from the newest version that has the item. Repeat groups get their own table, with
 * the same rule for their items. An anonymised layout has no free-text columns.
 */
public record ExportLayout(List<Column> columns, List<Group> groups) {

    /** What a column holds, for cell types, anonymisation and aggregates. */
    public enum Kind { CATEGORY, NUMBER, DATE, TEXT, COMPUTED }

    public record Column(String id, String label, Kind kind) {

        /** "label [id]": people read the label, programs the id. */
        public String header() {
            return label + " [" + id + "]";
        }
    }

    /** A repeat group: its rows go to a second table, linked by the evaluation. */
    public record Group(String id, String label, List<Column> columns) {
        public Group {
            columns = List.copyOf(columns);
        }
    }

    public ExportLayout {
        columns = List.copyOf(columns);
        groups = List.copyOf(groups);
    }

    /**
     * The columns of every version's items, for a user holding {@code roles}: an item that is
     * {@code sensitive} to other roles in any version gets no column (its answers are never read
     * into the file), the rule of {@link FormDefinition#hiddenFromAnyOf}.
     */
    public static ExportLayout of(List<PublishedForm> versions, Locale locale, boolean anonymised, Set<String> roles) {
        Set<String> hidden = hiddenFrom(versions, roles);
        Map<String, Column> columns = new LinkedHashMap<>();
        Map<String, String> groupLabels = new LinkedHashMap<>();
        Map<String, Map<String, Column>> groupColumns = new LinkedHashMap<>();
        versions.stream().sorted(Comparator.comparingInt(PublishedForm::versionNumber)).forEach(version ->
                version.definition().items().filter(item -> !hidden.contains(item.id())).forEach(item -> {
                    if (item instanceof RepeatItem repeat) {
                        groupLabels.put(repeat.id(), repeat.label().in(locale));
                        Map<String, Column> children = groupColumns.computeIfAbsent(repeat.id(), k -> new LinkedHashMap<>());
                        repeat.items().stream().filter(child -> !hidden.contains(child.id()))
                                .forEach(child -> add(children, child, locale, anonymised));
                    } else {
                        add(columns, item, locale, anonymised);
                    }
                }));
        List<Group> groups = new ArrayList<>();
        groupLabels.forEach((id, label) -> groups.add(new Group(id, label, List.copyOf(groupColumns.get(id).values()))));
        return new ExportLayout(List.copyOf(columns.values()), groups);
    }

    /** The items hidden from these roles in any of the versions. */
    static Set<String> hiddenFrom(List<PublishedForm> versions, Set<String> roles) {
        return FormDefinition.hiddenFromAnyOf(versions.stream().map(PublishedForm::definition).toList(), roles);
    }

    private static void add(Map<String, Column> columns, Item item, Locale locale, boolean anonymised) {
        Kind kind = switch (item) {
            case ScaleItem s -> Kind.CATEGORY;
            case ChoiceItem c -> Kind.CATEGORY;
            case YesNoItem y -> Kind.CATEGORY;
            case NumberItem n -> Kind.NUMBER;
            case DateItem d -> Kind.DATE;
            case TextItem t -> Kind.TEXT;
            case ComputedItem c -> Kind.COMPUTED;
            case NoteItem n -> null;
            case RepeatItem r -> null;
        };
        if (kind == null || anonymised && kind == Kind.TEXT) {
            return;
        }
        // a later version's label replaces the earlier one; the place stays
        columns.put(item.id(), new Column(item.id(), item.label().in(locale), kind));
    }
}
