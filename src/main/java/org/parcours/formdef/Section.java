package org.parcours.formdef;

import java.util.List;
import java.util.Optional;

/** A titled group of items, e.g. IMASP "Logement". */
public record Section(String id, LocalizedText title, Optional<LocalizedText> description,
                      Optional<Expression> visibleWhen, List<Item> items) {

    public Section {
        items = List.copyOf(items);
    }
}
