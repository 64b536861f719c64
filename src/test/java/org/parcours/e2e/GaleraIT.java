package org.parcours.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.parcours.bench.ForkedApp;
import org.parcours.testsupport.TestDatabaseEnvironmentPostProcessor;
import org.parcours.testsupport.TestForms;

/**
 * The Galera harness ({@code ./mvnw verify -Pgalera}, docs/cluster.md): three {@code mariadbd}
 * nodes forming one Galera cluster on loopback, HAProxy in front of them (one writer, backups,
 * failover on a MySQL health check), two app JVMs whose datasource goes through it (the first one
 * runs the Flyway migrations on the cluster), and the sticky HAProxy of {@link ClusterIT} in front
 * of the app nodes. Workers submit evaluations over the API on both app nodes while
 * <ol>
 *   <li>the writer database node is killed with SIGKILL: saves go on once HAProxy moved to a
 *   backup, and every acknowledged save is on the surviving nodes with the answers sent;</li>
 *   <li>the killed node is started again and catches up (IST): the same rows and table checksums on
 *   all three nodes;</li>
 *   <li>the two app nodes write to two different database nodes (one listener of the balancer
 *   loses its node): Galera refuses one of two concurrent saves at certification (every save
 *   moves the audit trail's head row), the service retries it, and the user gets their save or a
 *   clear 409, never a 500.</li>
 * </ol>
 * While the writer is down, a form file changed on app node a is published once and served by
 * app node b (each app node reads its own copy of forms/), and the reminder job, scheduled every
 * few seconds on both app nodes, keeps running once per period. At the end the audit trail's
 * append-only triggers refuse a change on each of the three database nodes.
 * Figures go to stdout and {@code target/galera-report.md}.
 */
@Tag("galera")
class GaleraIT {

    private static final long SEED = 2027;
    private static final String WORKER = "demo" + SEED + "-t1w1";
    private static final Duration NODE_START = Duration.ofMinutes(3);
    private static final Duration APP_START = Duration.ofMinutes(4);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final String RETRY_LINE = "rolled back by the database (error 1213";
    private static final int JOB_PERIOD_SECONDS = 5;

    private final Map<String, String> figures = new LinkedHashMap<>();

    /** One submission: which app node, what was sent, what came back. */
    private record Sent(String phase, int index, String node, Map<String, String> answers, int status, long evaluationId,
                        long startedNanos, long endedNanos, String body) {
        boolean acknowledged() {
            return status == 201 && evaluationId > 0;
        }
    }

    @Test
    @Timeout(value = 14, unit = TimeUnit.MINUTES)
    void savesSurviveTheLossOfTheWriterTheNodeCatchesUpAndCertificationConflictsAreRetried() throws Exception {
        List<String> tools = List.of("/usr/sbin/mariadbd", GaleraCluster.PROVIDER, "/usr/bin/mariabackup", "/usr/bin/socat", "/usr/sbin/haproxy");
        if (!tools.stream().allMatch(tool -> new File(tool).isFile())) {
            installPackages();
        }
        for (String tool : tools) {
            assumeTrue(new File(tool).isFile(), tool + " is needed (.ci/galera-packages installs it with apt-get)");
        }
        long testStart = System.nanoTime();
        String schema = TestDatabaseEnvironmentPostProcessor.newSchemaName();
        Path dir = Path.of("target", "galera-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss"))).toAbsolutePath();
        List<AutoCloseable> children = new ArrayList<>();
        List<Sent> all = Collections.synchronizedList(new ArrayList<>());
        try {
            GaleraCluster cluster = GaleraCluster.create(dir, 3);
            children.add(cluster);
            long t = System.nanoTime();
            cluster.bootstrap(cluster.node(1), NODE_START,
                    "CREATE USER '" + DatabaseBalancer.CHECK_USER + "'@'127.0.0.1'");
            figures.put("db1 bootstrapped (s)", seconds(System.nanoTime() - t));
            for (int i = 2; i <= 3; i++) {
                t = System.nanoTime();
                cluster.join(cluster.node(i), NODE_START);
                figures.put("db" + i + " joined by SST (mariabackup) (s)", seconds(System.nanoTime() - t));
            }
            try (Connection db = GaleraCluster.connect(cluster.node(3), "")) {
                assertThat(GaleraCluster.status(db, "wsrep_cluster_size")).isEqualTo("3");
            }
            DatabaseBalancer dbLb = DatabaseBalancer.start(cluster.nodes, dir);
            children.add(dbLb);

            Path formsA = TestForms.copyOf(Path.of("forms"), "parcours-galera-forms-a-");
            Path formsB = TestForms.copyOf(Path.of("forms"), "parcours-galera-forms-b-");
            t = System.nanoTime();
            ForkedApp appA = app("a", dbLb.portA, schema, formsA, List.of("--parcours.demo.generate=" + SEED, "--parcours.demo.teams=1",
                    "--parcours.demo.workers-per-team=1", "--parcours.demo.clients-per-team=10", "--parcours.demo.years=1"),
                    "==== Parcours demo data (seed " + SEED + ")");
            children.add(appA);
            figures.put("app a started, Flyway migrations run on the cluster (s)", seconds(System.nanoTime() - t));
            t = System.nanoTime();
            ForkedApp appB = app("b", dbLb.portB, schema, formsB, List.of(), "Started ParcoursApplication");
            children.add(appB);
            figures.put("app b started (s)", seconds(System.nanoTime() - t));
            ClusterIT.Haproxy appLb = ClusterIT.Haproxy.start(appA.port, appB.port);
            children.add(appLb);
            appLb.awaitBothUp(Duration.ofSeconds(60));
            String lbUrl = "http://127.0.0.1:" + appLb.port;

            String token = "pct_galera_" + Long.toHexString(new Random().nextLong());
            List<Long> clients;
            try (Connection db = GaleraCluster.connect(cluster.node(1), schema)) {
                clients = insertToken(db, token);
                figures.put("Flyway migrations applied on the cluster", count(db, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1")
                        + " (all " + count(db, "SELECT COUNT(*) FROM flyway_schema_history") + " rows successful)");
                assertThat(count(db, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0")).isZero();
                assertThat(writerOf(dbLb.portA)).isEqualTo("db1");
                assertThat(writerOf(dbLb.portB)).isEqualTo("db1");
            }
            Submitter submitter = new Submitter(lbUrl, token, clients, KillDuringSubmissionsIT.imaspFactors(), all);

            // (a) the writer is killed while saves are in flight on both app nodes
            CountDownLatch firstAcks = new CountDownLatch(15);
            CompletableFuture<List<Sent>> phaseA = submitter.batch("A", 100, 8, firstAcks);
            assertThat(firstAcks.await(4, TimeUnit.MINUTES)).as("15 saves acknowledged before the kill").isTrue();
            long killedAt = System.nanoTime();
            LocalDateTime lossStarts = LocalDateTime.now(java.time.ZoneOffset.UTC);
            cluster.kill(cluster.node(1));
            List<Sent> a = phaseA.get(5, TimeUnit.MINUTES);
            List<Sent> afterKill = a.stream().filter(s -> s.startedNanos() > killedAt).toList();
            Sent firstAfter = afterKill.stream().filter(Sent::acknowledged).min(java.util.Comparator.comparingLong(Sent::endedNanos)).orElse(null);
            figures.put("(a) saves sent / acknowledged / refused (status) or cut", summary(a));
            figures.put("(a) saves started after the kill / acknowledged", afterKill.size() + " / " + afterKill.stream().filter(Sent::acknowledged).count());
            figures.put("(a) kill -> first acknowledged save started after it (s)", firstAfter == null ? "none" : seconds(firstAfter.endedNanos() - killedAt));
            figures.put("(a) database balancer after the kill: writer of app a / of app b", writerOf(dbLb.portA) + " / " + writerOf(dbLb.portB));
            assertThat(afterKill.stream().filter(Sent::acknowledged).count()).as("saves acknowledged after the writer died").isPositive();
            figures.put("(a) answers other than 201, a 5xx or a cut connection", a.stream().filter(s -> s.status() != 201 && s.status() != -1 && s.status() < 500)
                    .map(s -> s.status() + " " + s.body()).toList().toString());
            for (int i = 2; i <= 3; i++) {
                figures.put("(a) acknowledged saves found on db" + i + " with their answers", check(cluster.node(i), schema, all));
            }

            // (d) while the writer is down: a form published on one app node, served by the other
            // (the demo publishes IMASP versions of its own, and app b's start made its folder's
            // version live: what counts is that one more version is published and both nodes serve it)
            int before = ClusterIT.liveImasp(lbUrl, token, "b");
            long versionsBefore;
            try (Connection db = GaleraCluster.connect(cluster.node(2), schema)) {
                versionsBefore = count(db, "SELECT COUNT(*) FROM form_version WHERE form_key = 'imasp'");
            }
            Path imasp = formsA.resolve("imasp.yaml");
            String text = Files.readString(imasp);
            String changed = text.replace("en: \"Homeless\"", "en: \"Homeless (Galera)\"");
            assertThat(changed).as("forms/imasp.yaml still has the label this harness changes").isNotEqualTo(text);
            Files.writeString(imasp, changed);
            long written = System.nanoTime();
            long servedByB = 0;
            while (System.nanoTime() - written < Duration.ofSeconds(60).toNanos()) {
                int servedB = ClusterIT.liveImaspQuietly(lbUrl, token, "b");
                if (servedB > 0 && servedB != before) {
                    servedByB = System.nanoTime();
                    break;
                }
                Thread.sleep(200);
            }
            figures.put("(d) form file changed on app a while db1 is down -> served by app b (s)",
                    servedByB == 0 ? "not within 60 s" : seconds(servedByB - written));
            assertThat(servedByB).as("app b serves the form published on app a during the node loss").isPositive();
            assertThat(ClusterIT.liveImasp(lbUrl, token, "a")).isEqualTo(ClusterIT.liveImasp(lbUrl, token, "b"));
            for (int i = 2; i <= 3; i++) {
                try (Connection db = GaleraCluster.connect(cluster.node(i), schema)) {
                    figures.put("(d) IMASP versions on db" + i + " (one more, not one per app node)",
                            String.valueOf(count(db, "SELECT COUNT(*) FROM form_version WHERE form_key = 'imasp'")));
                    assertThat(count(db, "SELECT COUNT(*) FROM form_version WHERE form_key = 'imasp'")).isEqualTo(versionsBefore + 1);
                }
            }
            LocalDateTime lossEnds = LocalDateTime.now(java.time.ZoneOffset.UTC);

            // (b) the killed node rejoins while saves go on, and catches up
            CompletableFuture<List<Sent>> phaseB = submitter.batch("B", 30, 4, null);
            t = System.nanoTime();
            String how = cluster.rejoin(cluster.node(1), NODE_START);
            figures.put("(b) db1 restarted and synced (" + how + ") (s)", seconds(System.nanoTime() - t));
            List<Sent> b = phaseB.get(5, TimeUnit.MINUTES);
            figures.put("(b) saves during the rejoin: sent / acknowledged / refused or cut", summary(b));
            assertThat(b.stream().filter(Sent::acknowledged).count()).as("saves acknowledged while db1 rejoined").isPositive();
            figures.put("(b) writer after the rejoin: app a / app b (no move back: stick table)", writerOf(dbLb.portA) + " / " + writerOf(dbLb.portB));
            figures.put("(b) tables compared on db1, db2, db3 (rows, CHECKSUM TABLE)", compareNodes(cluster, schema));
            for (int i = 1; i <= 3; i++) {
                figures.put("(b) acknowledged saves found on db" + i, check(cluster.node(i), schema, all));
            }

            // (c) two writers: app b's balancer loses db2 and moves to db1, app a stays on db2
            String writerA = writerOf(dbLb.portA);
            String other = writerA.equals("db1") ? "db2" : "db1";
            dbLb.command("disable server db_b/" + writerA);
            dbLb.command("shutdown sessions server db_b/" + writerA);
            awaitWriter(dbLb.portB, other);
            figures.put("(c) writers: app a / app b", writerOf(dbLb.portA) + " / " + writerOf(dbLb.portB));
            long conflictsBefore = certificationConflicts(cluster);
            int retriesBefore = retriesLogged(appA, appB);
            List<Sent> c = submitter.batch("C", 60, 10, null).get(5, TimeUnit.MINUTES);
            long conflicts = certificationConflicts(cluster) - conflictsBefore;
            int retries = retriesLogged(appA, appB) - retriesBefore;
            figures.put("(c) saves sent / acknowledged / refused (status) or cut", summary(c));
            figures.put("(c) certification failures and brute-force aborts on the nodes", String.valueOf(conflicts));
            figures.put("(c) saves retried by the service (log lines, both apps)", String.valueOf(retries));
            figures.put("(c) given up after the retries (409 to the user)", String.valueOf(c.stream().filter(s -> s.status() == 409).count()));
            assertThat(c).as("every save of (c): stored (201) or the clear conflict (409), never a 500")
                    .allSatisfy(s -> assertThat(s.status()).isIn(201, 409));
            assertThat(conflicts).as("Galera refused concurrent saves at certification").isPositive();
            assertThat(retries).as("the service retried them").isPositive();
            dbLb.command("enable server db_b/" + writerA);
            figures.put("(c) tables compared on db1, db2, db3 after (c)", compareNodes(cluster, schema));
            for (int i = 1; i <= 3; i++) {
                figures.put("all acknowledged saves found on db" + i, check(cluster.node(i), schema, all));
            }
            try (Connection db = GaleraCluster.connect(cluster.node(2), schema)) {
                checkTheJobRanOncePerPeriod(db, lossStarts, lossEnds);
            }
            for (int i = 1; i <= 3; i++) {
                figures.put("audit trail append-only on db" + i + " (triggers; UPDATE and DELETE refused)", checkAppendOnly(cluster.node(i), schema));
            }
        } finally {
            for (int i = children.size() - 1; i >= 0; i--) {
                try {
                    children.get(i).close();
                } catch (Exception e) {
                    System.err.println("Closing " + children.get(i) + " failed: " + e);
                }
            }
            figures.put("whole harness (s)", seconds(System.nanoTime() - testStart));
            report();
        }
    }

    /**
     * The reminder job ran once per period on the cluster (whichever app node took it), also while
     * a database node was down; only the run in progress when the apps stopped may lack its end.
     */
    private void checkTheJobRanOncePerPeriod(Connection db, LocalDateTime lossStarts, LocalDateTime lossEnds) throws SQLException {
        Map<Long, List<String>> runsPerPeriod = new TreeMap<>();
        int duringLoss = 0;
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT started_at, node FROM job_run WHERE job_name = 'reminders' ORDER BY started_at")) {
            while (rs.next()) {
                LocalDateTime started = rs.getObject(1, LocalDateTime.class);
                runsPerPeriod.computeIfAbsent(started.toEpochSecond(java.time.ZoneOffset.UTC) / JOB_PERIOD_SECONDS, p -> new ArrayList<>())
                        .add(rs.getString(2));
                if (!started.isBefore(lossStarts) && started.isBefore(lossEnds)) {
                    duringLoss++;
                }
            }
        }
        Map<String, Long> perNode = new TreeMap<>();
        runsPerPeriod.values().forEach(nodes -> nodes.forEach(n -> perNode.merge(n, 1L, Long::sum)));
        figures.put("reminder job every " + JOB_PERIOD_SECONDS + " s on both apps: periods with a run / runs / runs per node",
                runsPerPeriod.size() + " / " + runsPerPeriod.values().stream().mapToInt(List::size).sum() + " / " + perNode);
        figures.put("reminder job: runs while db1 was down", String.valueOf(duringLoss));
        assertThat(runsPerPeriod).as("runs per period (node names)").allSatisfy((period, nodes) -> assertThat(nodes).hasSize(1));
        assertThat(duringLoss).as("the job went on while a database node was down").isPositive();
    }

    /** The append-only triggers of the audit trail, on one node: both present, and an update and a delete refused there. */
    private static String checkAppendOnly(GaleraCluster.Node node, String schema) throws SQLException {
        try (Connection db = GaleraCluster.connect(node, schema)) {
            long triggers = count(db, "SELECT COUNT(*) FROM information_schema.triggers WHERE trigger_schema = DATABASE()"
                    + " AND event_object_table = 'audit_event'");
            List<String> refused = new ArrayList<>();
            for (String change : List.of("UPDATE audit_event SET detail = 'changed' ORDER BY id LIMIT 1", "DELETE FROM audit_event ORDER BY id LIMIT 1")) {
                try (Statement st = db.createStatement()) {
                    st.executeUpdate(change);
                } catch (SQLException e) {
                    if (e.getMessage().contains("append-only")) {
                        refused.add(change.substring(0, change.indexOf(' ')));
                    }
                }
            }
            assertThat(refused).as("changes refused on " + node.name).containsExactly("UPDATE", "DELETE");
            return triggers + " triggers; refused: " + refused;
        }
    }

    /** The Debian packages of the harness, by the project's script (apt-get; only what is missing). */
    private static void installPackages() throws IOException, InterruptedException {
        Process install = new ProcessBuilder("bash", ".ci/galera-packages").inheritIO().start();
        if (!install.waitFor(10, TimeUnit.MINUTES)) {
            install.destroyForcibly();
        }
    }

    private static ForkedApp app(String name, int dbPort, String schema, Path forms, List<String> arguments, String readyLine) throws Exception {
        List<String> args = new ArrayList<>(List.of("--parcours.node.name=" + name, "--vaadin.launch-browser=false",
                "--parcours.forms.dir=" + forms, "--parcours.forms.poll-interval=1s", "--parcours.forms.live-poll-interval=1s",
                "--parcours.jobs.reminders.cron=*/" + JOB_PERIOD_SECONDS + " * * * * *",
                "--parcours.jobs.reminders.lock-at-least-for=PT" + (JOB_PERIOD_SECONDS - 1) + "S",
                "--parcours.jobs.reminders.lock-at-most-for=PT" + (JOB_PERIOD_SECONDS - 1) + "S"));
        args.addAll(arguments);
        return ForkedApp.start("galera-app-" + name + "-",
                List.of("-Xmx600m", "-XX:TieredStopAtLevel=1", "-D" + TestDatabaseEnvironmentPostProcessor.KEPT_SCHEMA + "=" + schema),
                args, Map.of("PARCOURS_TEST_DB_URL", "jdbc:mariadb://127.0.0.1:" + dbPort + "/"), readyLine, APP_START);
    }

    /** Sends submissions over the API through the app balancer, alternating app nodes (HAProxy's cookie). */
    private record Submitter(String lbUrl, String token, List<Long> clients, List<String> factors, List<Sent> all) {

        CompletableFuture<List<Sent>> batch(String phase, int count, int threads, CountDownLatch acks) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            Random random = new Random(SEED * 31 + phase.hashCode());
            List<CompletableFuture<Sent>> sent = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                int index = i;
                String node = i % 2 == 0 ? "b" : "a";
                long clientId = clients.get(random.nextInt(clients.size()));
                Map<String, String> answers = new TreeMap<>();
                for (String factor : factors) {
                    answers.put(factor, String.valueOf("ABC".charAt(random.nextInt(3))));
                }
                answers.put("comment", "galera " + phase + " #" + index + " " + Long.toHexString(random.nextLong()));
                sent.add(CompletableFuture.supplyAsync(() -> {
                    long started = System.nanoTime();
                    int status = -1;
                    long id = -1;
                    String body = "";
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(lbUrl + "/api/evaluations"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .header("Cookie", ClusterIT.Haproxy.COOKIE + "=" + node).header("User-Agent", "parcours-galera-" + node)
                                .timeout(Duration.ofSeconds(90))
                                .POST(HttpRequest.BodyPublishers.ofString(KillDuringSubmissionsIT.json(clientId, answers))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        body = response.body().substring(0, Math.min(160, response.body().length())).replaceAll("\\s+", " ");
                        Matcher m = ID.matcher(response.body());
                        if (status == 201 && m.find()) {
                            id = Long.parseLong(m.group(1));
                            if (acks != null) {
                                acks.countDown();
                            }
                        }
                    } catch (IOException e) {
                        status = -1; // the connection was cut: not acknowledged
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    Sent s = new Sent(phase, index, node, answers, status, id, started, System.nanoTime(), status == 201 ? "" : body);
                    all.add(s);
                    return s;
                }, pool));
            }
            return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .thenApply(done -> sent.stream().map(CompletableFuture::join).toList())
                    .whenComplete((r, e) -> pool.shutdown());
        }
    }

    private static String summary(List<Sent> sent) {
        Map<Integer, Long> byStatus = new TreeMap<>();
        sent.stream().filter(s -> !s.acknowledged()).forEach(s -> byStatus.merge(s.status(), 1L, Long::sum));
        return sent.size() + " / " + sent.stream().filter(Sent::acknowledged).count() + " / " + byStatus;
    }

    /**
     * Every acknowledged save on this node: its evaluation SUBMITTED with one submitted revision and
     * exactly the answers sent (checksums); read with {@code wsrep_sync_wait} so the node has
     * applied everything the cluster committed.
     */
    private static String check(GaleraCluster.Node node, String schema, List<Sent> all) throws Exception {
        List<Sent> acknowledged;
        synchronized (all) {
            acknowledged = all.stream().filter(Sent::acknowledged).toList();
        }
        int found = 0;
        List<String> problems = new ArrayList<>();
        try (Connection db = GaleraCluster.connect(node, schema)) {
            try (Statement st = db.createStatement()) {
                st.execute("SET SESSION wsrep_sync_wait = 1");
            }
            for (Sent sent : acknowledged) {
                Map<String, String> stored = new TreeMap<>();
                String status = null;
                try (PreparedStatement st = db.prepareStatement("""
                        SELECT r.status, a.item_id, a.answer_value FROM submission e
                          JOIN submission_revision r ON r.submission_id = e.id AND r.status = 'SUBMITTED'
                          LEFT JOIN submission_answer a ON a.revision_id = r.id WHERE e.id = ? AND e.kind = 'EVALUATION'""")) {
                    st.setLong(1, sent.evaluationId());
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            status = rs.getString(1);
                            if (rs.getString(2) != null) {
                                stored.put(rs.getString(2), rs.getString(3));
                            }
                        }
                    }
                }
                stored.keySet().retainAll(sent.answers().keySet());
                if (!"SUBMITTED".equals(status)) {
                    problems.add(sent.evaluationId() + ": " + (status == null ? "missing" : status));
                } else if (!KillDuringSubmissionsIT.checksum(stored).equals(KillDuringSubmissionsIT.checksum(sent.answers()))) {
                    problems.add(sent.evaluationId() + ": answers differ");
                } else {
                    found++;
                }
            }
        }
        assertThat(problems).as("acknowledged saves missing or altered on " + node.name).isEmpty();
        return found + " of " + acknowledged.size();
    }

    /** Every table of the schema: the same row count and CHECKSUM TABLE on every node, once they applied the same write sets. */
    private static String compareNodes(GaleraCluster cluster, String schema) throws Exception {
        awaitSameLastCommitted(cluster);
        Map<String, Map<String, String>> perNode = new LinkedHashMap<>();
        long rows = 0;
        for (GaleraCluster.Node node : cluster.nodes) {
            Map<String, String> tables = new TreeMap<>();
            try (Connection db = GaleraCluster.connect(node, schema); Statement st = db.createStatement()) {
                st.execute("SET SESSION wsrep_sync_wait = 1");
                List<String> names = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                for (String table : names) {
                    long n;
                    try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM `" + table + "`")) {
                        rs.next();
                        n = rs.getLong(1);
                    }
                    try (ResultSet rs = st.executeQuery("CHECKSUM TABLE `" + table + "`")) {
                        rs.next();
                        tables.put(table, n + ":" + rs.getString(2));
                    }
                    if (node == cluster.node(1)) {
                        rows += n;
                    }
                }
            }
            perNode.put(node.name, tables);
        }
        Map<String, String> first = perNode.get("db1");
        perNode.forEach((name, tables) -> assertThat(tables).as("tables of " + name + " against db1").isEqualTo(first));
        return first.size() + " tables, " + rows + " rows: identical";
    }

    private static void awaitSameLastCommitted(GaleraCluster cluster) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            List<String> seqnos = new ArrayList<>();
            for (GaleraCluster.Node node : cluster.nodes) {
                try (Connection db = GaleraCluster.connect(node, "")) {
                    seqnos.add(GaleraCluster.status(db, "wsrep_last_committed"));
                }
            }
            if (seqnos.stream().distinct().count() == 1) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the nodes did not reach the same position in 60 s: " + seqnos);
            }
            Thread.sleep(200);
        }
    }

    /** The database node that a new connection through this balancer port reaches. */
    private static String writerOf(int port) throws SQLException {
        try (Connection db = java.sql.DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/?connectTimeout=5000", "root", "");
             Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT @@wsrep_node_name")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void awaitWriter(int port, String node) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!node.equals(writerOf(port))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the balancer's port " + port + " did not move to " + node);
            }
            Thread.sleep(200);
        }
    }

    private static long certificationConflicts(GaleraCluster cluster) throws SQLException {
        long sum = 0;
        for (GaleraCluster.Node node : cluster.nodes) {
            try (Connection db = GaleraCluster.connect(node, "")) {
                sum += Long.parseLong(GaleraCluster.status(db, "wsrep_local_cert_failures"))
                        + Long.parseLong(GaleraCluster.status(db, "wsrep_local_bf_aborts"));
            }
        }
        return sum;
    }

    private static int retriesLogged(ForkedApp... apps) throws IOException {
        int n = 0;
        for (ForkedApp app : apps) {
            n += (int) app.logText().lines().filter(l -> l.contains(RETRY_LINE)).count();
        }
        return n;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** An API token of the demo worker (stored as the application stores one) and the worker's clients. */
    private static List<Long> insertToken(Connection db, String token) throws Exception {
        try (PreparedStatement st = db.prepareStatement("""
                INSERT INTO api_token (user_id, name, token_hash, created_at, created_by, expires_at)
                SELECT id, 'galera harness', ?, NOW(6), username, NOW(6) + INTERVAL 1 DAY FROM app_user WHERE username = ?""")) {
            st.setString(1, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8))));
            st.setString(2, WORKER);
            assertThat(st.executeUpdate()).as("demo worker %s", WORKER).isEqualTo(1);
        }
        List<Long> clients = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement("""
                SELECT c.id FROM client c JOIN app_user_team ut ON ut.team_id = c.team_id JOIN app_user u ON u.id = ut.user_id
                WHERE u.username = ? ORDER BY c.id""")) {
            st.setString(1, WORKER);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    clients.add(rs.getLong(1));
                }
            }
        }
        assertThat(clients).isNotEmpty();
        return clients;
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private void report() throws IOException {
        StringBuilder text = new StringBuilder("# Galera harness (GaleraIT)\n\n| figure | value |\n|---|---|\n");
        figures.forEach((k, v) -> text.append("| ").append(k).append(" | ").append(v.replace("|", "/")).append(" |\n"));
        System.out.println(text);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "galera-report.md"), text, StandardCharsets.UTF_8);
    }
}
