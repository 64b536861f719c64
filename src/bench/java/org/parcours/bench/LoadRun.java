package org.parcours.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;
import org.parcours.formdef.ScaleItem;
import org.parcours.testsupport.TestUsers;

/**
 * P5: runs {@link ImaspLoadSimulation} in this JVM (Gatling's own entry point, which returns instead
 * of exiting) against the forked application, one simulated user per worker, then reads Gatling's
 * report (statistics table: 95th percentile of the "field change" requests, failed requests) and
 * counts in the database the IMASPs submitted during the run. Each run records one P5 figure, its
 * {@link BenchReport.LoadTarget}'s: PASS, or MISS with the reasons, never an exception.
 */
final class LoadRun {

    private LoadRun() {
    }

    /**
     * One run of {@code run.workers()} users, the first workers of {@code clientOfWorker} (worker
     * username to a client of their team, in ramp order), ramped over {@code ramp}; Gatling stops
     * whatever is left after {@code maxDuration}. With {@code heapAfterGc}, the application's heap
     * in use after full collections is read before and after the run (the sessions the run leaves
     * open: a worker's session lasts until its timeout) and given in the figure's note.
     */
    static void run(ForkedApp app, Map<String, Long> clientOfWorker, BenchReport.LoadTarget run, Duration ramp, Duration maxDuration,
                    boolean heapAfterGc) throws Exception {
        int users = run.workers();
        if (clientOfWorker.size() < users) {
            failed(run, "only " + clientOfWorker.size() + " workers with a client for " + users + " users");
            return;
        }
        List<String> factors = imaspFactors();
        System.setProperty("parcours.baseUrl", app.baseUrl());
        System.setProperty("parcours.workers", clientOfWorker.entrySet().stream().limit(users)
                .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(",")));
        System.setProperty("parcours.password", TestUsers.PASSWORD);
        System.setProperty("parcours.factors", String.join(",", factors));
        System.setProperty("parcours.users", String.valueOf(users));
        System.setProperty("parcours.rampSeconds", String.valueOf(ramp.toSeconds()));
        System.setProperty("parcours.maxSeconds", String.valueOf(maxDuration.toSeconds()));
        Path results = Path.of("target", "gatling").toAbsolutePath();
        Files.createDirectories(results);
        Set<Path> earlierReports = reports(results);
        long heapBefore = heapAfterGc ? heapAfterGc(app) : -1;
        long submittedBefore = submitted(app);
        long t0 = System.nanoTime();
        int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                "--simulation", ImaspLoadSimulation.class.getName(),
                "--results-folder", results.toString(),
                "--run-description", "P5, " + users + " workers"});
        double seconds = (System.nanoTime() - t0) / 1e9;
        long submitted = submitted(app) - submittedBefore;
        String heap = "";
        long heapAfter = heapAfterGc ? heapAfterGc(app) : -1;
        if (heapAfterGc && (heapBefore < 0 || heapAfter < 0)) {
            heap = "; heap in use after GC not read (jcmd failed)";
        } else if (heapAfterGc) {
            heap = String.format(Locale.ROOT, "; heap in use after GC %.0f MB before the run, %.0f MB after it (%.2f MB per worker's session, "
                    + "kept open until its timeout)", heapBefore / 1048576.0, heapAfter / 1048576.0, (heapAfter - heapBefore) / 1048576.0 / users);
        }
        Path report = reports(results).stream().filter(p -> !earlierReports.contains(p)).findFirst().orElse(null);
        long[] all = report == null ? null : row(report, "All Requests");
        long[] change = report == null ? null : row(report, ImaspLoadSimulation.FIELD_CHANGE);
        String how = String.format(Locale.ROOT, "Gatling, %d users (each a worker of their own) ramped over %d s, stopped after %d s at most",
                users, ramp.toSeconds(), maxDuration.toSeconds());
        if (all == null || change == null) {
            failed(run, how + "; Gatling ended with status " + status + (report == null ? " and wrote no report under " + shown(results)
                    : " and its report has no field change row: " + shown(report)) + "; IMASPs submitted " + submitted + " of " + users + heap);
            return;
        }
        // columns of Gatling's statistics table: total, ok, ko, % ko, count/s, min, 50th, 75th, 95th, 99th, max, mean, std dev
        long requests = all[0];
        long failed = all[2];
        long p95 = change[8];
        List<String> misses = new java.util.ArrayList<>();
        if (p95 > run.p95LimitMs()) {
            misses.add("p95 " + p95 + " ms above " + run.p95LimitMs() + " ms");
        }
        if (failed > 0) {
            misses.add(failed + " failed requests" + errors(report));
        }
        if (submitted != users) {
            misses.add("IMASPs submitted " + submitted + " of " + users);
        }
        BenchReport.record(new BenchReport.Figure("P5", run.what(),
                String.format(Locale.ROOT, "p95 %d ms, %d failed of %d requests", p95, failed, requests), run.limit(),
                String.format(Locale.ROOT, "%.2fx", p95 / (double) run.p95LimitMs()), run.target(),
                misses.isEmpty() ? BenchReport.Status.PASS : BenchReport.Status.MISS,
                (misses.isEmpty() ? "" : "MISS: " + String.join("; ", misses) + ". ")
                        + String.format(Locale.ROOT, "%s, %d field changes (%d IMASP factors each, 200-600 ms think time), "
                                + "median %d ms, p99 %d ms, max %d ms; IMASPs submitted in the database during the run: %d of %d; %.0f s%s; report %s",
                        how, change[0], factors.size(), change[6], change[9], change[10], submitted, users, seconds, heap, shown(report))));
    }

    /** The application's heap in use after full collections, in bytes, or -1 when jcmd could not read it (the figure is kept). */
    private static long heapAfterGc(ForkedApp app) {
        try {
            return app.usedHeapAfterGc();
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Records the run as MISS with this reason (it could not be run or its report could not be read). */
    static void failed(BenchReport.LoadTarget run, String reason) {
        BenchReport.record(new BenchReport.Figure("P5", run.what(), "-", run.limit(), "-", run.target(), BenchReport.Status.MISS, reason));
    }

    /** A report's path as the report shows it: from the project folder (target/gatling/...), as anyone can open it. */
    private static String shown(Path report) {
        Path project = Path.of("").toAbsolutePath();
        return report.startsWith(project) ? project.relativize(report).toString() : report.toString();
    }

    /** The index.html of every Gatling report folder under {@code results}. */
    private static Set<Path> reports(Path results) throws IOException {
        try (Stream<Path> runs = Files.list(results)) {
            return runs.filter(Files::isDirectory).map(p -> p.resolve("index.html")).filter(Files::exists)
                    .collect(Collectors.toCollection(java.util.HashSet::new));
        }
    }

    /** The first lines of the report's error table (message and count), as ": message (n), ...", or "" when there is none. */
    private static String errors(Path report) throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "<td class=\"[^\"]*error-col-1[^\"]*\">(.*?)</td>\\s*<td class=\"[^\"]*error-col-2[^\"]*\">([^<]*)</td>",
                java.util.regex.Pattern.DOTALL)
                .matcher(Files.readString(report));
        List<String> found = new java.util.ArrayList<>();
        while (m.find() && found.size() < 3) {
            found.add(m.group(1).replaceAll("<span[^>]*display:none[^>]*>[^<]*</span>", "").replaceAll("<[^>]*>", "").strip()
                    + " (" + m.group(2).strip() + ")");
        }
        return found.isEmpty() ? "" : ": " + String.join(", ", found);
    }

    /** The cells of one row of the report's statistics table (td class "value ... col-2" to "col-14"), or null. */
    private static long[] row(Path report, String name) throws IOException {
        String html = Files.readString(report);
        String marker = "class=\"ellipsed-name\">" + name + "</span>";
        int at = html.indexOf(marker);
        if (at < 0) {
            return null;
        }
        long[] cells = new long[13];
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<td class=\"value[^\"]*col-(\\d+)\">([^<]*)</td>")
                .matcher(html.substring(at, html.indexOf("</tr>", at)));
        while (m.find()) {
            int column = Integer.parseInt(m.group(1)) - 2;
            String value = m.group(2).replace(",", "").trim();
            if (column >= 0 && column < cells.length && value.matches("-?[0-9.]+")) {
                cells[column] = Math.round(Double.parseDouble(value));
            }
        }
        return cells;
    }

    /** IMASPs submitted in the application's schema (all created today). */
    private static long submitted(ForkedApp app) throws Exception {
        try (Connection db = app.database(); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(DISTINCT s.id) FROM submission s JOIN submission_revision r ON r.submission_id = s.id "
                     + "WHERE s.kind = 'EVALUATION' AND r.status = 'SUBMITTED' AND s.created_at > NOW() - INTERVAL 1 DAY")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The scale items of forms/imasp.yaml, the factors a worker rates. */
    private static List<String> imaspFactors() throws IOException {
        List<FormSource> sources = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("forms"))) {
            // programme files have a reader of their own (ProgrammeReader)
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !Path.of("forms").relativize(f).startsWith("programmes"))
                    .sorted().toList()) {
                sources.add(new FormSource(Path.of("forms").relativize(file).toString(), Files.readString(file)));
            }
        }
        return new FormReader().read(sources).forms().get("imasp").allItems().filter(ScaleItem.class::isInstance).map(i -> i.id()).toList();
    }
}
