package org.parcours.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.parcours.database.EmbeddedMariaDb;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Tests run against a real MariaDB: once per JVM, a fresh schema {@code test_run_<time>_<random>}
 * on the server at 127.0.0.1:3306 (or {@code PARCOURS_TEST_DB_URL}), dropped at JVM exit; when
 * no server answers, an ephemeral embedded MariaDB. Runs before the application's own embedded
 * database post-processor, which then sees a datasource and does nothing.
 */
public class TestDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static final String SERVER = System.getenv().getOrDefault("PARCOURS_TEST_DB_URL", "jdbc:mariadb://127.0.0.1:3306/");
    private static final String USER = System.getenv().getOrDefault("PARCOURS_TEST_DB_USER", "root");
    private static final String PASSWORD = System.getenv().getOrDefault("PARCOURS_TEST_DB_PASSWORD", "");

    /** The server the schemas are made on: {@link #SERVER}, or an embedded MariaDB when it is unreachable. */
    private static String serverUrl;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private static Map<String, Object> properties;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addFirst(new MapPropertySource("parcours-test-database", database()));
        // the tests' copy of forms/, just above application.properties: command-line arguments (the
        // benchmarks' forked app) and a test's own properties still choose another folder
        // The application contexts of one test JVM share its schema but each reads its own forms folder
        // (a studio test publishes on its copy): they are separate deployments, not nodes of one cluster,
        // so they do not follow each other's live form versions (the cluster tests turn it on).
        MapPropertySource forms = new MapPropertySource("parcours-test-forms", Map.of("parcours.forms.dir", TestForms.dir().toString(),
                "parcours.forms.live-poll-interval", "0s"));
        String appConfig = environment.getPropertySources().stream().map(org.springframework.core.env.PropertySource::getName)
                .filter(name -> name.contains("application.properties")).findFirst().orElse(null);
        if (appConfig == null) {
            environment.getPropertySources().addLast(forms);
        } else {
            environment.getPropertySources().addBefore(appConfig, forms);
        }
    }

    /** The datasource properties of this JVM's test schema (created on first call). */
    public static synchronized Map<String, Object> database() {
        if (properties == null) {
            properties = create();
        }
        return properties;
    }

    /**
     * The datasource URL of a fresh schema on the same server, dropped when the JVM exits, for a
     * test whose application context must be a deployment of its own. The contexts of one JVM
     * share its schema: a form version another context published there (a studio test that added
     * a factor and answered it) is the last good version of that form, so a later context whose
     * folder lacks the factor keeps serving that version instead of its own file, as a real node
     * would, and a test that relies on its own copy of a form file sees someone else's form.
     */
    public static synchronized String ownSchemaUrl() {
        database();
        String schema = newSchemaName();
        execute(serverUrl, "CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        String server = serverUrl;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(server, "DROP DATABASE IF EXISTS `" + schema + "`")));
        return serverUrl + schema;
    }

    /**
     * A schema chosen by whoever starts this JVM, created if missing and kept when it exits: the
     * fault harnesses start the application again on the data a killed process left behind, the
     * cluster test starts two app JVMs on one schema; each drops its schema itself.
     */
    public static final String KEPT_SCHEMA = "parcours.test.db.schema";

    /** A fresh schema name, in the pattern whose stale leftovers (a killed run) are dropped after 6 hours. */
    public static String newSchemaName() {
        return "test_run_" + LocalDateTime.now().format(STAMP) + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000000, 0x7fffffff));
    }

    /** A connection to the test server (no schema selected). */
    public static Connection serverConnection() throws SQLException {
        return DriverManager.getConnection(SERVER, USER, PASSWORD);
    }

    private static Map<String, Object> create() {
        String kept = System.getProperty(KEPT_SCHEMA, "");
        String schema = !kept.isBlank() ? kept : newSchemaName();
        String server = SERVER;
        try (Connection probe = DriverManager.getConnection(server, USER, PASSWORD)) {
            dropStaleSchemas(probe);
        } catch (SQLException unreachable) {
            try {
                Path dir = Files.createTempDirectory("parcours-test-mariadb");
                EmbeddedMariaDb embedded = EmbeddedMariaDb.startOnce(dir, false);
                server = "jdbc:mariadb://127.0.0.1:" + embedded.port() + "/";
            } catch (java.io.IOException e) {
                throw new IllegalStateException("No MariaDB at " + SERVER + " and no temp folder for an embedded one", e);
            }
        }
        serverUrl = server;
        if (!kept.isBlank()) {
            execute(serverUrl, "CREATE DATABASE IF NOT EXISTS `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } else {
            execute(serverUrl, "CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(serverUrl, "DROP DATABASE IF EXISTS `" + schema + "`")));
        }
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", serverUrl + schema);
        props.put("spring.datasource.username", USER);
        props.put("spring.datasource.password", PASSWORD);
        props.put("spring.test.database.replace", "none");
        props.put("parcours.demo.password", TestUsers.PASSWORD);
        return props;
    }

    /** Schemas of earlier runs that were killed before their shutdown hook ran (older than 6 hours). */
    private static void dropStaleSchemas(Connection connection) throws SQLException {
        String limit = LocalDateTime.now().minusHours(6).format(STAMP);
        List<String> stale = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'test\\_run\\_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String stamp = name.substring("test_run_".length(), Math.min(name.length(), "test_run_".length() + 14));
                if (stamp.compareTo(limit) < 0) {
                    stale.add(name);
                }
            }
        }
        try (Statement st = connection.createStatement()) {
            for (String name : stale) {
                st.execute("DROP DATABASE IF EXISTS `" + name + "`");
            }
        }
    }

    private static void execute(String serverUrl, String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl, USER, PASSWORD);
             Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database setup failed: " + sql, e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 20;
    }
}
