package org.parcours.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.parcours.testsupport.TestDatabaseEnvironmentPostProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail is append-only in the database itself: over plain JDBC, even as the tests'
 * all-powerful user, an UPDATE or DELETE of an audit row fails and the row is unchanged; and a
 * user with the production grants (SELECT, INSERT only) cannot even try, nor TRUNCATE.
 */
@SpringBootTest
class AuditTrailAppendOnlyTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    private long insertRow(Statement st) throws SQLException {
        st.executeUpdate("""
                INSERT INTO audit_event (occurred_at, actor, action, target_type, target_id, detail)
                VALUES (NOW(6), 'mallory', 'CLIENT_READ', 'client', '42', 'read the file')""",
                Statement.RETURN_GENERATED_KEYS);
        try (var keys = st.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    @Test
    void anUpdateOfAnAuditRowFailsAndLeavesItUnchanged() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            long id = insertRow(st);

            assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_event SET actor = 'nobody', detail = 'nothing' WHERE id = " + id))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("audit_event is append-only: rows cannot be updated");

            assertThat(jdbc.queryForMap("SELECT actor, detail FROM audit_event WHERE id = ?", id))
                    .isEqualTo(Map.of("actor", "mallory", "detail", "read the file"));
        }
    }

    @Test
    void aDeleteOfAuditRowsFailsAndKeepsThem() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            long id = insertRow(st);
            long before = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class);

            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_event WHERE id = " + id))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("audit_event is append-only: rows cannot be deleted");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_event WHERE actor = 'mallory'"))
                    .isInstanceOf(SQLException.class);

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class)).isEqualTo(before);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE id = ?", Long.class, id)).isEqualTo(1);
        }
    }

    @Test
    void aUserWithTheProductionGrantsMayInsertAndReadButNotUpdateDeleteOrTruncate() throws SQLException {
        String url = (String) TestDatabaseEnvironmentPostProcessor.database().get("spring.datasource.url");
        String schema = jdbc.queryForObject("SELECT DATABASE()", String.class);
        String user = "parcours_app_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000000, 0x7fffffff));
        String password = "app-" + user;
        jdbc.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
        try {
            // the grants of docs/decisions/0007 for the audit table
            jdbc.execute("GRANT SELECT, INSERT ON `" + schema + "`.audit_event TO '" + user + "'@'%'");
            try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
                long id = insertRow(st);

                assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_event SET actor = 'nobody' WHERE id = " + id))
                        .isInstanceOf(SQLException.class).hasMessageContaining("UPDATE command denied");
                assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_event WHERE id = " + id))
                        .isInstanceOf(SQLException.class).hasMessageContaining("DELETE command denied");
                assertThatThrownBy(() -> st.executeUpdate("TRUNCATE TABLE audit_event"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("DROP command denied");
                try (var rs = st.executeQuery("SELECT actor FROM audit_event WHERE id = " + id)) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("mallory");
                }
            }
        } finally {
            jdbc.execute("DROP USER IF EXISTS '" + user + "'@'%'");
        }
    }
}
