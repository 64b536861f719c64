package org.parcours.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.parcours.testsupport.TestDatabaseEnvironmentPostProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application's database user as the shipped setup grants it (ApplicationUserGrants, run by
 * Flyway as the owner after each migration), on the real MariaDB: it reads and writes business
 * tables and appends to the audit trail, but cannot change, remove or empty audit rows, nor drop
 * the table or its triggers, nor alter any table.
 */
@SpringBootTest
class ApplicationUserGrantsTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theApplicationUserAppendsToTheAuditTrailButCannotAlterOrDropItOrItsTriggers() throws SQLException {
        String url = (String) TestDatabaseEnvironmentPostProcessor.database().get("spring.datasource.url");
        String user = "parcours_app_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000000, 0x7fffffff));
        String password = "app-" + user;
        String account = "'" + user + "'@'%'";
        jdbc.execute("CREATE USER " + account + " IDENTIFIED BY '" + password + "'");
        try {
            List<String> granted;
            try (Connection owner = dataSource.getConnection()) {
                granted = ApplicationUserGrants.grants(owner, account);
            }
            assertThat(granted).anyMatch(g -> g.startsWith("GRANT SELECT, INSERT ON") && g.contains("`audit_event`"))
                    .anyMatch(g -> g.startsWith("GRANT SELECT ON") && g.contains("`flyway_schema_history`"))
                    .anyMatch(g -> g.startsWith("GRANT SELECT, INSERT, UPDATE, DELETE ON") && g.contains("`client`"))
                    .noneMatch(g -> g.contains("ALL") || g.contains("DROP") || g.contains("TRIGGER") || g.contains("ALTER"));

            try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
                assertThat(st.executeUpdate("""
                        INSERT INTO audit_event (occurred_at, actor, action, target_type, target_id, detail)
                        VALUES (NOW(6), 'app', 'CLIENT_READ', 'client', '1', 'appended by the application user')""")).isEqualTo(1);
                // normal work elsewhere
                assertThat(st.executeUpdate("UPDATE audit_chain_head SET last_id = last_id WHERE id = 1")).isEqualTo(1);
                try (var rs = st.executeQuery("SELECT COUNT(*) FROM client")) {
                    assertThat(rs.next()).isTrue();
                }

                assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_event SET detail = 'x' WHERE actor = 'app'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("UPDATE command denied");
                assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_event WHERE actor = 'app'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("DELETE command denied");
                assertThatThrownBy(() -> st.executeUpdate("TRUNCATE TABLE audit_event"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("command denied");
                assertThatThrownBy(() -> st.executeUpdate("DROP TRIGGER audit_event_no_update"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("denied");
                assertThatThrownBy(() -> st.executeUpdate("DROP TRIGGER audit_event_no_delete"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("denied");
                assertThatThrownBy(() -> st.executeUpdate("DROP TABLE audit_event"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("DROP command denied");
                assertThatThrownBy(() -> st.executeUpdate("ALTER TABLE audit_event ADD COLUMN x INT"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("ALTER command denied");
                assertThatThrownBy(() -> st.executeUpdate("DELETE FROM flyway_schema_history"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("DELETE command denied");
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.triggers WHERE event_object_table = 'audit_event'"
                    + " AND trigger_schema = DATABASE()", Integer.class)).isEqualTo(2);
        } finally {
            jdbc.execute("DROP USER IF EXISTS " + account);
        }
    }
}
