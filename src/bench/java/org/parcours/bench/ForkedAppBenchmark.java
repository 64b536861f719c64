package org.parcours.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.parcours.testsupport.TestUsers;

/**
 * The figures that need the application serving HTTP in its own JVM ({@code -Xmx1g}, Vaadin
 * production mode on the committed production bundle, as a packaged jar runs): P2 (browser paint,
 * headless Chromium through src/test/perf/form-ready.mjs, against the hand-written view of the
 * same fields in the same run), P5 (50, then 200 simulated workers, Gatling over Vaadin's UIDL
 * protocol) and P6 (retained heap per open form session, read with jcmd; 200 sessions in -Xmx1g). The
 * application generates a deterministic demo data set at start-up (seed {@value #SEED}: 5 teams of
 * 10 workers and 10 clients, one year of IMASP measurements) and serves the 200-item form
 * {@value BenchForms#KEY} from a copy of forms/.
 */
@Tag("bench")
@Order(5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForkedAppBenchmark {

    static final long SEED = 4242;
    static final int TEAMS = 5;
    static final int WORKERS_PER_TEAM = 10;
    private static final int SESSIONS = 200;
    private static final int STEP = 25;
    private static final int STOP_AT_MB = 800;

    private static ForkedApp app;
    /** Demo worker username to one client id of its team. */
    static final Map<String, Long> CLIENT_OF_WORKER = new LinkedHashMap<>();

    @BeforeAll
    static void startApplication() throws Exception {
        app = ForkedApp.startInProductionMode(List.of("-Xmx1g", "-XX:+UseG1GC"), List.of(
                        "--parcours.forms.dir=" + BenchForms.folder(),
                        "--parcours.bench.hand-written-route=true",
                        "--parcours.demo.generate=" + SEED,
                        "--parcours.demo.teams=" + TEAMS,
                        "--parcours.demo.workers-per-team=" + WORKERS_PER_TEAM,
                        "--parcours.demo.clients-per-team=10",
                        "--parcours.demo.years=1"),
                "==== Parcours demo data (seed " + SEED + ")", Duration.ofMinutes(6));
        try (Connection db = app.database(); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT u.username, MIN(c.id) FROM app_user u JOIN app_user_team ut ON ut.user_id = u.id
                       JOIN client c ON c.team_id = ut.team_id
                     WHERE u.username LIKE 'demo%-t%w%' GROUP BY u.username ORDER BY u.username""")) {
            while (rs.next()) {
                CLIENT_OF_WORKER.put(rs.getString(1), rs.getLong(2));
            }
        }
        assertThat(CLIENT_OF_WORKER).hasSize(TEAMS * WORKERS_PER_TEAM);
        System.out.printf("%nforked application on %s (pid %d, Vaadin production mode), log %s%n", app.baseUrl(), app.pid(), app.log);
    }

    @AfterAll
    static void stopApplication() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    // ---- P2 ----------------------------------------------------------------------------------

    @Test
    @Order(1)
    void p2BrowserPaintOfThe200ItemForm() throws Exception {
        String why = browserMissing();
        if (why != null) {
            BenchReport.skipped("P2", why);
            return;
        }
        Path dir = Path.of("target", "pw").toAbsolutePath();
        Files.copy(Path.of("src", "test", "perf", "form-ready.mjs"), dir.resolve("form-ready.mjs"), StandardCopyOption.REPLACE_EXISTING);
        Map.Entry<String, Long> worker = CLIENT_OF_WORKER.entrySet().iterator().next();
        int runs = 7;
        Process node = new ProcessBuilder("node", "form-ready.mjs", app.baseUrl(), worker.getKey(), TestUsers.PASSWORD, BenchForms.KEY,
                String.valueOf(runs), String.valueOf(worker.getValue()), String.valueOf(BenchForms.SECTIONS), String.valueOf(BenchForms.PER_SECTION),
                HandWrittenFormView.ROUTE, HandWrittenForm.LAST_FIELD)
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes());
        boolean done = node.waitFor(10, TimeUnit.MINUTES);
        System.out.println(out);
        Matcher hand = figure(out, "hand");
        Matcher first = figure(out, "first");
        Matcher whole = figure(out, "whole");
        if (!done || node.exitValue() != 0 || hand == null || first == null || whole == null) {
            BenchReport.record(new BenchReport.Figure("P2", BenchReport.what("P2"), "-", "hand-written view (same run)", "-", BenchReport.target("P2"),
                    BenchReport.Status.MISS, "form-ready.mjs failed: " + out.strip().lines().reduce((a, b) -> b).orElse("no output")));
            return;
        }
        String fields = out.lines().filter(l -> l.startsWith("fields on the page")).findFirst().orElse("");
        double handMedian = Double.parseDouble(hand.group(2));
        String how = String.format(Locale.ROOT, "%d runs alternating with the hand-written view (min %s, max %s ms); headless Chromium via "
                + "playwright-core; Vaadin production mode (committed prod.bundle)", runs, hand.group(1), hand.group(3));
        BenchReport.ratio("P2", "200-item form, first section usable (its last field present and painted, median) vs hand-written view, all fields",
                Double.parseDouble(first.group(2)), handMedian, "ms", 0.5, true,
                String.format(Locale.ROOT, "first: min %s, max %s ms; %s", first.group(1), first.group(3), how));
        BenchReport.ratio("P2", "same, whole form: every further section opened in turn until its last field is painted (median)",
                Double.parseDouble(whole.group(2)), handMedian, "ms", 1.0, true,
                String.format(Locale.ROOT, "whole: min %s, max %s ms; %s", whole.group(1), whole.group(3), fields));
    }

    /**
     * The 200-item grid section ({@value BenchForms#GRID_KEY}: one section of 200 scale items with
     * {@code layout: grid}) until its last line is present and painted, against the hand-written
     * view in the same run; printed with P2. No target of its own: it is there to see what the grid
     * layout costs beside the 200-item form's first section.
     */
    @Test
    @Order(1)
    void p2BrowserPaintOfA200ItemGridSection() throws Exception {
        String what = "200-item grid section (one section of 200 scale items, layout: grid) usable: its last line present and painted "
                + "(median) vs hand-written view";
        String why = browserMissing();
        if (why != null) {
            BenchReport.record(new BenchReport.Figure("P2", what, "-", "-", "-", "printed, no target", BenchReport.Status.SKIPPED, why));
            return;
        }
        Path dir = Path.of("target", "pw").toAbsolutePath();
        Files.copy(Path.of("src", "test", "perf", "grid-ready.mjs"), dir.resolve("grid-ready.mjs"), StandardCopyOption.REPLACE_EXISTING);
        Map.Entry<String, Long> worker = CLIENT_OF_WORKER.entrySet().iterator().next();
        int runs = 7;
        Process node = new ProcessBuilder("node", "grid-ready.mjs", app.baseUrl(), worker.getKey(), TestUsers.PASSWORD, BenchForms.GRID_KEY,
                String.valueOf(runs), String.valueOf(worker.getValue()), BenchForms.GRID_LAST_FIELD, HandWrittenFormView.ROUTE,
                HandWrittenForm.LAST_FIELD)
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes());
        boolean done = node.waitFor(10, TimeUnit.MINUTES);
        System.out.println(out);
        Matcher hand = figure(out, "hand");
        Matcher grid = figure(out, "grid");
        if (!done || node.exitValue() != 0 || hand == null || grid == null) {
            BenchReport.record(new BenchReport.Figure("P2", what, "-", "hand-written view (same run)", "-", "printed, no target",
                    BenchReport.Status.MISS, "grid-ready.mjs failed: " + out.strip().lines().reduce((a, b) -> b).orElse("no output")));
            return;
        }
        double gridMedian = Double.parseDouble(grid.group(2));
        double handMedian = Double.parseDouble(hand.group(2));
        String lines = out.lines().filter(l -> l.startsWith("grid lines on the page")).findFirst().orElse("");
        BenchReport.record(new BenchReport.Figure("P2", what, BenchReport.format(gridMedian, "ms"), BenchReport.format(handMedian, "ms"),
                String.format(Locale.ROOT, "%.2fx", gridMedian / handMedian), "printed, no target", BenchReport.Status.INFO,
                String.format(Locale.ROOT, "grid: min %s, max %s ms; hand-written view: min %s, max %s ms; %s; %d runs alternating; the "
                        + "client has no earlier measurement with this form, so no earlier columns", grid.group(1), grid.group(3),
                        hand.group(1), hand.group(3), lines, runs)));
    }

    private static Matcher figure(String out, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\{\"min\":(\\d+),\"median\":(\\d+),\"max\":(\\d+)\\}").matcher(out);
        return m.find() ? m : null;
    }

    /** Why the browser figure cannot be measured here, or null when node, Chromium and playwright-core are there. */
    private static String browserMissing() throws InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            return "no /usr/bin/chromium (apt-get install chromium)";
        }
        try {
            if (new ProcessBuilder("node", "--version").start().waitFor() != 0) {
                return "node does not run";
            }
        } catch (IOException e) {
            return "no node on the PATH";
        }
        Path dir = Path.of("target", "pw");
        if (Files.isDirectory(dir.resolve("node_modules/playwright-core"))) {
            return null;
        }
        try {
            Files.createDirectories(dir);
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", dir.toAbsolutePath().toString(), "playwright-core")
                    .redirectErrorStream(true).start();
            String out = new String(npm.getInputStream().readAllBytes());
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                return "npm install playwright-core failed: " + out.strip().lines().reduce((a, b) -> b).orElse("");
            }
        } catch (IOException e) {
            return "no npm to install playwright-core (" + e.getMessage() + ")";
        }
        return null;
    }

    // ---- P5 ----------------------------------------------------------------------------------

    @Test
    @Order(2)
    void p5FiftyWorkersFillAndSubmitImasps() {
        BenchReport.LoadTarget run = BenchReport.P5_RUNS.get(0);
        try {
            LoadRun.run(app, CLIENT_OF_WORKER, run, Duration.ofSeconds(20), Duration.ofMinutes(5), false);
        } catch (Exception | LinkageError e) {
            LoadRun.failed(run, "the Gatling run failed: " + e);
        }
    }

    // ---- P4 (browser) ---------------------------------------------------------------------------

    /**
     * The committee's agenda histories page in Chromium: a meeting with the 50 demo clients on its
     * agenda, each given {@value #MEASUREMENTS} IMASP measurements (its demo ones, then copies of its
     * newest one, written with JDBC), and the time to the first client's grid visible.
     */
    @Test
    @Order(3)
    void p4FirstGridOfTheAgendaHistoriesInTheBrowser() throws Exception {
        String why = browserMissing();
        if (why != null) {
            BenchReport.skipped("P4", why);
            return;
        }
        long[] meeting = meetingOfTheDemoClients();
        Path dir = Path.of("target", "pw").toAbsolutePath();
        Files.copy(Path.of("src", "test", "perf", "histories-ready.mjs"), dir.resolve("histories-ready.mjs"), StandardCopyOption.REPLACE_EXISTING);
        int runs = 5;
        Process node = new ProcessBuilder("node", "histories-ready.mjs", app.baseUrl(), TestUsers.COMMITTEE, TestUsers.PASSWORD,
                String.valueOf(meeting[0]), String.valueOf(meeting[1]), String.valueOf(runs))
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes());
        boolean done = node.waitFor(5, TimeUnit.MINUTES);
        System.out.println(out);
        Matcher m = Pattern.compile("\"ms_min\":(\\d+),\"ms_median\":(\\d+),\"ms_max\":(\\d+),\"bytes_max\":(\\d+)").matcher(out);
        if (!done || node.exitValue() != 0 || !m.find()) {
            BenchReport.record(new BenchReport.Figure("P4", "first client's grid visible in Chromium (median)", "-", "1000 ms (fixed)", "-",
                    BenchReport.target("P4"), BenchReport.Status.MISS,
                    "histories-ready.mjs failed: " + out.strip().lines().reduce((a, b) -> b).orElse("no output")));
            return;
        }
        Matcher colour = Pattern.compile("\"cell_background\":\"([^\"]*)\"").matcher(out);
        String background = colour.find() ? colour.group(1) : "";
        if (background.isEmpty() || background.equals("rgba(0, 0, 0, 0)")) {
            BenchReport.record(new BenchReport.Figure("P4", "first client's grid visible in Chromium (median)", "-", "1000 ms (fixed)", "-",
                    BenchReport.target("P4"), BenchReport.Status.MISS, "the grid's cells have no background colour: styles.css was not applied"));
            return;
        }
        Matcher home = Pattern.compile("\"home_ms_median\":(\\d+)").matcher(out);
        if (home.find()) {
            BenchReport.record(new BenchReport.Figure("P4", "for scale: the home page (a light view) visible in Chromium (median)",
                    BenchReport.format(Double.parseDouble(home.group(1)), "ms"), "-", "-", "printed (no target)", BenchReport.Status.INFO,
                    String.format(Locale.ROOT, "%d runs in the same browser after the histories page's; navigation start to #home-title painted",
                            runs)));
        }
        BenchReport.atMost("P4", "first client's grid visible in Chromium (navigation start to the table painted, median)",
                Double.parseDouble(m.group(2)), 1000, "ms", BenchReport.target("P4"), String.format(Locale.ROOT,
                        "%d runs, min %s ms, max %s ms; 50 clients x %d measurements; Vaadin production mode; largest total of the "
                                + "page's Vaadin responses (bootstrap + UIDL, as received) %.2f MB; first cell's background %s (styles.css applied)",
                        runs, m.group(1), m.group(3), MEASUREMENTS, Long.parseLong(m.group(4)) / 1048576.0, background));
    }

    private static final int MEASUREMENTS = 24;

    /** A new meeting with every demo client on its agenda; returns its id and the first client's. */
    private static long[] meetingOfTheDemoClients() throws Exception {
        try (Connection db = app.database()) {
            List<Long> clients = new ArrayList<>(new java.util.TreeSet<>(CLIENT_OF_WORKER.values()));
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT DISTINCT c.id FROM client c ORDER BY c.id")) {
                clients.clear();
                while (rs.next()) {
                    clients.add(rs.getLong(1));
                }
            }
            long meetingId;
            try (java.sql.PreparedStatement insert = db.prepareStatement("INSERT INTO committee_meeting (meeting_date, chair, members_present, "
                    + "status, created_at) VALUES (CURDATE(), 'Alice', 'Alice', 'OPEN', NOW(6))", Statement.RETURN_GENERATED_KEYS)) {
                insert.executeUpdate();
                ResultSet keys = insert.getGeneratedKeys();
                keys.next();
                meetingId = keys.getLong(1);
            }
            int added = 0;
            for (long client : clients) {
                try (java.sql.PreparedStatement item = db.prepareStatement("INSERT INTO committee_agenda_item (meeting_id, client_id, question, "
                        + "proposed_by, proposed_at) VALUES (?, ?, 'AID_REQUEST', 'bench', NOW(6))")) {
                    item.setLong(1, meetingId);
                    item.setLong(2, client);
                    item.executeUpdate();
                }
                added += measurementsUpTo(db, client, MEASUREMENTS);
            }
            System.out.printf("%nP4 browser data: meeting %d, %d clients, %d measurements copied%n", meetingId, clients.size(), added);
            return new long[] {meetingId, clients.getFirst()};
        }
    }

    /** Copies the client's newest submitted IMASP revision, a month apart before its oldest one, until it has {@code count}; returns the copies. */
    private static int measurementsUpTo(Connection db, long client, int count) throws SQLException {
        long source = -1;
        long version = -1;
        int existing = 0;
        try (java.sql.PreparedStatement q = db.prepareStatement("""
                SELECT r.id, e.form_version_id FROM submission e JOIN submission_revision r ON r.submission_id = e.id
                  JOIN form_version v ON v.id = e.form_version_id
                WHERE e.kind = 'EVALUATION' AND e.client_id = ? AND v.form_key = 'imasp' AND r.status = 'SUBMITTED'
                ORDER BY r.submitted_at DESC""")) {
            q.setLong(1, client);
            ResultSet rs = q.executeQuery();
            while (rs.next()) {
                if (existing++ == 0) {
                    source = rs.getLong(1);
                    version = rs.getLong(2);
                }
            }
        }
        if (source < 0) {
            return 0;
        }
        int copies = 0;
        for (int k = existing; k < count; k++) {
            java.sql.Timestamp at = java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(400L + 30L * k)));
            long evaluation;
            try (java.sql.PreparedStatement e = db.prepareStatement("INSERT INTO submission (kind, client_id, form_version_id, created_at, "
                    + "created_by, updated_at, updated_by, version) VALUES ('EVALUATION', ?, ?, ?, 'bench', ?, 'bench', 0)", Statement.RETURN_GENERATED_KEYS)) {
                e.setLong(1, client);
                e.setLong(2, version);
                e.setTimestamp(3, at);
                e.setTimestamp(4, at);
                e.executeUpdate();
                ResultSet keys = e.getGeneratedKeys();
                keys.next();
                evaluation = keys.getLong(1);
            }
            long revision;
            try (java.sql.PreparedStatement r = db.prepareStatement("INSERT INTO submission_revision (submission_id, revision_number, status, "
                    + "created_at, created_by, updated_at, updated_by, submitted_at, submitted_by, version) "
                    + "VALUES (?, 1, 'SUBMITTED', ?, 'bench', ?, 'bench', ?, 'bench', 0)", Statement.RETURN_GENERATED_KEYS)) {
                r.setLong(1, evaluation);
                r.setTimestamp(2, at);
                r.setTimestamp(3, at);
                r.setTimestamp(4, at);
                r.executeUpdate();
                ResultSet keys = r.getGeneratedKeys();
                keys.next();
                revision = keys.getLong(1);
            }
            // the copy is measured on the day it is dated (the IMASP's measurement date item)
            try (java.sql.PreparedStatement a = db.prepareStatement("INSERT INTO submission_answer (revision_id, item_id, answer_value) "
                    + "SELECT ?, item_id, CASE WHEN item_id = 'measured_on' THEN ? ELSE answer_value END FROM submission_answer WHERE revision_id = ?")) {
                a.setLong(1, revision);
                a.setString(2, at.toLocalDateTime().toLocalDate().toString());
                a.setLong(3, source);
                a.executeUpdate();
            }
            copies++;
        }
        return copies;
    }

    // ---- P6 ----------------------------------------------------------------------------------

    /**
     * Opens form sessions in steps of {@value #STEP}, reading the heap after full collections at
     * each step; stops before the JVM thrashes (used heap above {@value #STOP_AT_MB} MB after GC)
     * and then says how many sessions 1 GB would hold at the measured slope.
     */
    @Test
    @Order(4)
    void p6RetainedHeapPerOpenFormSession() throws Exception {
        Map.Entry<String, Long> worker = CLIENT_OF_WORKER.entrySet().iterator().next();
        String route = "clients/" + worker.getValue() + "/new/" + BenchForms.KEY;
        List<UidlClient> held = new ArrayList<>(open(worker.getKey(), route, 5)); // warm-up: classes, caches, JIT
        long heapBase = app.usedHeapAfterGc();
        long uisBase = app.instances("com.vaadin.flow.component.UI");
        int sessionsBase = held.size();
        List<String> steps = new ArrayList<>();
        long heap = heapBase;
        String stopped = "";
        while (held.size() < SESSIONS) {
            try {
                held.addAll(open(worker.getKey(), route, Math.min(STEP, SESSIONS - held.size())));
            } catch (RuntimeException e) {
                stopped = "opening a session failed at " + held.size() + " sessions: " + e.getMessage();
                break;
            }
            heap = app.usedHeapAfterGc();
            steps.add(held.size() + ": " + heap / 1048576 + " MB");
            if (heap > STOP_AT_MB * 1048576L && held.size() < SESSIONS) {
                stopped = "stopped at " + held.size() + " sessions: " + heap / 1048576 + " MB in use after GC, close to -Xmx1g";
                break;
            }
        }
        long uis = app.instances("com.vaadin.flow.component.UI");
        String top = histogramTop(6);
        boolean outOfMemory = app.logText().contains("OutOfMemoryError");
        int opened = held.size() - sessionsBase;
        double perSession = opened > 0 ? (heap - heapBase) / (double) opened / 1048576 : Double.NaN;
        double at200 = heapBase / 1048576.0 + perSession * (SESSIONS - sessionsBase);
        System.out.printf("%n== heap per open form session: %s; UI instances %d -> %d; largest classes: %s%n", steps, uisBase, uis, top);
        BenchReport.atMost("P6", "retained heap per open 200-item form session (slope " + sessionsBase + " -> " + held.size() + " sessions)",
                perSession, 1.0, "MB", "<= 1 MB", String.format(Locale.ROOT,
                        "jcmd GC.run x2 then GC.heap_info in the forked -Xmx1g JVM after each step of %d sessions (%s); "
                                + "UI instances (GC.class_histogram) %d -> %d; largest classes at the end: %s; each session signs in over HTTP "
                                + "and opens the form through UIDL (lazy sections: the first one built); Vaadin production mode; anchor: ~2.05 MB per "
                                + "hand-written 200-field UI (production mode); each client sends one empty UIDL request after the render, as a browser "
                                + "sends its next message, else the UI keeps its ~1.3M-character first response for resending",
                        STEP, String.join(", ", steps), uisBase, uis, top));
        boolean fits = held.size() >= SESSIONS && !outOfMemory;
        BenchReport.record(new BenchReport.Figure("P6", SESSIONS + " open form sessions in one -Xmx1g JVM",
                String.format(Locale.ROOT, "%d sessions held, %.0f MB after GC%s", held.size(), heap / 1048576.0,
                        fits ? "" : String.format(Locale.ROOT, "; %.0f MB at %d by the slope", at200, SESSIONS)),
                "1024 MB (-Xmx1g)", String.format(Locale.ROOT, "%.2fx", (fits ? heap / 1048576.0 : at200) / 1024), "200 sessions fit in -Xmx1g",
                fits ? BenchReport.Status.PASS : BenchReport.Status.MISS,
                fits ? "no OutOfMemoryError" : stopped + (outOfMemory ? "; OutOfMemoryError in the application log" : "")));
        double at500 = heapBase / 1048576.0 + perSession * (500 - sessionsBase);
        BenchReport.record(new BenchReport.Figure("P6", "500 open form sessions in -Xmx1g, by the slope measured above",
                String.format(Locale.ROOT, "%.0f MB", at500), "1024 MB (-Xmx1g)", String.format(Locale.ROOT, "%.2fx", at500 / 1024),
                "500 sessions fit in -Xmx1g", at500 < 1024 ? BenchReport.Status.PASS : BenchReport.Status.MISS,
                String.format(Locale.ROOT, "%.0f MB after GC with %d sessions + %.2f MB x %d more; extrapolated, not held", heapBase / 1048576.0,
                        sessionsBase, perSession, 500 - sessionsBase)));
        assertThat(held).isNotEmpty();
    }

    /** The classes with the most bytes on the heap (jcmd GC.class_histogram), "name MB" each. */
    private static String histogramTop(int count) throws Exception {
        List<String> top = new ArrayList<>();
        for (String line : app.jcmd("GC.class_histogram").lines().toList()) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 4 && parts[0].endsWith(":") && top.size() < count) {
                top.add(parts[3] + " " + Long.parseLong(parts[2]) / 1048576 + " MB");
            }
        }
        return String.join(", ", top);
    }

    /** Opens {@code count} sessions (sign in + the form in a new UI), four at a time; returns the clients holding them. */
    private static List<UidlClient> open(String username, String route, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<UidlClient>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    UidlClient client = new UidlClient(app.baseUrl());
                    if (!client.signIn(username, TestUsers.PASSWORD)) {
                        throw new IllegalStateException("sign-in refused for " + username);
                    }
                    String page = client.open(route);
                    UidlClient.node(page, BenchForms.FIRST_SECTION_LAST_FIELD); // the form is there as a user gets it: its open section
                    client.acknowledge();
                    return client;
                }));
            }
            List<UidlClient> clients = new ArrayList<>();
            for (Future<UidlClient> future : futures) {
                try {
                    clients.add(future.get(2, TimeUnit.MINUTES));
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a session could not be opened: " + e.getCause(), e.getCause());
                }
            }
            return clients;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- P5, 200 workers (last) -----------------------------------------------------------------

    /** The 200-worker run's ramp (5 sign-ins a second, twice the 50-worker run's rate) and its bound. */
    private static final Duration LARGE_RAMP = Duration.ofSeconds(40);
    private static final Duration LARGE_MAX = Duration.ofMinutes(3);

    /**
     * The 200-worker run, last: the 50 demo workers as in the 50-worker run, then 150 bench workers
     * added to the demo teams ({@link #withBenchWorkers}), each on a client of their team. Last, so
     * that the 200 sessions it leaves open (more heap than P6's 200 form sessions, held until their
     * timeout) and its 200 IMASPs change none of the figures before it; it runs beside P6's open
     * sessions instead.
     */
    @Test
    @Order(5)
    void p5TwoHundredWorkersFillAndSubmitImasps() {
        BenchReport.LoadTarget run = BenchReport.P5_RUNS.get(1);
        try {
            LoadRun.run(app, withBenchWorkers(run.workers()), run, LARGE_RAMP, LARGE_MAX, true);
        } catch (Exception | LinkageError e) {
            LoadRun.failed(run, "the Gatling run failed: " + e);
        }
    }

    /**
     * {@link #CLIENT_OF_WORKER}, then workers added to the demo teams in turn until there are
     * {@code count} ("bench<seed>-t<team>w<number>", numbered on from the demo's), written with JDBC
     * as copies of the team's first demo worker (same password hash, WORKER role, team; no audit
     * event). The n-th worker added to a team gets the team's n-th client (in id order, round
     * again): the demo workers all have the team's first one, the others are spread over the team.
     */
    private static Map<String, Long> withBenchWorkers(int count) throws Exception {
        Map<String, Long> workers = new LinkedHashMap<>(CLIENT_OF_WORKER);
        try (Connection db = app.database()) {
            List<long[]> teams = new ArrayList<>(); // team id, id of its first demo worker
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT ut.team_id, MIN(u.id) FROM app_user u JOIN app_user_team ut ON ut.user_id = u.id
                    WHERE u.username LIKE 'demo%-t%w%' GROUP BY ut.team_id ORDER BY ut.team_id""")) {
                while (rs.next()) {
                    teams.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
            List<List<Long>> clients = new ArrayList<>();
            for (long[] team : teams) {
                List<Long> ids = new ArrayList<>();
                try (java.sql.PreparedStatement q = db.prepareStatement("SELECT id FROM client WHERE team_id = ? ORDER BY id")) {
                    q.setLong(1, team[0]);
                    ResultSet rs = q.executeQuery();
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                clients.add(ids);
            }
            if (teams.isEmpty() || clients.stream().anyMatch(List::isEmpty)) {
                throw new IllegalStateException("no demo team with clients to add workers to");
            }
            for (int k = 0; workers.size() < count; k++) {
                int t = k % teams.size();
                int n = k / teams.size();
                String username = "bench" + SEED + "-t" + (t + 1) + "w" + (WORKERS_PER_TEAM + n + 1);
                long user;
                try (java.sql.PreparedStatement insert = db.prepareStatement("INSERT INTO app_user (username, password_hash, display_name, "
                        + "enabled, version, security_stamp) SELECT ?, password_hash, ?, enabled, 0, 0 FROM app_user WHERE id = ?",
                        Statement.RETURN_GENERATED_KEYS)) {
                    insert.setString(1, username);
                    insert.setString(2, "Bench worker " + (t + 1) + "." + (WORKERS_PER_TEAM + n + 1));
                    insert.setLong(3, teams.get(t)[1]);
                    insert.executeUpdate();
                    ResultSet keys = insert.getGeneratedKeys();
                    keys.next();
                    user = keys.getLong(1);
                }
                try (java.sql.PreparedStatement role = db.prepareStatement(
                        "INSERT INTO app_user_role (user_id, role) SELECT ?, role FROM app_user_role WHERE user_id = ?");
                     java.sql.PreparedStatement team = db.prepareStatement("INSERT INTO app_user_team (user_id, team_id) VALUES (?, ?)")) {
                    role.setLong(1, user);
                    role.setLong(2, teams.get(t)[1]);
                    role.executeUpdate();
                    team.setLong(1, user);
                    team.setLong(2, teams.get(t)[0]);
                    team.executeUpdate();
                }
                workers.put(username, clients.get(t).get(n % clients.get(t).size()));
            }
        }
        return workers;
    }
}
