package org.parcours.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parcours.bench.ForkedApp;
import org.parcours.testsupport.TestUsers;

/**
 * Issue 11, fault harness: a worker's session while the database stops and starts again. A private
 * mariadbd (its own data folder and port; the shared server is never touched) serves the application
 * forked in its own JVM. In Chromium the worker starts an IMASP draft, the database is stopped, the
 * worker changes answers and saves: a plain message says nothing was saved and nothing typed is lost
 * (no stack trace), the answers stay on the page; the database starts again, the worker saves again
 * and the draft is in the database with every answer. Runs with -Pfaults.
 */
@Tag("faults")
class DatabaseRestartIT {

    private static final long SEED = 912;
    private static final String WORKER = "demo" + SEED + "-t1w1";
    private static final String COMMENT = "Saisi pendant la panne de la base";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void theWorkerIsToldPlainlyKeepsTheAnswersAndSavesOnceTheDatabaseIsBack() throws Exception {
        assumeTrue(BrowserSupport.available(), "Chromium and chromedriver are needed");
        try (PrivateMariaDb db = PrivateMariaDb.start()) {
            ForkedApp app = ForkedApp.start("db-restart-app-", List.of("-Xmx768m"), List.of("--parcours.demo.generate=" + SEED, "--parcours.demo.teams=1",
                            "--parcours.demo.workers-per-team=1", "--parcours.demo.clients-per-team=2", "--parcours.demo.years=1"),
                    Map.of("PARCOURS_TEST_DB_URL", db.serverUrl()), "==== Parcours demo data (seed " + SEED + ")", Duration.ofMinutes(5));
            try (BrowserSupport browser = new BrowserSupport()) {
                String schema = schemaOf(app);
                long clientId = firstClient(db, schema);
                WebDriverWait wait = new WebDriverWait(browser.driver, WAIT);
                browser.signIn(app.baseUrl(), WORKER, TestUsers.PASSWORD, WAIT);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
                browser.driver.get(app.baseUrl() + "/clients/" + clientId + "/new/imasp");
                browser.reveal(By.cssSelector("#item-illness vaadin-radio-button"), WAIT);
                browser.choose("item-illness", "B"); // the first change is saved at once: the draft exists
                wait.until(ExpectedConditions.urlMatches(".*/evaluations/[0-9]+$"));
                long evaluationId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/evaluations/", ""));

                db.stop();
                browser.choose("item-homeless", "C");
                browser.type("item-comment", COMMENT);
                browser.click(By.id("save-evaluation"), WAIT);
                String message = wait.until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                        .map(card -> card.getText()).filter(text -> text.matches("(?s).*(database|base de données|databank).*"))
                        .findFirst().orElse(null));
                browser.screenshot("database-down-save");
                assertThat(message).as("the message shown when saving without a database")
                        .doesNotContainIgnoringCase("exception").doesNotContain("SQL").doesNotContain("at org.")
                        .containsAnyOf("not saved", "could not be saved", "pas pu être enregistrées", "niet worden opgeslagen");
                assertThat(checked(browser, "item-illness")).isEqualTo("B");
                assertThat(checked(browser, "item-homeless")).as("the answer chosen while the database was down").isEqualTo("C");
                assertThat(browser.driver.findElement(By.cssSelector("#item-comment textarea")).getDomProperty("value")).isEqualTo(COMMENT);

                db.startAgain();
                browser.click(By.id("save-evaluation"), WAIT);
                Map<String, String> saved = new TreeMap<>();
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (!"C".equals(saved.get("homeless")) && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                    saved = answers(db, schema, evaluationId);
                }
                browser.screenshot("database-back-saved");
                assertThat(saved).containsEntry("illness", "B").containsEntry("homeless", "C").containsEntry("comment", COMMENT);
                assertThat(app.isAlive()).as("the application survived the database restart").isTrue();
                System.out.println("database restart harness: draft " + evaluationId + " kept through a MariaDB stop/start, "
                        + saved.size() + " answers stored after the database came back; message shown: " + message.replace('\n', ' '));
            } finally {
                app.close();
            }
        }
    }

    /** The label of the checked radio button, scrolled into the window first (Selenium reads only shown text). */
    private static String checked(BrowserSupport browser, String groupId) {
        return browser.reveal(By.cssSelector("#" + groupId + " vaadin-radio-button[checked]"), WAIT).getText().strip();
    }

    private static String schemaOf(ForkedApp app) throws IOException {
        Matcher m = Pattern.compile("to schema `([^`]+)`").matcher(app.logText());
        assertThat(m.find()).as("schema in the application's log").isTrue();
        return m.group(1);
    }

    private static long firstClient(PrivateMariaDb db, String schema) throws SQLException {
        try (Connection c = db.connect(schema); PreparedStatement st = c.prepareStatement("""
                SELECT MIN(c.id) FROM client c JOIN app_user_team ut ON ut.team_id = c.team_id
                  JOIN app_user u ON u.id = ut.user_id WHERE u.username = ?""")) {
            st.setString(1, WORKER);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Map<String, String> answers(PrivateMariaDb db, String schema, long evaluationId) {
        Map<String, String> answers = new TreeMap<>();
        try (Connection c = db.connect(schema); PreparedStatement st = c.prepareStatement("""
                SELECT a.item_id, a.answer_value FROM submission_answer a JOIN submission_revision r ON r.id = a.revision_id
                WHERE r.submission_id = ?""")) {
            st.setLong(1, evaluationId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    answers.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            return answers; // the server may still be starting
        }
        return answers;
    }

    /** A mariadbd of our own: its data folder under the system temp folder, a free port, stopped and deleted at close. */
    static final class PrivateMariaDb implements AutoCloseable {

        private final Path dir;
        private final int port;
        private Process process;

        private PrivateMariaDb(Path dir, int port) {
            this.dir = dir;
            this.port = port;
        }

        static PrivateMariaDb start() throws IOException, InterruptedException {
            Path dir = Files.createTempDirectory("parcours-faultdb");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            PrivateMariaDb db = new PrivateMariaDb(dir, port);
            try {
                Process install = new ProcessBuilder("mariadb-install-db", "--no-defaults", "--datadir=" + dir.resolve("data"),
                        "--auth-root-authentication-method=normal", "--skip-test-db", "--user=" + System.getProperty("user.name"))
                        .redirectErrorStream(true).redirectOutput(dir.resolve("install.log").toFile()).start();
                if (!install.waitFor(3, TimeUnit.MINUTES) || install.exitValue() != 0) {
                    install.destroyForcibly();
                    throw new IllegalStateException("mariadb-install-db failed: " + Files.readString(dir.resolve("install.log")));
                }
                db.startAgain();
                return db;
            } catch (IOException | InterruptedException | RuntimeException e) {
                db.close();
                throw e;
            }
        }

        String serverUrl() {
            return "jdbc:mariadb://127.0.0.1:" + port + "/";
        }

        Connection connect(String schema) throws SQLException {
            return DriverManager.getConnection(serverUrl() + schema, "root", "");
        }

        void startAgain() throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("/usr/sbin/mariadbd", "--no-defaults", "--datadir=" + dir.resolve("data"),
                    "--port=" + port, "--socket=" + dir.resolve("mariadb.sock"), "--bind-address=127.0.0.1",
                    "--pid-file=" + dir.resolve("mariadb.pid"), "--user=" + System.getProperty("user.name"),
                    "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci", "--innodb-buffer-pool-size=64M",
                    "--skip-log-bin"));
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mariadbd.log").toFile())).start();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (true) {
                try (Connection ignored = DriverManager.getConnection(serverUrl(), "root", "")) {
                    return;
                } catch (SQLException notYet) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("mariadbd did not start: " + Files.readString(dir.resolve("mariadbd.log")));
                    }
                    Thread.sleep(200);
                }
            }
        }

        /** A clean stop (SIGTERM), as an administrator's restart does. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }

        @Override
        public void close() throws IOException, InterruptedException {
            if (process != null && process.isAlive()) {
                stop();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
