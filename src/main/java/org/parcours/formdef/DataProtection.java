package org.parcours.formdef;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The privacy declarations of one form, as read: the form's own, and per item what applies to it
 * once inherited from its repeat, section and form. The register of processing and the retention
 * job read them; nothing here knows of storage.
 *
 * @param form what the form itself declares
 * @param items per item id (repeat rows' items included), the declaration that applies to it
 */
public record DataProtection(Protection form, Map<String, Protection> items) {

    public static final DataProtection NONE = new DataProtection(Protection.NONE, Map.of());

    public DataProtection {
        items = Map.copyOf(items);
    }

    /** Builds the effective declarations from those written on the form, sections and items (by id). */
    public static DataProtection of(Protection form, List<Section> sections, Map<String, Protection> declared) {
        Map<String, Protection> effective = new LinkedHashMap<>();
        for (Section section : sections) {
            Protection sectionLevel = declared.getOrDefault(section.id(), Protection.NONE).over(form);
            for (Item item : section.items()) {
                Protection itemLevel = declared.getOrDefault(item.id(), Protection.NONE).over(sectionLevel);
                effective.put(item.id(), itemLevel);
                if (item instanceof RepeatItem repeat) {
                    repeat.items().forEach(child -> effective.put(child.id(),
                            declared.getOrDefault(child.id(), Protection.NONE).over(itemLevel)));
                }
            }
        }
        return new DataProtection(form, effective);
    }

    /** What applies to an item (the form's declaration for an item without its own). */
    public Protection of(String itemId) {
        return items.getOrDefault(itemId, form);
    }

    /** Every category the form holds, at any level. */
    public Set<DataCategory> categories() {
        Set<DataCategory> all = EnumSet.noneOf(DataCategory.class);
        all.addAll(form.categories());
        items.values().forEach(p -> all.addAll(p.categories()));
        return all;
    }

    /** Every declaration that applies somewhere in the form, without repeats (for the register). */
    public Set<Protection> distinct() {
        Set<Protection> all = new LinkedHashSet<>();
        Stream.concat(Stream.of(form), items.values().stream()).filter(Protection::declared).forEach(all::add);
        return all;
    }

    /** The item ids per retention rule that applies to them. */
    public Map<Retention, Set<String>> itemsByRetention() {
        Map<Retention, Set<String>> by = new LinkedHashMap<>();
        items.forEach((id, p) -> p.retention().ifPresent(r -> by.computeIfAbsent(r, k -> new LinkedHashSet<>()).add(id)));
        return by;
    }
}
