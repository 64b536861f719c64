package org.parcours.committee.history;

import java.util.List;
import java.util.Optional;

import org.parcours.formdef.LocalizedText;

/**
 * One factor (scale item) across the measurements, aligned by its stable item id.
 *
 * @param label        the label in the newest form version that has the factor
 * @param formerLabels other labels it had in older versions, newest first (for a tooltip)
 * @param removed      the factor is no longer in the newest form version (shown greyed)
 * @param cells        one per column, newest first; empty where that measurement has no answer
 *                     or its form version did not have the factor
 */
public record FactorRow(String itemId, LocalizedText label, List<LocalizedText> formerLabels, boolean removed,
                        List<Optional<ScoreCell>> cells, Trend trend, Optional<PersistentProblem> persistentProblem) {

    public FactorRow {
        formerLabels = List.copyOf(formerLabels);
        cells = List.copyOf(cells);
    }
}
