package org.parcours.committee.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.LocalizedText;
import org.parcours.formdef.Renames;
import org.parcours.formdef.ScaleItem;
import org.parcours.formdef.Section;

/**
 * The side-by-side score history of one client for one form (eVita "Score op / Historiek"):
 * the scale factors as rows, grouped by section as in the newest form version, and one column
 * per measurement, newest first.
 *
 * <p>Rows are aligned by stable item id across form versions: a factor whose label changed stays
 * one row (current label, older ones kept for a tooltip); a factor added later has empty cells
 * for older measurements; a factor no longer in the newest version stays as a row marked
 * removed, with the cells of the measurements that had it. Each cell is read with the scale of
 * the version its measurement was made with.
 *
 * <p>Trend: the two newest measurements that answered the factor are compared when both values
 * are green, amber or red (green better than amber better than red); otherwise UNKNOWN.
 *
 * <p>Persistent problem: a factor flagged by a per-factor rule of the form's programme (forms/programmes,
 * {@code each: factor}) carries the rule's message and the newest consecutive measurements in
 * which its value was a problem ({@code problem: true}); with a plain number N, a factor with a
 * problem value in each of the N newest measurements is flagged. A measurement without an answer
 * for the factor breaks the run.
 */
public record ScoreHistory(String formKey, List<HistoryColumn> columns, List<HistorySection> sections,
                           int persistentProblemMeasurements) {

    /** A factor flagged by a declared rule: what the rule means and the run of problem measurements it found. */
    public record FactorFlag(LocalizedText message, int measurements) {
    }

    public ScoreHistory {
        columns = List.copyOf(columns);
        sections = List.copyOf(sections);
    }

    /** Every row, section by section. */
    public List<FactorRow> rows() {
        return sections.stream().flatMap(s -> s.rows().stream()).toList();
    }

    /** The rows flagged as a persistent problem. */
    public List<FactorRow> flagged() {
        return rows().stream().filter(r -> r.persistentProblem().isPresent()).toList();
    }

    /** This history without the rows of these items; a section left empty goes too. */
    public ScoreHistory without(Set<String> itemIds) {
        if (itemIds.isEmpty()) {
            return this;
        }
        List<HistorySection> kept = new ArrayList<>();
        for (HistorySection section : sections) {
            List<FactorRow> rows = section.rows().stream().filter(r -> !itemIds.contains(r.itemId())).toList();
            if (!rows.isEmpty()) {
                kept.add(new HistorySection(section.id(), section.title(), rows));
            }
        }
        return new ScoreHistory(formKey, columns, kept, persistentProblemMeasurements);
    }

    public Optional<FactorRow> row(String itemId) {
        return rows().stream().filter(r -> r.itemId().equals(itemId)).findFirst();
    }

    /**
     * The history laid out on {@code layout} (normally the current version of the form), its
     * factors flagged as the declared rules found them (item id to flag).
     */
    public static ScoreHistory of(FormDefinition layout, List<HistoryMeasurement> measurements, Map<String, FactorFlag> flags) {
        int n = flags.values().stream().mapToInt(FactorFlag::measurements).min().orElse(0);
        return build(layout, measurements, id -> Optional.ofNullable(flags.get(id)), n);
    }

    /** The history laid out on the form version of the newest measurement. */
    public static ScoreHistory of(List<HistoryMeasurement> measurements, int persistentProblemMeasurements) {
        HistoryMeasurement newest = newestFirst(measurements).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no measurement: give the layout form"));
        return of(newest.form(), measurements, persistentProblemMeasurements);
    }

    /**
     * @param persistentProblemMeasurements N; 0 or less disables the persistent-problem flag
     */
    public static ScoreHistory of(FormDefinition layout, List<HistoryMeasurement> measurements, int persistentProblemMeasurements) {
        return build(layout, measurements, id -> persistentProblemMeasurements < 1 ? Optional.empty()
                : Optional.of(new FactorFlag(PersistentProblem.UNNAMED, persistentProblemMeasurements)), persistentProblemMeasurements);
    }

    private static ScoreHistory build(FormDefinition layout, List<HistoryMeasurement> measurements,
                                      java.util.function.Function<String, Optional<FactorFlag>> flagOf, int persistentProblemMeasurements) {
        List<HistoryMeasurement> sorted = newestFirst(measurements);
        List<HistoryColumn> columns = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            columns.add(new HistoryColumn(i, sorted.get(i).submittedAt(), sorted.get(i).author(), sorted.get(i).measuredAt()));
        }
        // an id renamed with 'was:' (in any version) stays one row, under its newest id
        List<Renames> renames = java.util.stream.Stream.concat(java.util.stream.Stream.of(layout),
                sorted.stream().map(HistoryMeasurement::form)).map(FormDefinition::renames).distinct().toList();

        // Which factors go in which section, in order: the layout's first, then those it no longer has.
        Map<String, SectionDraft> drafts = new LinkedHashMap<>();
        Set<String> placed = new HashSet<>();
        for (Section section : layout.sections()) {
            SectionDraft draft = drafts.computeIfAbsent(section.id(), id -> new SectionDraft(id, section.title()));
            for (ScaleItem item : scaleItems(section)) {
                String id = Renames.currentId(item.id(), renames);
                if (placed.add(id)) {
                    draft.current.add(id);
                }
            }
        }
        for (HistoryMeasurement m : sorted) {
            for (Section section : m.form().sections()) {
                for (ScaleItem item : scaleItems(section)) {
                    String id = Renames.currentId(item.id(), renames);
                    if (placed.add(id)) {
                        drafts.computeIfAbsent(section.id(), s -> new SectionDraft(s, section.title())).removed.add(id);
                    }
                }
            }
        }

        List<HistorySection> sections = new ArrayList<>();
        for (SectionDraft draft : drafts.values()) {
            List<FactorRow> rows = new ArrayList<>();
            draft.current.forEach(id -> rows.add(row(id, false, layout, sorted, columns, flagOf.apply(id), renames)));
            draft.removed.forEach(id -> rows.add(row(id, true, layout, sorted, columns, flagOf.apply(id), renames)));
            if (!rows.isEmpty()) {
                sections.add(new HistorySection(draft.id, draft.title, rows));
            }
        }
        return new ScoreHistory(layout.id(), columns, sections, Math.max(persistentProblemMeasurements, 0));
    }

    private static FactorRow row(String itemId, boolean removed, FormDefinition layout, List<HistoryMeasurement> sorted,
                                 List<HistoryColumn> columns, Optional<FactorFlag> flag, List<Renames> renames) {
        Optional<ScaleItem> inLayout = scaleItem(layout, itemId, renames);
        List<Optional<ScaleItem>> perMeasurement = sorted.stream().map(m -> scaleItem(m.form(), itemId, renames)).toList();
        LocalizedText label = inLayout.or(() -> perMeasurement.stream().flatMap(Optional::stream).findFirst())
                .map(ScaleItem::label).orElseThrow();
        List<LocalizedText> former = perMeasurement.stream().flatMap(Optional::stream).map(ScaleItem::label)
                .filter(l -> !l.equals(label)).distinct().toList();

        List<Optional<ScoreCell>> cells = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Optional<ScaleItem> item = perMeasurement.get(i);
            Map<String, String> answers = sorted.get(i).answers();
            // the answer is stored under the id the item had in the measurement's own version
            String code = item.map(it -> answers.get(it.id())).orElse(null);
            cells.add(code == null || code.isBlank() || item.isEmpty() ? Optional.empty()
                    : Optional.of(ScoreCell.of(code, item.get().scale().value(code))));
        }
        return new FactorRow(itemId, label, former, removed, cells, trend(cells), flag.flatMap(f -> persistentProblem(cells, columns, f)));
    }

    static Trend trend(List<Optional<ScoreCell>> cells) {
        List<ScoreCell> answered = cells.stream().flatMap(Optional::stream).limit(2).toList();
        if (answered.size() < 2 || !answered.get(0).comparable() || !answered.get(1).comparable()) {
            return Trend.UNKNOWN;
        }
        int compared = Integer.compare(answered.get(0).rank(), answered.get(1).rank());
        return compared < 0 ? Trend.BETTER : compared > 0 ? Trend.WORSE : Trend.UNCHANGED;
    }

    private static Optional<PersistentProblem> persistentProblem(List<Optional<ScoreCell>> cells, List<HistoryColumn> columns,
                                                                 FactorFlag flag) {
        int n = flag.measurements();
        if (n < 1 || cells.size() < n) {
            return Optional.empty();
        }
        List<Instant> dates = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Optional<ScoreCell> cell = cells.get(i);
            if (cell.isEmpty() || !cell.get().problem()) {
                return Optional.empty();
            }
            dates.add(columns.get(i).measuredAt());
            codes.add(cell.get().code());
        }
        return Optional.of(new PersistentProblem(flag.message(), n, dates, codes));
    }

    private static List<HistoryMeasurement> newestFirst(List<HistoryMeasurement> measurements) {
        return measurements.stream().sorted(Comparator.comparing(HistoryMeasurement::measuredAt)
                .thenComparing(HistoryMeasurement::submittedAt).reversed()).toList();
    }

    private static List<ScaleItem> scaleItems(Section section) {
        return section.items().stream().filter(ScaleItem.class::isInstance).map(ScaleItem.class::cast).toList();
    }

    /** The scale item of a version that the row {@code rowId} stands for (its own id, or a former one). */
    private static Optional<ScaleItem> scaleItem(FormDefinition form, String rowId, List<Renames> renames) {
        return form.items().filter(ScaleItem.class::isInstance).map(ScaleItem.class::cast)
                .filter(i -> Renames.currentId(i.id(), renames).equals(rowId))
                .findFirst();
    }

    private static final class SectionDraft {
        final String id;
        final LocalizedText title;
        final List<String> current = new ArrayList<>();
        final List<String> removed = new ArrayList<>();

        SectionDraft(String id, LocalizedText title) {
            this.id = id;
            this.title = title;
        }
    }
}
