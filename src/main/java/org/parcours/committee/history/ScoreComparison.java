package org.parcours.committee.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.parcours.formdef.LocalizedText;

/**
 * Two sets of scores side by side, one line per factor (aligned by stable item id): either two
 * measurements of one client, or the newest answer per factor of two clients. A line differs when
 * its two codes differ, a missing answer counting as a value.
 */
public record ScoreComparison(List<Line> lines) {

    public ScoreComparison {
        lines = List.copyOf(lines);
    }

    /** One factor; {@code leftAt}/{@code rightAt} say which measurement each value comes from. */
    public record Line(String itemId, LocalizedText label, Optional<ScoreCell> left, Optional<Instant> leftAt,
                       Optional<ScoreCell> right, Optional<Instant> rightAt) {

        public boolean differs() {
            return !Objects.equals(left.map(ScoreCell::code), right.map(ScoreCell::code));
        }
    }

    public List<Line> differences() {
        return lines.stream().filter(Line::differs).toList();
    }

    /** Columns {@code a} (left) and {@code b} (right) of one client's history. */
    public static ScoreComparison ofColumns(ScoreHistory history, int a, int b) {
        int size = history.columns().size();
        if (a < 0 || b < 0 || a >= size || b >= size) {
            throw new IllegalArgumentException("columns " + a + " and " + b + " are not both among the " + size + " measurements");
        }
        Instant leftAt = history.columns().get(a).measuredAt();
        Instant rightAt = history.columns().get(b).measuredAt();
        List<Line> lines = new ArrayList<>();
        for (FactorRow row : history.rows()) {
            Optional<ScoreCell> left = row.cells().get(a);
            Optional<ScoreCell> right = row.cells().get(b);
            lines.add(new Line(row.itemId(), row.label(), left, left.map(c -> leftAt), right, right.map(c -> rightAt)));
        }
        return new ScoreComparison(lines);
    }

    /** The newest answer per factor of two clients; the left history's factor order first. */
    public static ScoreComparison ofClients(ScoreHistory left, ScoreHistory right) {
        Map<String, FactorRow> leftRows = new LinkedHashMap<>();
        left.rows().forEach(r -> leftRows.put(r.itemId(), r));
        Map<String, FactorRow> rightRows = new LinkedHashMap<>();
        right.rows().forEach(r -> rightRows.put(r.itemId(), r));
        List<String> ids = new ArrayList<>(leftRows.keySet());
        rightRows.keySet().stream().filter(id -> !leftRows.containsKey(id)).forEach(ids::add);
        List<Line> lines = new ArrayList<>();
        for (String id : ids) {
            FactorRow l = leftRows.get(id);
            FactorRow r = rightRows.get(id);
            int li = newest(l);
            int ri = newest(r);
            lines.add(new Line(id, (l != null ? l : r).label(),
                    li < 0 ? Optional.empty() : l.cells().get(li), li < 0 ? Optional.empty() : Optional.of(left.columns().get(li).measuredAt()),
                    ri < 0 ? Optional.empty() : r.cells().get(ri), ri < 0 ? Optional.empty() : Optional.of(right.columns().get(ri).measuredAt())));
        }
        return new ScoreComparison(lines);
    }

    private static int newest(FactorRow row) {
        if (row == null) {
            return -1;
        }
        for (int i = 0; i < row.cells().size(); i++) {
            if (row.cells().get(i).isPresent()) {
                return i;
            }
        }
        return -1;
    }
}
