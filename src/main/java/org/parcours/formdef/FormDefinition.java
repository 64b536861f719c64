package org.parcours.formdef;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A whole form as read from YAML: immutable, with shared scales and lists resolved and every
 * expression compiled and type-checked.
 */
public record FormDefinition(String id, LocalizedText title, Optional<LocalizedText> description, List<Section> sections,
                             CompiledExpressions expressions) {

    public FormDefinition {
        sections = List.copyOf(sections);
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

    private static Stream<Item> withChildren(Item item) {
        return item instanceof RepeatItem repeat
                ? Stream.concat(Stream.of(item), repeat.items().stream().flatMap(FormDefinition::withChildren))
                : Stream.of(item);
    }
}
