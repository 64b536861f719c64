package org.parcours.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Flyway migrations applied to a real MariaDB produce the schema Hibernate validated. */
@SpringBootTest
class MigrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyMigrationIsAppliedSuccessfully() {
        List<String> failed = jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success = 0", String.class);
        assertThat(failed).isEmpty();
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank", String.class))
                .startsWith("0001");
    }

    @Test
    void everyTableIsInnoDbUtf8mb4WithAPrimaryKey() {
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = DATABASE() AND table_name <> 'flyway_schema_history'""", String.class);
        assertThat(tables).contains("team", "app_user", "client", "form_version", "submission", "submission_revision", "submission_answer", "audit_event",
                "shedlock", "job_run", "form_live", "login_failure", "login_lock", "worker_reminder");
        assertThat(jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = DATABASE() AND (engine <> 'InnoDB' OR table_collation NOT LIKE 'utf8mb4%')""", String.class))
                .isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT t.table_name FROM information_schema.tables t
                WHERE t.table_schema = DATABASE() AND NOT EXISTS (
                  SELECT 1 FROM information_schema.table_constraints c
                  WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY')""",
                String.class)).isEmpty();
    }

    @Test
    void answersAreUniquePerRevisionAndItemAndTextKeepsAccents() {
        jdbc.update("INSERT INTO team (name) VALUES ('Équipe migration ✓')");
        assertThat(jdbc.queryForObject("SELECT name FROM team WHERE name LIKE 'Équipe migration%'", String.class))
                .isEqualTo("Équipe migration ✓");
        assertThat(jdbc.queryForList("""
                SELECT column_name FROM information_schema.key_column_usage
                WHERE table_schema = DATABASE() AND table_name = 'submission_answer' AND constraint_name = 'PRIMARY'
                ORDER BY ordinal_position""", String.class)).containsExactly("revision_id", "item_id");
    }
}
