package org.parcours.committee.history;

import java.util.List;

import org.parcours.formdef.LocalizedText;

/** A group of factor rows, as the section of the newest form version (or of the last version that had it). */
public record HistorySection(String id, LocalizedText title, List<FactorRow> rows) {

    public HistorySection {
        rows = List.copyOf(rows);
    }
}
