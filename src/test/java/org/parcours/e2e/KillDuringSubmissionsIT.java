package org.parcours.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parcours.bench.ForkedApp;
import org.parcours.catalog.FormsFolder;
import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;
import org.parcours.formdef.ScaleItem;
import org.parcours.testsupport.DamagedForms;
import org.parcours.testsupport.TestDatabaseEnvironmentPostProcessor;

/**
 * Issue 11, fault harness: the application in its own JVM receives 100 concurrent evaluation
 * submissions over the REST API and is killed with SIGKILL while they are in flight; it is started
 * again on the same schema. Every submission it acknowledged (201) must be in the database with
 * exactly the answers sent (checksums), and no evaluation may be half-written: each one found has
 * its revision, all its answers and a consistent status. Two kills, three starts. Runs with -Pfaults.
 */
@Tag("faults")
class KillDuringSubmissionsIT {

    private static final int SUBMISSIONS = 100;
    private static final int KILLS = 2;
    /** the kill comes once this many submissions were acknowledged (the others are in flight) */
    private static final int ACKS_BEFORE_KILL = 15;
    private static final long SEED = 911;
    private static final String WORKER = "demo" + SEED + "-t1w1";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Duration START = Duration.ofMinutes(5);

    /** one submission: what was sent and what came back */
    private record Sent(int round, int index, long clientId, Map<String, String> answers, int status, long evaluationId) {
    }

    @Test
    void everyAcknowledgedSubmissionSurvivesAKillNineAndNoneIsHalfWritten() throws Exception {
        String schema = "test_run_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_kill9";
        String server = System.getenv().getOrDefault("PARCOURS_TEST_DB_URL", "jdbc:mariadb://127.0.0.1:3306/");
        List<String> jvm = List.of("-Xmx768m", "-D" + TestDatabaseEnvironmentPostProcessor.KEPT_SCHEMA + "=" + schema);
        List<String> factors = imaspFactors();
        List<Sent> all = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        ForkedApp app = null;
        try {
            app = ForkedApp.start("kill9-app-", jvm, List.of("--parcours.demo.generate=" + SEED, "--parcours.demo.teams=1",
                    "--parcours.demo.workers-per-team=1", "--parcours.demo.clients-per-team=10", "--parcours.demo.years=1"),
                    Map.of(), "==== Parcours demo data (seed " + SEED + ")", START);
            String token = "pct_kill9_" + Long.toHexString(new Random().nextLong());
            List<Long> clients;
            long demoEvaluations; // the demo data's own evaluations (same worker) are not the harness's
            try (Connection db = DriverManager.getConnection(server + schema, "root", "");
                 Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM submission")) {
                clients = insertToken(db, token);
                rs.next();
                demoEvaluations = rs.getLong(1);
            }
            for (int round = 1; round <= KILLS; round++) {
                Round result = submitAndKill(app, token, round, clients, factors);
                all.addAll(result.sent());
                app = ForkedApp.start("kill9-app-", jvm, List.of(), Map.of(), "Started ParcoursApplication", START);
                figures.add(String.format("round %d: %d sent, %d acknowledged, %d in flight at the kill, %d not acknowledged",
                        round, SUBMISSIONS, result.acknowledged(), result.inFlightAtKill(), result.failed()));
                assertThat(result.inFlightAtKill()).as("round %d: submissions in flight when the JVM was killed", round).isPositive();
                // the restarted application serves what it acknowledged before it died
                for (Sent sent : result.sent().stream().filter(s -> s.status() == 201).limit(5).toList()) {
                    HttpResponse<String> read = http().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/evaluations/" + sent.evaluationId()))
                            .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(read.statusCode()).as("evaluation %d read after the restart", sent.evaluationId()).isEqualTo(200);
                    assertThat(read.body()).contains("\"status\":\"SUBMITTED\"", "kill9 round " + round + " #" + sent.index());
                }
            }
            try (Connection db = DriverManager.getConnection(server + schema, "root", "")) {
                figures.add(check(db, all, demoEvaluations));
            }
        } finally {
            if (app != null) {
                app.close();
            }
            try (Connection db = DriverManager.getConnection(server, "root", ""); Statement st = db.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS `" + schema + "`");
            }
        }
        System.out.println("kill -9 harness (" + KILLS + " kills survived):\n  " + String.join("\n  ", figures));
    }

    private record Round(List<Sent> sent, int acknowledged, int inFlightAtKill, int failed) {
    }

    private Round submitAndKill(ForkedApp app, String token, int round, List<Long> clients, List<String> factors) throws Exception {
        Random random = new Random(SEED * 31 + round);
        HttpClient http = http();
        List<Sent> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch enoughAcks = new CountDownLatch(ACKS_BEFORE_KILL);
        ExecutorService pool = Executors.newFixedThreadPool(SUBMISSIONS);
        try {
            for (int i = 1; i <= SUBMISSIONS; i++) {
                int index = i;
                long clientId = clients.get(random.nextInt(clients.size()));
                Map<String, String> answers = new TreeMap<>();
                for (String factor : factors) {
                    answers.put(factor, String.valueOf("ABC".charAt(random.nextInt(3))));
                }
                answers.put("comment", "kill9 round " + round + " #" + index + " " + Long.toHexString(random.nextLong()));
                pool.submit(() -> {
                    go.await();
                    int status = -1;
                    long id = -1;
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/evaluations"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofString(json(clientId, answers))).build(), HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        Matcher m = ID.matcher(response.body());
                        if (status == 201 && m.find()) {
                            id = Long.parseLong(m.group(1));
                            acknowledged.incrementAndGet();
                            enoughAcks.countDown();
                        }
                    } catch (java.io.IOException e) {
                        status = -1; // the connection died with the JVM: not acknowledged
                    } finally {
                        answered.incrementAndGet();
                        sent.add(new Sent(round, index, clientId, answers, status, id));
                    }
                    return null;
                });
            }
            go.countDown();
            assertThat(enoughAcks.await(3, TimeUnit.MINUTES)).as("%d acknowledgements within 3 minutes", ACKS_BEFORE_KILL).isTrue();
            int inFlight = SUBMISSIONS - answered.get();
            app.kill();
            pool.shutdown();
            assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).as("every request ended after the kill").isTrue();
            int failed = (int) sent.stream().filter(s -> s.status() != 201).count();
            assertThat(sent.stream().filter(s -> s.status() != 201 && s.status() != -1).toList())
                    .as("answers other than 201 or a dead connection (a refusal under load is a 5xx)")
                    .allSatisfy(s -> assertThat(s.status()).isGreaterThanOrEqualTo(500));
            return new Round(List.copyOf(sent), acknowledged.get(), inFlight, failed);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Counts and checksums: every acknowledged submission stored as sent; nothing half-written. */
    private String check(Connection db, List<Sent> all, long demoEvaluations) throws Exception {
        Map<String, Sent> byComment = new HashMap<>();
        all.forEach(s -> byComment.put(s.answers().get("comment"), s));
        Map<Long, Map<String, String>> stored = new HashMap<>();
        Map<Long, String> problems = new TreeMap<>();
        try (PreparedStatement st = db.prepareStatement("""
                SELECT e.id, CASE WHEN r.status = 'SUBMITTED' THEN 'SUBMITTED' WHEN r.revision_number = 1 THEN 'DRAFT' ELSE 'AMENDING' END,
                       r.id, r.status, r.submitted_at, a.item_id, a.answer_value,
                       (SELECT COUNT(*) FROM submission_revision r2 WHERE r2.submission_id = e.id) AS revisions
                FROM submission e LEFT JOIN submission_revision r ON r.submission_id = e.id
                  LEFT JOIN submission_answer a ON a.revision_id = r.id
                WHERE e.kind = 'EVALUATION' AND e.created_by = ? AND e.id > ?""")) {
            st.setString(1, WORKER);
            st.setLong(2, demoEvaluations);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    stored.computeIfAbsent(id, k -> new TreeMap<>());
                    if (rs.getObject(3) == null) {
                        problems.put(id, "no revision");
                    } else if (rs.getInt(8) != 1 || !"SUBMITTED".equals(rs.getString(2)) || !"SUBMITTED".equals(rs.getString(4))
                            || rs.getTimestamp(5) == null) {
                        problems.put(id, "status " + rs.getString(2) + "/" + rs.getString(4) + ", " + rs.getInt(8) + " revisions");
                    }
                    if (rs.getString(6) != null) {
                        stored.get(id).put(rs.getString(6), rs.getString(7));
                    }
                }
            }
        }
        int found = 0;
        int committedUnacknowledged = 0;
        long answerRows = 0;
        for (var evaluation : stored.entrySet()) {
            Map<String, String> rows = evaluation.getValue();
            answerRows += rows.size();
            Sent sent = byComment.get(rows.get("comment"));
            if (sent == null) {
                problems.put(evaluation.getKey(), "answers of no submission sent: " + rows.size() + " rows");
                continue;
            }
            Map<String, String> ofSentItems = new TreeMap<>(rows);
            ofSentItems.keySet().retainAll(sent.answers().keySet());
            if (!checksum(ofSentItems).equals(checksum(sent.answers()))) {
                problems.put(evaluation.getKey(), "answers differ from those sent (" + ofSentItems.size() + " of " + sent.answers().size() + ")");
            }
            if (sent.status() > 0 && sent.status() != 201) {
                problems.put(evaluation.getKey(), "stored although the answer was " + sent.status());
            } else if (sent.status() == 201) {
                found++;
                if (sent.evaluationId() != evaluation.getKey()) {
                    problems.put(evaluation.getKey(), "acknowledged as evaluation " + sent.evaluationId());
                }
            } else {
                committedUnacknowledged++;
            }
        }
        List<Sent> acknowledged = all.stream().filter(s -> s.status() == 201).toList();
        List<Long> missing = acknowledged.stream().map(Sent::evaluationId).filter(id -> !stored.containsKey(id)).toList();
        assertThat(missing).as("acknowledged submissions missing after the restart").isEmpty();
        assertThat(problems).as("half-written or altered evaluations").isEmpty();
        assertThat(found).isEqualTo(acknowledged.size());
        long refused = all.stream().filter(s -> s.status() > 0 && s.status() != 201).count();
        return String.format("after %d kills: %d sent, %d acknowledged, %d of them found with matching answer checksums, "
                        + "%d refused with a 5xx (none stored), %d cut by the kill but committed (complete), "
                        + "%d evaluations and %d answer rows checked, half-written: %d",
                KILLS, all.size(), acknowledged.size(), found, refused, committedUnacknowledged, stored.size(), answerRows, problems.size());
    }

    static String checksum(Map<String, String> answers) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        new TreeMap<>(answers).forEach((k, v) -> sha.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A token for the demo worker, stored as the application stores one (SHA-256 of the token); the worker's clients. */
    private static List<Long> insertToken(Connection db, String token) throws Exception {
        long userId = insertToken(db, WORKER, token);
        List<Long> clients = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(
                "SELECT c.id FROM client c JOIN app_user_team ut ON ut.team_id = c.team_id WHERE ut.user_id = ? ORDER BY c.id")) {
            st.setLong(1, userId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    clients.add(rs.getLong(1));
                }
            }
        }
        assertThat(clients).isNotEmpty();
        return clients;
    }

    /** A write token for this user, stored as the application stores one (SHA-256 of the token), valid a day; the user's id. */
    static long insertToken(Connection db, String username, String token) throws Exception {
        long userId;
        try (PreparedStatement st = db.prepareStatement("SELECT id FROM app_user WHERE username = ?")) {
            st.setString(1, username);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).as("user %s", username).isTrue();
                userId = rs.getLong(1);
            }
        }
        try (PreparedStatement st = db.prepareStatement(
                "INSERT INTO api_token (user_id, name, token_hash, created_at, created_by, expires_at) "
                        + "VALUES (?, 'fault harness', ?, NOW(6), ?, NOW(6) + INTERVAL 1 DAY)")) {
            st.setLong(1, userId);
            st.setString(2, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8))));
            st.setString(3, username);
            st.executeUpdate();
        }
        return userId;
    }

    /** The scale items of the live IMASP form (read from forms/ with the engine). */
    static List<String> imaspFactors() {
        List<FormSource> sources = DamagedForms.filesOf(Path.of("forms")).entrySet().stream()
                .filter(f -> FormsFolder.isShared(f.getKey()) || f.getKey().equals("imasp.yaml"))
                .map(f -> new FormSource(f.getKey(), f.getValue())).toList();
        return new FormReader().read(sources).forms().get("imasp").items()
                .filter(ScaleItem.class::isInstance).map(i -> i.id()).toList();
    }

    static String json(long clientId, Map<String, String> answers) {
        StringBuilder out = new StringBuilder("{\"clientId\":" + clientId + ",\"formKey\":\"imasp\",\"answers\":{");
        answers.forEach((k, v) -> out.append('"').append(k).append("\":\"").append(v).append("\","));
        out.setLength(out.length() - 1);
        return out.append("}}").toString();
    }

    private static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }
}
