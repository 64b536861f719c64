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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parcours.bench.ForkedApp;
import org.parcours.catalog.FormCatalog;
import org.parcours.testsupport.TestDatabaseEnvironmentPostProcessor;
import org.parcours.testsupport.TestForms;
import org.parcours.testsupport.TestUsers;

/**
 * Issue 13's harness, without Docker: two app JVMs (node a, node b) on two loopback ports on ONE
 * fresh schema, each with its own copy of forms/, behind Debian's HAProxy on loopback (sticky
 * cookie inserted by HAProxy, health check on the readiness probe), and two headless Chromium
 * users through the balancer: one pinned to a, one to b, each with a saved IMASP draft.
 * <ol>
 *   <li>a changed form file on node a's folder is served by node b (through the balancer, pinned to
 *   b): the time is measured;</li>
 *   <li>node b is killed with SIGKILL; the user on a keeps working (saves, navigates) with no
 *   failed request; the user on b signs in again through the balancer (now on a) and finds the
 *   draft intact; the requests per user are counted from HAProxy's log;</li>
 *   <li>the reminder job (every 5 s here) ran exactly once per period across both nodes.</li>
 * </ol>
 * Figures go to stdout and {@code target/cluster-report.md}.
 */
class ClusterIT {

    private static final Duration START = Duration.ofSeconds(150);
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final int JOB_PERIOD_SECONDS = 5;
    private static final Pattern LOG_LINE = Pattern.compile("^REQ .*parcours-user-(a|b)\\S* (\\S+)/(\\S+) (-?\\d+) (\\S+) \"(.*)\"$");
    private static final Pattern IMASP_VERSION = Pattern.compile("\"key\":\"imasp\"[^}]*\"liveVersion\":(\\d+)");

    private final Map<String, String> figures = new LinkedHashMap<>();

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void twoNodesBehindHaproxyShareFormsDraftsAndJobsAndSurviveTheLossOfOne() throws Exception {
        assumeTrue(BrowserSupport.available(), "Chromium and chromedriver are needed");
        assumeTrue(new File("/usr/sbin/haproxy").canExecute(), "HAProxy is needed (apt-get install -y haproxy)");
        long testStart = System.nanoTime();
        String schema = TestDatabaseEnvironmentPostProcessor.newSchemaName();
        try (Connection server = TestDatabaseEnvironmentPostProcessor.serverConnection(); Statement st = server.createStatement()) {
            st.execute("CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        Path formsA = TestForms.copyOf(Path.of("forms"), "parcours-cluster-a-");
        Path formsB = TestForms.copyOf(Path.of("forms"), "parcours-cluster-b-");
        List<AutoCloseable> children = new ArrayList<>();
        try {
            long startA = System.nanoTime();
            ForkedApp nodeA = node("a", schema, formsA);
            children.add(nodeA);
            figures.put("node a started (s)", seconds(System.nanoTime() - startA));
            // b after a: the first node on an empty schema migrates it and creates the demo users
            long startB = System.nanoTime();
            ForkedApp nodeB = node("b", schema, formsB);
            children.add(nodeB);
            figures.put("node b started (s)", seconds(System.nanoTime() - startB));

            Haproxy lb = Haproxy.start(nodeA.port, nodeB.port);
            children.add(lb);
            lb.awaitBothUp(WAIT);
            String lbUrl = "http://127.0.0.1:" + lb.port;

            try (Connection db = schemaConnection(schema)) {
                long clientA = client(db, TestUsers.TEAM_NORTH, "Cluster-Nord");
                long clientB = client(db, "Équipe Sud", "Cluster-Sud");
                try (BrowserSupport userA = new BrowserSupport("--user-agent=" + userAgent("a"));
                     BrowserSupport userB = new BrowserSupport("--user-agent=" + userAgent("b"))) {
                    signInPinned(userA, lbUrl, "a", TestUsers.WORKER_NORTH);
                    signInPinned(userB, lbUrl, "b", TestUsers.WORKER_SOUTH);
                    int logLinesPinned = lb.requests().size(); // before: the first request went where round robin sent it
                    long draftA = startDraft(userA, lbUrl, clientA);
                    long draftB = startDraft(userB, lbUrl, clientB);
                    assertThat(answers(db, draftA)).containsEntry("illness", "B");
                    assertThat(answers(db, draftB)).containsEntry("illness", "B");
                    assertThat(pinnedNode(userA)).isEqualTo("a");
                    assertThat(pinnedNode(userB)).isEqualTo("b");

                    publishOnAAndAwaitOnB(db, lbUrl, formsA);

                    int logLinesBeforeKill = lb.requests().size();
                    long killedAt = System.nanoTime();
                    nodeB.kill();
                    figures.put("node b killed after (s)", seconds(killedAt - testStart));

                    // the user on a goes on: an answer saved automatically, then navigation
                    userA.choose("item-homeless", "C");
                    awaitTrue(() -> "C".equals(answersQuietly(db, draftA).get("homeless")), WAIT, "user a's answer saved after b died");
                    userA.driver.get(lbUrl + "/clients/" + clientA);
                    userA.reveal(By.id("new-evaluation-imasp"), WAIT);
                    userA.driver.get(lbUrl + "/evaluations/" + draftA);
                    new WebDriverWait(userA.driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector("#item-homeless vaadin-radio-button[checked]")));
                    assertThat(userA.checkedLabel("item-homeless")).isEqualTo("C");
                    assertThat(pinnedNode(userA)).isEqualTo("a");

                    // the user on b: the next click meets a dead node; signs in again through the balancer
                    userB.choose("item-homeless", "A");
                    long noticed = System.nanoTime();
                    String seen = awaitSessionLoss(userB);
                    figures.put("user b after the kill", seen + " after " + seconds(System.nanoTime() - noticed) + " s");
                    new WebDriverWait(userB.driver, WAIT).until(ExpectedConditions.or(
                            ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form input[name='username']")),
                            ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-notification-card"))));
                    userB.screenshot("cluster-user-b-after-kill");
                    userB.signIn(lbUrl, TestUsers.WORKER_SOUTH, TestUsers.PASSWORD, WAIT);
                    // Spring Security sends the user back to the page asked for before the sign-in: the evaluation
                    new WebDriverWait(userB.driver, WAIT).until(ExpectedConditions.or(
                            ExpectedConditions.visibilityOfElementLocated(By.id("home-title")),
                            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#item-illness vaadin-radio-button"))));
                    figures.put("user b signed in again after the kill (s)", seconds(System.nanoTime() - killedAt));
                    assertThat(pinnedNode(userB)).as("the balancer moved user b to the live node").isEqualTo("a");
                    userB.driver.get(lbUrl + "/evaluations/" + draftB);
                    new WebDriverWait(userB.driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector("#item-illness vaadin-radio-button[checked]")));
                    assertThat(userB.checkedLabel("item-illness")).as("user b's draft after signing in again on node a").isEqualTo("B");
                    userB.screenshot("cluster-user-b-draft-on-a");
                    Map<String, String> draftAfter = answers(db, draftB);
                    assertThat(draftAfter).containsEntry("illness", "B");
                    figures.put("user b's draft after signing in again on a", draftAfter
                            + " (the answer clicked as node b died never reached a live node)");

                    List<Request> all = lb.requests();
                    List<Request> afterKill = all.subList(Math.min(logLinesBeforeKill, all.size()), all.size());
                    List<Request> ofA = all.subList(logLinesPinned, all.size()).stream().filter(r -> r.user().equals("a")).toList();
                    List<Request> ofB = afterKill.stream().filter(r -> r.user().equals("b")).toList();
                    figures.put("user a: requests / failed / served by b", ofA.size() + " / " + ofA.stream().filter(Request::failed).count()
                            + " / " + ofA.stream().filter(r -> r.server().equals("b")).count());
                    figures.put("user b after the kill: requests / failed (5xx, no answer) / answered by a",
                            ofB.size() + " / " + ofB.stream().filter(Request::failed).count() + " / "
                                    + ofB.stream().filter(r -> r.server().equals("a")).count());
                    figures.put("user b's failed requests", ofB.stream().filter(Request::failed).map(Request::toString).toList().toString());
                    assertThat(ofA).as("user a's requests").isNotEmpty().noneMatch(Request::failed).allMatch(r -> r.server().equals("a"));
                }
                checkTheJobRanOncePerPeriod(db);
            }
        } finally {
            for (int i = children.size() - 1; i >= 0; i--) {
                try {
                    children.get(i).close();
                } catch (Exception e) {
                    System.err.println("Closing " + children.get(i) + " failed: " + e);
                }
            }
            try (Connection server = TestDatabaseEnvironmentPostProcessor.serverConnection(); Statement st = server.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS `" + schema + "`");
            }
            figures.put("whole test (s)", seconds(System.nanoTime() - testStart));
            report();
        }
    }

    /** Node a's file changes; the time until node b (reached through the balancer, pinned to b) serves it. */
    private void publishOnAAndAwaitOnB(Connection db, String lbUrl, Path formsA) throws Exception {
        String token = "pct_cluster_" + UUID.randomUUID().toString().replace("-", "");
        try (PreparedStatement st = db.prepareStatement("""
                INSERT INTO api_token (user_id, name, token_hash, created_at, created_by, expires_at)
                SELECT id, 'cluster test', ?, NOW(6), 'admin', NOW(6) + INTERVAL 1 DAY FROM app_user WHERE username = 'admin'""")) {
            st.setString(1, FormCatalog.hashOf(token));
            st.executeUpdate();
        }
        int before = liveImasp(lbUrl, token, "b");
        assertThat(liveImasp(lbUrl, token, "a")).isEqualTo(before);
        Path file = formsA.resolve("imasp.yaml");
        Files.writeString(file, Files.readString(file).replace("en: \"Homeless\"", "en: \"Homeless (cluster)\""));
        long written = System.nanoTime();
        long[] onA = {0};
        awaitTrue(() -> {
            if (onA[0] == 0 && liveImaspQuietly(lbUrl, token, "a") > before) {
                onA[0] = System.nanoTime();
            }
            return liveImaspQuietly(lbUrl, token, "b") > before;
        }, Duration.ofSeconds(20), "node b serves the form changed on node a");
        long onB = System.nanoTime();
        if (onA[0] == 0) {
            onA[0] = onB;
        }
        figures.put("form file changed on a -> live on a (ms)", String.valueOf((onA[0] - written) / 1_000_000));
        figures.put("form file changed on a -> served by b (ms)", String.valueOf((onB - written) / 1_000_000));
        assertThat(liveImasp(lbUrl, token, "b")).isEqualTo(before + 1);
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM form_version WHERE form_key = 'imasp'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("one new version, not one per node").isEqualTo(before + 1);
        }
    }

    /** The live IMASP version number that this app node serves (GET /api/forms, pinned to the node by the balancer's cookie). */
    static int liveImasp(String lbUrl, String token, String node) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(lbUrl + "/api/forms"))
                .header("Authorization", "Bearer " + token)
                .header("Cookie", Haproxy.COOKIE + "=" + node)
                .header("User-Agent", "parcours-api-" + node)
                .timeout(Duration.ofSeconds(10)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET /api/forms on node " + node).isEqualTo(200);
            Matcher m = IMASP_VERSION.matcher(response.body());
            assertThat(m.find()).as("imasp in " + response.body()).isTrue();
            return Integer.parseInt(m.group(1));
        }
    }

    static int liveImaspQuietly(String lbUrl, String token, String node) {
        try {
            return liveImasp(lbUrl, token, node);
        } catch (IOException | InterruptedException | AssertionError e) {
            return -1;
        }
    }

    /** Every period of the job has exactly one run, whichever node took it; only a run cut by the kill may lack its end. */
    private void checkTheJobRanOncePerPeriod(Connection db) throws SQLException {
        Map<Long, List<String>> runsPerPeriod = new TreeMap<>();
        List<String> unfinished = new ArrayList<>();
        String lastOfB = null;
        String last = null;
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT started_at, node, finished_at FROM job_run WHERE job_name = 'reminders' ORDER BY started_at")) {
            while (rs.next()) {
                LocalDateTime started = rs.getObject(1, LocalDateTime.class);
                long period = started.toEpochSecond(java.time.ZoneOffset.UTC) / JOB_PERIOD_SECONDS;
                runsPerPeriod.computeIfAbsent(period, p -> new ArrayList<>()).add(rs.getString(2));
                String run = rs.getString(2) + "@" + started;
                if (rs.getObject(3) == null) {
                    unfinished.add(run);
                }
                last = run;
                if (rs.getString(2).equals("b")) {
                    lastOfB = run;
                }
            }
        }
        figures.put("reminder job: unfinished runs", unfinished.toString());
        // only a run cut by the SIGKILL of node b, or the one running on node a right now, may lack its end
        List<String> allowed = new ArrayList<>(java.util.Arrays.asList(lastOfB, last));
        assertThat(unfinished).as("runs without an end").allMatch(allowed::contains);
        Map<String, Long> perNode = new TreeMap<>();
        runsPerPeriod.values().forEach(nodes -> nodes.forEach(n -> perNode.merge(n, 1L, Long::sum)));
        figures.put("reminder job: periods with a run / runs / runs per node", runsPerPeriod.size() + " / "
                + runsPerPeriod.values().stream().mapToInt(List::size).sum() + " / " + perNode);
        assertThat(runsPerPeriod.size()).as("periods of %d s with a run", JOB_PERIOD_SECONDS).isGreaterThanOrEqualTo(5);
        assertThat(runsPerPeriod).as("runs per period (node names)").allSatisfy((period, nodes) -> assertThat(nodes).hasSize(1));
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM worker_reminder r JOIN app_user u ON u.id = r.user_id WHERE u.username = 'worker'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the job stored the worker's reminder").isEqualTo(1);
        }
    }

    private static ForkedApp node(String name, String schema, Path forms) throws IOException, InterruptedException {
        return ForkedApp.start("cluster-node-" + name + "-",
                List.of("-Xmx600m", "-XX:TieredStopAtLevel=1", "-D" + TestDatabaseEnvironmentPostProcessor.KEPT_SCHEMA + "=" + schema),
                List.of("--parcours.node.name=" + name, "--parcours.forms.dir=" + forms,
                        "--parcours.forms.poll-interval=1s", "--parcours.forms.live-poll-interval=1s",
                        "--parcours.jobs.reminders.cron=*/" + JOB_PERIOD_SECONDS + " * * * * *",
                        "--parcours.jobs.reminders.lock-at-least-for=PT" + (JOB_PERIOD_SECONDS - 1) + "S",
                        "--parcours.jobs.reminders.lock-at-most-for=PT" + (JOB_PERIOD_SECONDS - 1) + "S",
                        "--vaadin.launch-browser=false"),
                "Started ParcoursApplication", START);
    }

    private static Connection schemaConnection(String schema) throws SQLException {
        Connection connection = TestDatabaseEnvironmentPostProcessor.serverConnection();
        connection.setCatalog(schema);
        return connection;
    }

    private static long client(Connection db, String team, String lastName) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("""
                INSERT INTO client (first_name, last_name, birth_date, team_id, created_at, created_by, version)
                SELECT 'Test', ?, ?, id, NOW(6), 'cluster-test', 0 FROM team WHERE name = ?""", Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, lastName);
            st.setObject(2, LocalDate.of(1980, 5, 17));
            st.setString(3, team);
            assertThat(st.executeUpdate()).as("team " + team).isEqualTo(1);
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static Map<String, String> answers(Connection db, long evaluationId) throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (PreparedStatement st = db.prepareStatement("""
                SELECT a.item_id, a.answer_value FROM submission_answer a JOIN submission_revision r ON r.id = a.revision_id
                WHERE r.submission_id = ? AND r.revision_number = (SELECT MAX(revision_number) FROM submission_revision WHERE submission_id = ?)""")) {
            st.setLong(1, evaluationId);
            st.setLong(2, evaluationId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return rows;
    }

    private static Map<String, String> answersQuietly(Connection db, long evaluationId) {
        try {
            return answers(db, evaluationId);
        } catch (SQLException e) {
            return Map.of();
        }
    }

    /** A Chrome user agent with a marker at the end, so HAProxy's log tells the two users apart. */
    private static String userAgent(String user) {
        return "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 parcours-user-" + user;
    }

    /** Pins the browser to a node with HAProxy's cookie (as an earlier response of that node would have), then signs in. */
    private static void signInPinned(BrowserSupport browser, String lbUrl, String node, String username) {
        browser.driver.get(lbUrl + "/actuator/health");
        browser.driver.manage().addCookie(new Cookie(Haproxy.COOKIE, node, "/"));
        signIn(browser, lbUrl, username);
    }

    private static void signIn(BrowserSupport browser, String lbUrl, String username) {
        browser.signIn(lbUrl, username, TestUsers.PASSWORD, WAIT);
        new WebDriverWait(browser.driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
    }

    private static long startDraft(BrowserSupport browser, String lbUrl, long clientId) {
        WebDriverWait wait = new WebDriverWait(browser.driver, WAIT);
        browser.driver.get(lbUrl + "/clients/" + clientId);
        browser.click(By.id("new-evaluation-imasp"), WAIT);
        browser.reveal(By.cssSelector("#item-illness vaadin-radio-button"), WAIT);
        browser.choose("item-illness", "B");
        wait.until(ExpectedConditions.urlMatches(".*/evaluations/[0-9]+$"));
        wait.until(ExpectedConditions.textMatches(By.id("save-state"), Pattern.compile(".*(enregistré|saved|opgeslagen).*")));
        return Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/evaluations/", ""));
    }

    private static String pinnedNode(BrowserSupport browser) {
        Cookie cookie = browser.driver.manage().getCookieNamed(Haproxy.COOKIE);
        return cookie == null ? "none" : cookie.getValue();
    }

    /** What user b's page shows once its node is gone: Vaadin's session-expired or connection message, or the login page. */
    private static String awaitSessionLoss(BrowserSupport browser) {
        String[] seen = {"nothing"};
        try {
            new WebDriverWait(browser.driver, WAIT).until(d -> {
                if (d.getCurrentUrl().contains("/login")) {
                    seen[0] = "the login page";
                    return true;
                }
                Object text = ((JavascriptExecutor) d).executeScript("""
                        const parts = [document.body ? document.body.innerText : ''];
                        document.querySelectorAll('vaadin-connection-indicator, vaadin-notification-card, vaadin-dev-tools')
                            .forEach(e => parts.push(e.innerText || '', e.shadowRoot ? e.shadowRoot.textContent : ''));
                        return parts.join(' ');""");
                String all = String.valueOf(text);
                for (String marker : List.of("Session expired", "session expired", "Server connection lost", "Internal error", "Connection lost")) {
                    if (all.contains(marker)) {
                        seen[0] = "'" + marker + "'";
                        return true;
                    }
                }
                return false;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            seen[0] = "no message within " + WAIT.toSeconds() + " s";
        }
        return seen[0];
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + timeout.toSeconds() + " s: " + what);
            }
            Thread.sleep(100);
        }
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private void report() throws IOException {
        StringBuilder text = new StringBuilder("# Cluster harness (ClusterIT)\n\n| figure | value |\n|---|---|\n");
        figures.forEach((k, v) -> text.append("| ").append(k).append(" | ").append(v.replace("|", "/")).append(" |\n"));
        System.out.println(text);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "cluster-report.md"), text, StandardCharsets.UTF_8);
    }

    /** One request in HAProxy's log: which user (by user agent), which server answered, the status. */
    record Request(String user, String server, int status, String termination, String line) {
        boolean failed() {
            return status <= 0 || status >= 500;
        }
    }

    /** HAProxy from Debian's package, in the foreground, as a child process with a generated configuration. */
    static final class Haproxy implements AutoCloseable {

        static final String COOKIE = "PARCOURS_NODE";

        final int port;
        private final Process process;
        private final Path log;

        private Haproxy(int port, Process process, Path log) {
            this.port = port;
            this.process = process;
            this.log = log;
        }

        static Haproxy start(int portA, int portB) throws IOException {
            int port = ForkedApp.freePort();
            // the same settings as docs/cluster/haproxy.cfg, with loopback ports and short timeouts
            String config = """
                    global
                        log stdout format raw local0 info
                        maxconn 256
                    defaults
                        mode http
                        log global
                        option redispatch
                        retries 2
                        timeout connect 2s
                        timeout client 60s
                        timeout server 60s
                    frontend web
                        bind 127.0.0.1:%d
                        capture request header User-Agent len 200
                        log-format "REQ %%[capture.req.hdr(0)] %%b/%%s %%ST %%tsc %%{+Q}r"
                        default_backend app
                    backend app
                        balance roundrobin
                        cookie %s insert indirect nocache httponly
                        option httpchk GET /actuator/health/readiness
                        http-check expect status 200
                        timeout check 5s
                        default-server inter 1s fall 3 rise 2
                        server a 127.0.0.1:%d cookie a check
                        server b 127.0.0.1:%d cookie b check
                    """.formatted(port, COOKIE, portA, portB);
            Path dir = Path.of("target").toAbsolutePath();
            Files.createDirectories(dir);
            Path cfg = dir.resolve("cluster-haproxy.cfg");
            Files.writeString(cfg, config);
            Path log = dir.resolve("cluster-haproxy.log");
            Process process = new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", cfg.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new Haproxy(port, process, log);
        }

        /** Both servers answer the readiness probe through the balancer's port. */
        void awaitBothUp(Duration timeout) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            try (HttpClient http = HttpClient.newHttpClient()) {
                for (String node : List.of("a", "b")) {
                    while (true) {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("HAProxy stopped: " + Files.readString(log));
                        }
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                    .header("Cookie", COOKIE + "=" + node).header("User-Agent", "parcours-probe").build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 200) {
                                break;
                            }
                        } catch (IOException notYet) {
                            // HAProxy not listening yet
                        }
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("Node " + node + " not ready through HAProxy; log: " + Files.readString(log));
                        }
                        Thread.sleep(200);
                    }
                }
            }
        }

        List<Request> requests() throws IOException {
            List<Request> requests = new ArrayList<>();
            for (String line : Files.readAllLines(log)) {
                Matcher m = LOG_LINE.matcher(line);
                if (m.matches()) {
                    requests.add(new Request(m.group(1), m.group(3), Integer.parseInt(m.group(4)), m.group(5), line));
                }
            }
            return requests;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        @Override
        public String toString() {
            return "HAProxy on port " + port;
        }
    }
}
