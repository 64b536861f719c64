package org.parcours.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;
import org.parcours.formdef.ScaleItem;
import org.parcours.testsupport.TestUsers;

/**
 * P5: runs {@link ImaspLoadSimulation} in this JVM (Gatling's own entry point, which returns instead
 * of exiting) against the forked application, one simulated user per demo worker, then reads
 * Gatling's report (statistics table: 95th percentile of the "field change" requests, failed requests) and counts
 * in the database the IMASPs submitted during the run.
 */
final class LoadRun {

    private LoadRun() {
    }

    static void run(ForkedApp app, Map<String, Long> clientOfWorker) throws Exception {
        List<String> factors = imaspFactors();
        int users = clientOfWorker.size();
        System.setProperty("parcours.baseUrl", app.baseUrl());
        System.setProperty("parcours.workers", clientOfWorker.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(",")));
        System.setProperty("parcours.password", TestUsers.PASSWORD);
        System.setProperty("parcours.factors", String.join(",", factors));
        System.setProperty("parcours.users", String.valueOf(users));
        Path results = Path.of("target", "gatling").toAbsolutePath();
        Files.createDirectories(results);
        long submittedBefore = submitted(app);
        long t0 = System.nanoTime();
        int status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                "--simulation", ImaspLoadSimulation.class.getName(),
                "--results-folder", results.toString(),
                "--run-description", "P5"});
        double seconds = (System.nanoTime() - t0) / 1e9;
        long submitted = submitted(app) - submittedBefore;
        Path report = latestReport(results);
        long[] all = report == null ? null : row(report, "All Requests");
        long[] change = report == null ? null : row(report, ImaspLoadSimulation.FIELD_CHANGE);
        if (all == null || change == null) {
            BenchReport.record(new BenchReport.Figure("P5", BenchReport.what("P5"), "-", "100 ms, 0 errors (fixed)", "-", BenchReport.target("P5"),
                    BenchReport.Status.MISS, "Gatling ended with status " + status + (report == null ? " and wrote no report under " + results
                            : " and its report has no field change row: " + report) + "; IMASPs submitted " + submitted + " of " + users));
            return;
        }
        // columns of Gatling's statistics table: total, ok, ko, % ko, count/s, min, 50th, 75th, 95th, 99th, max, mean, std dev
        long requests = all[0];
        long failed = all[2];
        long p95 = change[8];
        boolean pass = p95 <= 100 && failed == 0 && submitted == users;
        BenchReport.record(new BenchReport.Figure("P5", users + " workers: 95th percentile of a field change (UIDL round trip); errors",
                String.format(Locale.ROOT, "p95 %d ms, %d failed of %d requests", p95, failed, requests), "100 ms, 0 errors (fixed)",
                String.format(Locale.ROOT, "%.2fx", p95 / 100.0), BenchReport.target("P5"), pass ? BenchReport.Status.PASS : BenchReport.Status.MISS,
                String.format(Locale.ROOT, "Gatling, %d users ramped over 20 s, %d field changes (%d IMASP factors each, 200-600 ms think time), "
                                + "median %d ms, p99 %d ms, max %d ms; IMASPs submitted in the database during the run: %d of %d; %.0f s; report %s",
                        users, change[0], factors.size(), change[6], change[9], change[10], submitted, users, seconds, report)));
    }

    /** The newest Gatling report folder's index.html. */
    private static Path latestReport(Path results) throws IOException {
        try (Stream<Path> runs = Files.list(results)) {
            return runs.filter(Files::isDirectory).max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .map(p -> p.resolve("index.html")).filter(Files::exists).orElse(null);
        }
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
