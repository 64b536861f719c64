package org.parcours.formdef;

import java.util.List;
import java.util.Optional;

/** A titled group of items, e.g. IMASP "Logement". */
public record Section(String id, LocalizedText title, Optional<LocalizedText> description,
                      Optional<Expression> visibleWhen, List<Item> items, SectionLayout layout) {

    public Section {
        items = List.copyOf(items);
    }

    public Section(String id, LocalizedText title, Optional<LocalizedText> description, Optional<Expression> visibleWhen,
                   List<Item> items) {
        this(id, title, description, visibleWhen, items, SectionLayout.LIST);
    }

    /** Whether the section shows its scale items as compact grid lines. */
    public boolean grid() {
        return layout == SectionLayout.GRID;
    }
}
