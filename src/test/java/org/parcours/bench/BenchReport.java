package org.parcours.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one benchmark run (P1..P7 of issue 10), fed by every benchmark class: one line per
 * figure with what was measured, the limit measured in the same run (or the fixed limit), their
 * ratio, the target and PASS / MISS / SKIPPED. Every record rewrites {@code target/bench-report.md}
 * (so a run stopped half-way still leaves a report); figures not recorded show as NOT RUN.
 */
final class BenchReport {

    /**
     * INFO: a figure the issue asks to print, without a target. NOT_RUN: only in the report, for an
     * expected figure that no benchmark recorded (a run stopped half-way).
     */
    enum Status { PASS, MISS, SKIPPED, INFO, NOT_RUN }

    /**
     * Benchmarks run Vaadin in development mode (no production bundle in the test build), where
     * every component attach records a stack trace for the dev tools: off, as in production.
     */
    static final String NO_COMPONENT_TRACKER = "vaadin.devmode.componentTracker.enabled=false";

    /**
     * One line of the report.
     *
     * @param measured what this run measured, with its unit
     * @param limit    what it is compared with: a figure measured in the same run, or the fixed limit of the target
     * @param ratio    measured / limit when that means something, else "-"
     * @param note     how it was measured, or why it was skipped / missed
     */
    record Figure(String id, String what, String measured, String limit, String ratio, String target, Status status, String note) {
    }

    private static final List<String> IDS = List.of("P1", "P2", "P3", "P4", "P5", "P6", "P7");
    private static final Map<String, String> WHAT = Map.of(
            "P1", "server time to build a 200-item form's components",
            "P2", "browser paint of the 200-item form vs the hand-written view (headless Chromium)",
            "P3", "saving a 200-answer evaluation (rows/s)",
            "P4", "committee history page, 50 clients x 24 measurements",
            "P5", "simulated workers filling and submitting IMASPs (UIDL): 50, then 200",
            "P6", "retained heap per open form session",
            "P7", "loading and validating all forms/");
    private static final Map<String, String> TARGET = Map.of(
            "P1", "<= 1.2x hand-written view",
            "P2", "first section <= 0.5x, whole form <= 1.0x hand-written view",
            "P3", ">= 0.5x raw JDBC batch",
            "P4", "<= 3 statements; render <= 300 ms; UIDL <= 1 MB; first grid <= 1 s",
            "P5", "50 workers: p95 per field change <= 100 ms, 0 errors; 200 workers: p95 <= 250 ms, 0 errors",
            "P6", "<= 1 MB; 200 sessions in -Xmx1g",
            "P7", "<= 3x plain YAML parse");

    /**
     * One run of P5: this many simulated workers, each signing in as a worker of their own, with
     * this fixed limit on the 95th percentile of a field change; no request may fail and every
     * worker's IMASP must be submitted.
     */
    record LoadTarget(int workers, long p95LimitMs) {

        /** The figure's "what", the same whether the run passed, missed or failed (a new record replaces the old). */
        String what() {
            return workers + " workers: 95th percentile of a field change (UIDL round trip); errors";
        }

        String limit() {
            return p95LimitMs + " ms, 0 errors (fixed)";
        }

        String target() {
            return workers + " workers: p95 per field change <= " + p95LimitMs + " ms, 0 errors, " + workers + " IMASPs submitted";
        }
    }

    /** P5's runs, in the order they run; a run not recorded shows as NOT RUN in the report. */
    static final List<LoadTarget> P5_RUNS = List.of(new LoadTarget(50, 100), new LoadTarget(200, 250));

    private static final Map<String, List<Figure>> FIGURES = new TreeMap<>();
    private static final Instant STARTED = Instant.now();

    private BenchReport() {
    }

    static String what(String id) {
        return WHAT.get(id);
    }

    static String target(String id) {
        return TARGET.get(id);
    }

    /** A ratio figure: measured / limit against an upper or lower bound on the ratio. */
    static Figure ratio(String id, String what, double measured, double limit, String unit, double bound, boolean atMost, String note) {
        double ratio = measured / limit;
        boolean pass = atMost ? ratio <= bound : ratio >= bound;
        return record(new Figure(id, what, format(measured, unit), format(limit, unit), String.format(Locale.ROOT, "%.2fx", ratio),
                TARGET.get(id), pass ? Status.PASS : Status.MISS, note));
    }

    /** A figure against a fixed upper limit. */
    static Figure atMost(String id, String what, double measured, double limit, String unit, String target, String note) {
        return record(new Figure(id, what, format(measured, unit), format(limit, unit) + " (fixed)",
                String.format(Locale.ROOT, "%.2fx", measured / limit), target, measured <= limit ? Status.PASS : Status.MISS, note));
    }

    /** A figure that could not be measured in this run: never a PASS. */
    static Figure skipped(String id, String reason) {
        return record(new Figure(id, WHAT.get(id), "-", "-", "-", TARGET.get(id), Status.SKIPPED, reason));
    }

    static synchronized Figure record(Figure figure) {
        List<Figure> list = FIGURES.computeIfAbsent(figure.id(), k -> new java.util.ArrayList<>());
        list.removeIf(f -> f.what().equals(figure.what()));
        list.add(figure);
        System.out.printf("%nBENCH %s %-8s %s: measured %s, limit %s, ratio %s, target %s%s%n", figure.id(), figure.status(), figure.what(),
                figure.measured(), figure.limit(), figure.ratio(), figure.target(), figure.note().isBlank() ? "" : " (" + figure.note() + ")");
        write();
        return figure;
    }

    /** The report as Markdown: one table row per figure, P1..P7 in order, NOT RUN for those missing. */
    static synchronized String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Parcours benchmark report\n\n");
        md.append("Run started ").append(STARTED.truncatedTo(ChronoUnit.SECONDS)).append(", written ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("; ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, JDK ").append(Runtime.version()).append(".\n\n")
                .append("Vaadin mode: P2, P5 and P6 run against the application in a JVM of its own in production mode on the committed ")
                .append("production bundle (src/main/bundles/prod.bundle); P1 and P4 are measured in the test JVM without a browser ")
                .append("(browserless, development mode with the component tracker off), P4's browser figure in production mode.\n\n");
        md.append("| id | what | measured | limit (same run) | ratio | target | result |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        Map<String, String> notes = new LinkedHashMap<>();
        for (String id : IDS) {
            List<Figure> list = withNotRun(id, FIGURES.getOrDefault(id, List.of()));
            if (list.isEmpty()) {
                md.append("| ").append(id).append(" | ").append(WHAT.get(id)).append(" | - | - | - | ").append(TARGET.get(id))
                        .append(" | NOT RUN |\n");
                continue;
            }
            int n = 0;
            for (Figure f : list) {
                n++; // a note is numbered by its figure's line, so that "P5.2" is the second P5 line even when the first has none
                md.append("| ").append(f.id()).append(" | ").append(f.what()).append(" | ").append(f.measured()).append(" | ")
                        .append(f.limit()).append(" | ").append(f.ratio()).append(" | ").append(f.target()).append(" | ")
                        .append(f.status() == Status.NOT_RUN ? "NOT RUN" : "**" + f.status() + "**").append(" |\n");
                if (!f.note().isBlank()) {
                    notes.put(f.id() + (list.size() > 1 ? "." + n : ""), f.note());
                }
            }
        }
        if (!notes.isEmpty()) {
            md.append("\nNotes:\n\n");
            notes.forEach((id, note) -> md.append("- ").append(id).append(": ").append(note.replace('\n', ' ')).append('\n'));
        }
        return md.toString();
    }

    /**
     * The figures of an id; for P5, one line per run of {@link #P5_RUNS} in their order (NOT RUN
     * for a run that recorded none), then any other.
     */
    private static List<Figure> withNotRun(String id, List<Figure> list) {
        if (!id.equals("P5")) {
            return list;
        }
        List<Figure> all = new java.util.ArrayList<>();
        for (LoadTarget run : P5_RUNS) {
            List<Figure> recorded = list.stream().filter(f -> f.what().equals(run.what())).toList();
            all.addAll(recorded.isEmpty() ? List.of(new Figure(id, run.what(), "-", run.limit(), "-", run.target(), Status.NOT_RUN, ""))
                    : recorded);
        }
        list.stream().filter(f -> P5_RUNS.stream().noneMatch(run -> run.what().equals(f.what()))).forEach(all::add);
        return all;
    }

    static Path file() {
        return Path.of(System.getProperty("bench.report", "target/bench-report.md"));
    }

    private static void write() {
        try {
            Files.createDirectories(file().toAbsolutePath().getParent());
            Files.writeString(file(), markdown());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the benchmark report " + file().toAbsolutePath(), e);
        }
    }

    static String format(double value, String unit) {
        String number = Math.abs(value) >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
        return unit.isEmpty() ? number : number + " " + unit;
    }
}
