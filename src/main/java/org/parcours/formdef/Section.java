package org.parcours.formdef;

import java.util.List;

/** A titled group of items, e.g. IMASP "Logement". */
public record Section(String id, LocalizedText title, List<Item> items) {

    public Section {
        items = List.copyOf(items);
    }
}
