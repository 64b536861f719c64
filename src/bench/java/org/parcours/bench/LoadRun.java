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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * P5: runs {@link ImaspLoadSimulation} in this JVM (Gatling's own entry point, which returns instead
 * of exiting) against the forked application, one simulated user per demo worker, then reads
 * Gatling's stats.json (95th percentile of the "field change" requests, failed requests) and counts
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
        Path stats = latestStats(results);
        if (stats == null) {
            BenchReport.record(new BenchReport.Figure("P5", BenchReport.what("P5"), "-", "100 ms (fixed)", "-", BenchReport.target("P5"),
                    BenchReport.Status.MISS, "Gatling ended with status " + status + " and wrote no stats.json under " + results));
            return;
        }
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(stats));
        JsonNode all = root.path("stats");
        long requests = all.path("numberOfRequests").path("total").asLong();
        long failed = all.path("numberOfRequests").path("ko").asLong();
        JsonNode change = null;
        for (JsonNode content : root.path("contents")) {
            if (ImaspLoadSimulation.FIELD_CHANGE.equals(content.path("name").asString())) {
                change = content.path("stats");
            }
        }
        if (change == null) {
            BenchReport.record(new BenchReport.Figure("P5", BenchReport.what("P5"), "-", "100 ms (fixed)", "-", BenchReport.target("P5"),
                    BenchReport.Status.MISS, String.format(Locale.ROOT, "no field change was sent: %d requests, %d failed, Gatling status %d; see %s",
                            requests, failed, status, stats.getParent().getParent())));
            return;
        }
        long p95 = change.path("percentiles3").path("total").asLong();
        long changes = change.path("numberOfRequests").path("total").asLong();
        boolean pass = p95 <= 100 && failed == 0 && submitted == users;
        BenchReport.record(new BenchReport.Figure("P5", users + " workers: 95th percentile of a field change (UIDL round trip); errors",
                String.format(Locale.ROOT, "p95 %d ms, %d failed of %d requests", p95, failed, requests), "100 ms, 0 errors (fixed)",
                String.format(Locale.ROOT, "%.2fx", p95 / 100.0), BenchReport.target("P5"), pass ? BenchReport.Status.PASS : BenchReport.Status.MISS,
                String.format(Locale.ROOT, "Gatling %s, %d users ramped over 20 s, %d field changes (%d IMASP factors each, 200-600 ms think time), "
                                + "median %d ms, p99 %d ms, max %d ms; IMASPs submitted in the database during the run: %d of %d; %.0f s; report %s",
                        io.gatling.app.Gatling.class.getPackage().getImplementationVersion(), users, changes, factors.size(),
                        change.path("percentiles1").path("total").asLong(),
                        change.path("percentiles4").path("total").asLong(), change.path("maxResponseTime").path("total").asLong(),
                        submitted, users, seconds, stats.getParent().getParent().resolve("index.html"))));
    }

    private static long submitted(ForkedApp app) throws Exception {
        try (Connection db = app.database(); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM evaluation WHERE status = 'SUBMITTED' AND created_at > NOW() - INTERVAL 1 DAY")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Path latestStats(Path results) throws IOException {
        try (Stream<Path> runs = Files.list(results)) {
            return runs.filter(Files::isDirectory).max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .map(p -> p.resolve("js").resolve("stats.json")).filter(Files::exists).orElse(null);
        }
    }

    /** The scale items of forms/imasp.yaml, the factors a worker rates. */
    private static List<String> imaspFactors() throws IOException {
        List<FormSource> sources = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("forms"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                sources.add(new FormSource(Path.of("forms").relativize(file).toString(), Files.readString(file)));
            }
        }
        return new FormReader().read(sources).forms().get("imasp").allItems().filter(ScaleItem.class::isInstance).map(i -> i.id()).toList();
    }
}
