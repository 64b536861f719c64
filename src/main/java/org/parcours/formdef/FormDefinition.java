package org.parcours.formdef;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A whole form as read from YAML: immutable, with every shared scale resolved. */
public record FormDefinition(String id, LocalizedText title, List<Section> sections) {

    public FormDefinition {
        sections = List.copyOf(sections);
    }

    public Stream<Item> items() {
        return sections.stream().flatMap(s -> s.items().stream());
    }

    public Optional<Item> item(String itemId) {
        return items().filter(i -> i.id().equals(itemId)).findFirst();
    }
}
