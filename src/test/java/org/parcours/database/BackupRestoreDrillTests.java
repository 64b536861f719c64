package org.parcours.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcours.demo.DemoDataGenerator;
import org.parcours.testsupport.TestDatabaseEnvironmentPostProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11, backup and restore drill: the schema filled through the real services (demo data),
 * dumped with the command of docs/backup.md (the real mariadb-dump), restored into a fresh schema
 * with the mariadb client, then every table compared: row count and CHECKSUM TABLE. The audit
 * trail's append-only triggers come back with it and still refuse an UPDATE.
 */
@SpringBootTest
class BackupRestoreDrillTests {

    /** The options of docs/backup.md: one consistent snapshot, with routines and triggers. */
    static final List<String> DUMP_OPTIONS = List.of("--single-transaction", "--routines", "--triggers", "--events",
            "--hex-blob", "--default-character-set=utf8mb4");

    @Autowired
    DemoDataGenerator generator;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void aDumpRestoredIntoAFreshSchemaHasEveryRowAndTheAuditTriggers() throws Exception {
        // a seed of its own: other tests of this JVM may have generated theirs
        generator.generate(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000), new DemoDataGenerator.Size(2, 2, 8, 2),
                LocalDate.of(2026, 6, 30));
        String source = jdbc.queryForObject("SELECT DATABASE()", String.class);
        String restored = source + "_restore";
        Path dump = dir.resolve("parcours.sql");

        List<String> command = new ArrayList<>(List.of("mariadb-dump"));
        command.addAll(connection());
        command.addAll(DUMP_OPTIONS);
        command.add(source);
        run(command, null, dump);
        jdbc.execute("CREATE DATABASE `" + restored + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        try {
            List<String> restore = new ArrayList<>(List.of("mariadb"));
            restore.addAll(connection());
            restore.add(restored);
            run(restore, dump, null);

            List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = ? "
                    + "AND table_type = 'BASE TABLE' ORDER BY table_name", String.class, source);
            assertThat(tables).contains("audit_event", "client", "submission", "submission_answer", "form_version", "flyway_schema_history");
            assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = ? "
                    + "AND table_type = 'BASE TABLE' ORDER BY table_name", String.class, restored)).isEqualTo(tables);
            Map<String, long[]> figures = new LinkedHashMap<>();
            long rows = 0;
            for (String table : tables) {
                long count = count(source, table);
                assertThat(count(restored, table)).as("rows of %s", table).isEqualTo(count);
                if (!table.equals("shedlock")) {
                    // the once-per-cluster jobs (webhook deliveries every few seconds) rewrite their lock rows while the drill runs
                    assertThat(checksum(restored, table)).as("CHECKSUM TABLE %s", table).isEqualTo(checksum(source, table));
                }
                figures.put(table, new long[] {count, checksum(source, table)});
                rows += count;
            }
            assertThat(count(source, "submission_answer")).as("the demo data filled the schema").isGreaterThan(100);

            assertThat(jdbc.queryForList("SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = ? ORDER BY 1",
                    String.class, restored)).containsExactly("audit_event_no_delete", "audit_event_no_update");
            assertThatThrownBy(() -> jdbc.update("UPDATE `" + restored + "`.audit_event SET detail = 'rewritten'"))
                    .hasMessageContaining("append-only");

            StringBuilder out = new StringBuilder("Backup drill: " + tables.size() + " tables, " + rows
                    + " rows compared (count and CHECKSUM TABLE), dump " + Files.size(dump) / 1024 + " KiB\n");
            figures.forEach((table, f) -> out.append(String.format("  %-28s %8d rows  checksum %d%n", table, f[0], f[1])));
            System.out.print(out);
        } finally {
            jdbc.execute("DROP DATABASE IF EXISTS `" + restored + "`");
        }
    }

    private long count(String schema, String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM `" + schema + "`.`" + table + "`", Long.class);
    }

    private long checksum(String schema, String table) {
        return jdbc.queryForObject("CHECKSUM TABLE `" + schema + "`.`" + table + "`", (rs, i) -> rs.getLong(2));
    }

    /** Host, port, user and password of the tests' server, from the JDBC URL of this JVM's schema. */
    private static List<String> connection() {
        Map<String, Object> db = TestDatabaseEnvironmentPostProcessor.database();
        String url = (String) db.get("spring.datasource.url");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("jdbc:mariadb://([^:/]+)(?::(\\d+))?/").matcher(url);
        if (!m.find()) {
            throw new IllegalStateException("Unexpected datasource URL " + url);
        }
        List<String> args = new ArrayList<>(List.of("--protocol=tcp", "--host=" + m.group(1), "--port=" + (m.group(2) == null ? "3306" : m.group(2)),
                "--user=" + db.get("spring.datasource.username")));
        String password = (String) db.get("spring.datasource.password");
        if (password != null && !password.isEmpty()) {
            args.add("--password=" + password);
        }
        return args;
    }

    private static void run(List<String> command, Path input, Path output) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        Path errors = Files.createTempFile("drill-", ".err");
        builder.redirectError(errors.toFile());
        builder.redirectInput(input == null ? ProcessBuilder.Redirect.from(new File("/dev/null")) : ProcessBuilder.Redirect.from(input.toFile()));
        if (output != null) {
            builder.redirectOutput(output.toFile());
        } else {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process process = builder.start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException(command.getFirst() + " did not finish within 5 minutes");
            }
            assertThat(process.exitValue()).as("%s failed: %s", command.getFirst(), Files.readString(errors)).isZero();
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(errors);
        }
    }
}
