package org.parcours.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The two database users of a production setup (README, docs/security.md): Flyway runs as the
 * schema's owner ({@code spring.flyway.user}); the application connects as a user that may read
 * and write the business tables but only read and append the audit trail, and only read
 * Flyway's history. MariaDB cannot subtract one table from a database-wide grant, so after every
 * migration this callback, on the owner's connection, grants per table to the user named by
 * {@code parcours.database.app-user} (e.g. {@code 'parcours_app'@'%'}); a table added by a later
 * migration is granted at the next start. Unset (tests, the embedded database): nothing is
 * granted. The owner needs the GRANT OPTION on the schema.
 */
@Component
class ApplicationUserGrants implements Callback {

    /** Tables the application may only read and append to. */
    static final Set<String> APPEND_ONLY = Set.of("audit_event");
    /** Tables the application may only read. */
    static final Set<String> READ_ONLY = Set.of("flyway_schema_history");

    private static final Logger log = LoggerFactory.getLogger(ApplicationUserGrants.class);
    /** 'user'@'host' with plain names only: the value is written into GRANT statements. */
    private static final Pattern ACCOUNT = Pattern.compile("'[A-Za-z0-9_.-]{1,80}'@'[A-Za-z0-9_.%:-]{1,255}'");

    private final String appUser;

    ApplicationUserGrants(@Value("${parcours.database.app-user:}") String appUser) {
        this.appUser = appUser.strip();
        if (!this.appUser.isEmpty() && !ACCOUNT.matcher(this.appUser).matches()) {
            throw new IllegalArgumentException("parcours.database.app-user must read 'name'@'host', got " + appUser);
        }
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE && !appUser.isEmpty();
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            List<String> statements = grants(context.getConnection(), appUser);
            log.info("Granted privileges on {} tables to the application's database user {}", statements.size(), appUser);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not grant the application's database user its privileges: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "parcours-application-user-grants";
    }

    /**
     * Grants the application user its privileges on every table of the connection's schema and
     * returns the statements run: SELECT, INSERT, UPDATE, DELETE on business tables; SELECT,
     * INSERT on the audit trail; SELECT on Flyway's history. Nothing else (no DROP, ALTER,
     * TRIGGER): the triggers and the tables stay the owner's.
     */
    static List<String> grants(Connection connection, String account) throws SQLException {
        if (!ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("not an account name: " + account);
        }
        String schema = connection.getCatalog();
        List<String> tables = new ArrayList<>();
        try (var st = connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            st.setString(1, schema);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        List<String> statements = new ArrayList<>();
        for (String table : tables) {
            String privileges = APPEND_ONLY.contains(table) ? "SELECT, INSERT"
                    : READ_ONLY.contains(table) ? "SELECT" : "SELECT, INSERT, UPDATE, DELETE";
            statements.add("GRANT " + privileges + " ON `" + schema.replace("`", "``") + "`.`" + table.replace("`", "``") + "` TO " + account);
        }
        try (Statement st = connection.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        }
        return statements;
    }
}
