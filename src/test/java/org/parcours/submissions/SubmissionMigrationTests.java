package org.parcours.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.testsupport.TestDatabaseEnvironmentPostProcessor;

/**
 * The move of evaluations, CASU aid requests and MASP contracts into the one submission storage
 * (decision 0017), on a real MariaDB: a fresh schema is migrated up to the version before the
 * move, filled through SQL in the old shape (revisions and amendments, scheme decisions, contract
 * texts and avenants, accents and emoji, 4000-character answers, repeats with empty rows, ids with
 * gaps), then migrated to the latest version. Every answer of every revision, every who and when,
 * and every lifecycle row must be found again, pointing at the same rows.
 */
class SubmissionMigrationTests {

    private static final String SERVER = System.getenv().getOrDefault("PARCOURS_TEST_DB_URL", "jdbc:mariadb://127.0.0.1:3306/");
    private static final String USER = System.getenv().getOrDefault("PARCOURS_TEST_DB_USER", "root");
    private static final String PASSWORD = System.getenv().getOrDefault("PARCOURS_TEST_DB_PASSWORD", "");
    private static final String LONG = "é".repeat(1000) + "x".repeat(2999) + "✓";

    private String schema;
    private Connection db;

    @BeforeEach
    void oldSchema() throws SQLException {
        schema = TestDatabaseEnvironmentPostProcessor.newSchemaName();
        try (Connection server = TestDatabaseEnvironmentPostProcessor.serverConnection(); Statement st = server.createStatement()) {
            st.execute("CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        flyway().target("0025").load().migrate();
        db = DriverManager.getConnection(SERVER + schema, USER, PASSWORD);
    }

    @AfterEach
    void drop() throws SQLException {
        db.close();
        try (Connection server = TestDatabaseEnvironmentPostProcessor.serverConnection(); Statement st = server.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS `" + schema + "`");
        }
    }

    @Test
    void everyEvaluationRevisionAnswerAndAuthorSurvivesTheMove() throws SQLException {
        fillOldSchema();
        List<List<String>> evaluations = rows("""
                SELECT e.id, e.client_id, e.form_version_id, e.status, e.created_at, e.created_by, e.updated_at, e.updated_by, e.version
                FROM evaluation e ORDER BY e.id""");
        List<List<String>> revisions = rows("""
                SELECT r.id, r.evaluation_id, r.revision_number, r.status, r.reason, r.created_at, r.created_by, r.updated_at, r.updated_by,
                       r.submitted_at, r.submitted_by, r.version
                FROM evaluation_revision r ORDER BY r.id""");
        List<List<String>> answers = rows("""
                SELECT r.evaluation_id, r.revision_number, a.item_id, a.answer_value
                FROM evaluation_answer a JOIN evaluation_revision r ON r.id = a.revision_id ORDER BY r.evaluation_id, r.revision_number, a.item_id""");
        assertThat(evaluations).hasSize(5);
        assertThat(revisions).hasSize(9);
        assertThat(answers).hasSize(17);

        flyway().load().migrate();

        assertThat(rows("""
                SELECT s.id, s.client_id, s.form_version_id,
                       CASE WHEN r.status = 'SUBMITTED' THEN 'SUBMITTED' WHEN r.revision_number = 1 THEN 'DRAFT' ELSE 'AMENDING' END,
                       s.created_at, s.created_by, s.updated_at, s.updated_by, s.version
                FROM submission s JOIN submission_revision r ON r.submission_id = s.id
                WHERE s.kind = 'EVALUATION'
                  AND r.revision_number = (SELECT MAX(r2.revision_number) FROM submission_revision r2 WHERE r2.submission_id = s.id)
                ORDER BY s.id""")).isEqualTo(evaluations);
        assertThat(rows("""
                SELECT r.id, r.submission_id, r.revision_number, r.status, r.reason, r.created_at, r.created_by, r.updated_at, r.updated_by,
                       r.submitted_at, r.submitted_by, r.version
                FROM submission_revision r JOIN submission s ON s.id = r.submission_id WHERE s.kind = 'EVALUATION' ORDER BY r.id"""))
                .isEqualTo(revisions);
        assertThat(rows("""
                SELECT r.submission_id, r.revision_number, a.item_id, a.answer_value
                FROM submission_answer a JOIN submission_revision r ON r.id = a.revision_id JOIN submission s ON s.id = r.submission_id
                WHERE s.kind = 'EVALUATION' ORDER BY r.submission_id, r.revision_number, a.item_id""")).isEqualTo(answers);
        assertThat(tables()).doesNotContain("evaluation", "evaluation_revision", "evaluation_answer");

        // new submissions and revisions take ids the old tables never gave (audit rows name them)
        update("INSERT INTO submission (kind, client_id, form_version_id, created_at, created_by, updated_at, updated_by, version) "
                + "VALUES ('EVALUATION', 1, 1, NOW(), 'w', NOW(), 'w', 0)");
        assertThat(Long.parseLong(rows("SELECT MAX(id) FROM submission").getFirst().getFirst())).isGreaterThanOrEqualTo(40);
    }

    @Test
    void everyAidRequestAnswerAndSchemeDecisionSurvivesTheMove() throws SQLException {
        fillOldSchema();
        List<List<String>> requests = rows("""
                SELECT id, client_id, form_version_id, IF(submitted, 1, 0), submitted_at, submitted_by, created_at, created_by, updated_at, updated_by,
                       version
                FROM aid_request ORDER BY id""");
        List<List<String>> answers = rows("SELECT request_id, item_id, answer_value FROM aid_request_answer ORDER BY request_id, item_id");
        List<List<String>> schemes = rows("SELECT * FROM aid_scheme_request ORDER BY id");
        assertThat(requests).hasSize(3);
        assertThat(answers).hasSize(10);
        assertThat(schemes).hasSize(4);

        flyway().load().migrate();

        assertThat(rows("""
                SELECT q.id, s.client_id, s.form_version_id, IF(r.status = 'SUBMITTED', 1, 0), r.submitted_at, r.submitted_by,
                       s.created_at, s.created_by, s.updated_at, s.updated_by, r.version
                FROM aid_request q JOIN submission s ON s.id = q.submission_id JOIN submission_revision r ON r.submission_id = s.id
                WHERE s.kind = 'AID_REQUEST' AND r.revision_number = 1 ORDER BY q.id""")).isEqualTo(requests);
        assertThat(rows("SELECT COUNT(*) FROM submission_revision r JOIN submission s ON s.id = r.submission_id WHERE s.kind = 'AID_REQUEST'"))
                .isEqualTo(List.of(List.of("3")));
        assertThat(rows("""
                SELECT q.id, a.item_id, a.answer_value
                FROM aid_request q JOIN submission_revision r ON r.submission_id = q.submission_id JOIN submission_answer a ON a.revision_id = r.id
                ORDER BY q.id, a.item_id""")).isEqualTo(answers);
        assertThat(rows("SELECT * FROM aid_scheme_request ORDER BY id")).isEqualTo(schemes);
        assertThat(rows("SELECT COUNT(*) FROM aid_scheme_request d JOIN aid_request q ON q.id = d.request_id")).isEqualTo(List.of(List.of("4")));
        assertThat(tables()).doesNotContain("aid_request_answer");
        // the evaluations' ids are still theirs
        assertThat(rows("SELECT COUNT(*) FROM submission WHERE kind = 'EVALUATION' AND id IN (1, 2, 3, 5, 7)")).isEqualTo(List.of(List.of("5")));
    }

    @Test
    void everyContractTextAnswerAndLifecycleSurvivesTheMove() throws SQLException {
        fillOldSchema();
        List<List<String>> contracts = rows("""
                SELECT id, client_id, form_version_id, previous_contract_id, status, level, start_date, duration_months, end_date, signed_on,
                       notified_on, evaluated_on, evaluated_by, evaluation_text, ended_on, end_outcome, end_note, created_at, created_by,
                       updated_at, updated_by, version
                FROM masp_contract ORDER BY id""");
        List<List<String>> texts = rows("""
                SELECT contract_id, version_number, status, reason, signed_on, created_at, created_by, updated_at, updated_by, version,
                       IF(status = 'SIGNED', updated_at, NULL), IF(status = 'SIGNED', updated_by, NULL)
                FROM masp_contract_version ORDER BY contract_id, version_number""");
        List<List<String>> answers = rows("""
                SELECT v.contract_id, v.version_number, a.item_id, a.answer_value
                FROM masp_contract_answer a JOIN masp_contract_version v ON v.id = a.version_id ORDER BY v.contract_id, v.version_number, a.item_id""");
        List<List<String>> results = rows("SELECT * FROM masp_contract_objective_result ORDER BY contract_id, objective_no");
        List<List<String>> escalations = rows("SELECT * FROM masp_escalation ORDER BY id");
        assertThat(contracts).hasSize(4);
        assertThat(texts).hasSize(6);
        assertThat(answers).hasSize(12);
        assertThat(results).hasSize(2);
        assertThat(escalations).hasSize(1);

        flyway().load().migrate();

        assertThat(rows("""
                SELECT c.id, s.client_id, s.form_version_id, c.previous_contract_id, c.status, c.level, c.start_date, c.duration_months,
                       c.end_date, c.signed_on, c.notified_on, c.evaluated_on, c.evaluated_by, c.evaluation_text, c.ended_on, c.end_outcome,
                       c.end_note, s.created_at, s.created_by, s.updated_at, s.updated_by, c.version
                FROM masp_contract c JOIN submission s ON s.id = c.submission_id WHERE s.kind = 'CONTRACT' ORDER BY c.id""")).isEqualTo(contracts);
        assertThat(rows("""
                SELECT c.id, r.revision_number, IF(r.status = 'SUBMITTED', 'SIGNED', 'DRAFT'), r.reason, g.signed_on, r.created_at, r.created_by,
                       r.updated_at, r.updated_by, r.version, r.submitted_at, r.submitted_by
                FROM masp_contract c JOIN submission_revision r ON r.submission_id = c.submission_id
                  LEFT JOIN masp_contract_signature g ON g.revision_id = r.id
                ORDER BY c.id, r.revision_number""")).isEqualTo(texts);
        assertThat(rows("""
                SELECT c.id, r.revision_number, a.item_id, a.answer_value
                FROM masp_contract c JOIN submission_revision r ON r.submission_id = c.submission_id JOIN submission_answer a ON a.revision_id = r.id
                ORDER BY c.id, r.revision_number, a.item_id""")).isEqualTo(answers);
        assertThat(rows("SELECT * FROM masp_contract_objective_result ORDER BY contract_id, objective_no")).isEqualTo(results);
        assertThat(rows("SELECT * FROM masp_escalation ORDER BY id")).isEqualTo(escalations);
        assertThat(tables()).doesNotContain("masp_contract_version", "masp_contract_answer");
        // every kind's submissions are distinct rows: nothing was merged into another's
        assertThat(rows("SELECT kind, COUNT(*) FROM submission GROUP BY kind ORDER BY kind"))
                .isEqualTo(List.of(List.of("AID_REQUEST", "3"), List.of("CONTRACT", "4"), List.of("EVALUATION", "5")));
    }

    // ---- the old schema's rows

    private void fillOldSchema() throws SQLException {
        update("INSERT INTO team (id, name) VALUES (1, 'Équipe nord')");
        update("INSERT INTO client (id, first_name, last_name, birth_date, team_id, created_at, created_by, version) VALUES "
                + "(1, 'Zoë', 'Dupont-Ñúñez', '1980-02-29', 1, '2026-01-01 08:00:00', 'admin', 0), "
                + "(2, '李', 'Smet 🙂', '1975-06-01', 1, '2026-01-01 08:00:00', 'admin', 0)");
        update("INSERT INTO form_version (id, form_key, version_number, content_hash, definition, published_at) VALUES "
                + "(1, 'imasp', 1, REPEAT('a', 64), 'key: imasp', '2026-01-01 00:00:00'), "
                + "(2, 'imasp', 2, REPEAT('b', 64), 'key: imasp', '2026-02-01 00:00:00'), "
                + "(3, 'casu', 1, REPEAT('c', 64), 'key: casu', '2026-01-01 00:00:00'), "
                + "(4, 'masp-contract', 1, REPEAT('d', 64), 'key: masp-contract', '2026-01-01 00:00:00')");
        // evaluations with gaps in their ids (4 and 6 were never kept) and a counter already past them
        update("INSERT INTO evaluation (id, client_id, form_version_id, status, created_at, created_by, updated_at, updated_by, version) VALUES "
                + "(1, 1, 1, 'SUBMITTED', '2026-01-10 09:00:00.123456', 'w.north', '2026-01-10 10:00:00', 'w.north', 2), "
                + "(2, 1, 2, 'AMENDING', '2026-02-10 09:00:00', 'w.north', '2026-03-01 11:00:00', 'w.other', 4), "
                + "(3, 2, 1, 'SUBMITTED', '2026-01-11 09:00:00', 'w.south', '2026-04-01 12:00:00', 'w.south', 7), "
                + "(5, 2, 2, 'DRAFT', '2026-05-01 09:00:00', 'w.south', '2026-05-01 09:30:00', 'w.south', 1), "
                + "(7, 1, 2, 'SUBMITTED', '2026-06-01 09:00:00', 'w.north', '2026-06-01 09:10:00', 'w.north', 1)");
        update("ALTER TABLE evaluation AUTO_INCREMENT = 40");
        update("INSERT INTO evaluation_revision (id, evaluation_id, revision_number, status, reason, created_at, created_by, updated_at, "
                + "updated_by, submitted_at, submitted_by, version) VALUES "
                + "(1, 1, 1, 'SUBMITTED', NULL, '2026-01-10 09:00:00.123456', 'w.north', '2026-01-10 10:00:00', 'w.north', '2026-01-10 10:00:00', 'w.north', 3), "
                + "(2, 2, 1, 'SUBMITTED', NULL, '2026-02-10 09:00:00', 'w.north', '2026-02-11 09:00:00', 'w.north', '2026-02-11 09:00:00', 'w.north', 2), "
                + "(3, 3, 1, 'SUBMITTED', NULL, '2026-01-11 09:00:00', 'w.south', '2026-01-12 09:00:00', 'w.south', '2026-01-12 09:00:00', 'w.south', 1), "
                + "(4, 2, 2, 'DRAFT', 'Hospitalisation signalée après coup — « oubli »', '2026-03-01 10:00:00', 'w.other', '2026-03-01 11:00:00', 'w.other', NULL, NULL, 5), "
                + "(6, 3, 2, 'SUBMITTED', 'Erreur de saisie', '2026-02-01 09:00:00', 'w.south', '2026-02-02 09:00:00', 'w.south', '2026-02-02 09:00:00', 'w.south', 1), "
                + "(8, 3, 3, 'SUBMITTED', '" + "r".repeat(2000) + "', '2026-04-01 09:00:00', 'w.south', '2026-04-01 12:00:00', 'w.south', '2026-04-01 12:00:00', 'w.south', 1), "
                + "(9, 5, 1, 'DRAFT', NULL, '2026-05-01 09:00:00', 'w.south', '2026-05-01 09:30:00', 'w.south', NULL, NULL, 1), "
                + "(10, 7, 1, 'SUBMITTED', NULL, '2026-06-01 09:00:00', 'w.north', '2026-06-01 09:10:00', 'w.north', '2026-06-01 09:10:00', 'w.north', 0), "
                + "(11, 1, 2, 'SUBMITTED', 'Deuxième avis', '2026-01-20 09:00:00', 'w.north', '2026-01-20 10:00:00', 'w.north', '2026-01-20 10:00:00', 'w.north', 1)");
        update("ALTER TABLE evaluation_revision AUTO_INCREMENT = 60");
        PreparedStatement answer = db.prepareStatement("INSERT INTO evaluation_answer (revision_id, item_id, answer_value) VALUES (?, ?, ?)");
        Object[][] rows = {
                {1, "illness", "B"}, {1, "comment", "Premier entretien 🙂 — ça va"}, {1, "notes", LONG},
                {2, "illness", "A"}, {2, "household", "3"}, {2, "household.1.name", "Ana"}, {2, "household.3.name", "李"},
                {4, "illness", "C"}, {4, "household", "3"},
                {3, "homeless", "C"}, {6, "homeless", "B"}, {8, "homeless", "A"}, {8, "languages", "fr,nl,en"},
                {10, "illness", " "}, {10, "plan_start", "2026-11-03"},
                {11, "illness", "B"}, {11, "comment", "a'b\"c\\d\n\ttab"}};
        for (Object[] row : rows) {
            answer.setInt(1, (Integer) row[0]);
            answer.setString(2, (String) row[1]);
            answer.setString(3, (String) row[2]);
            answer.addBatch();
        }
        answer.executeBatch();

        // CASU requests: submitted, a draft without answers, submitted with an empty repeat row
        update("INSERT INTO aid_request (id, client_id, form_version_id, submitted, submitted_at, submitted_by, created_at, created_by, "
                + "updated_at, updated_by, version) VALUES "
                + "(1, 1, 3, 1, '2026-03-02 10:00:00', 'w.north', '2026-03-01 09:00:00', 'w.north', '2026-03-02 10:00:00', 'w.north', 4), "
                + "(2, 2, 3, 0, NULL, NULL, '2026-03-05 09:00:00', 'w.south', '2026-03-05 09:00:00', 'w.south', 0), "
                + "(4, 1, 3, 1, '2026-04-02 10:00:00.5', 'w.other', '2026-04-01 09:00:00', 'w.north', '2026-04-02 10:00:00.5', 'w.other', 2)");
        update("ALTER TABLE aid_request AUTO_INCREMENT = 12");
        PreparedStatement aid = db.prepareStatement("INSERT INTO aid_request_answer (request_id, item_id, answer_value) VALUES (?, ?, ?)");
        Object[][] aidRows = {
                {1, "schemes", "2"}, {1, "schemes.1.scheme", "energy"}, {1, "schemes.1.amount", "450.00"}, {1, "schemes.2.scheme", "water"},
                {1, "situation_assessment", LONG},
                {4, "applicant_last_name", "Dupont-Ñúñez"}, {4, "schemes", "3"}, {4, "schemes.1.scheme", "rent"},
                {4, "schemes.3.scheme", "food"}, {4, "schemes.3.detail", "Colis 🥖"}};
        for (Object[] row : aidRows) {
            aid.setInt(1, (Integer) row[0]);
            aid.setString(2, (String) row[1]);
            aid.setString(3, (String) row[2]);
            aid.addBatch();
        }
        aid.executeBatch();
        update("INSERT INTO aid_scheme_request (id, request_id, row_no, scheme_code, scheme_detail, amount_requested, decision, amount_granted, "
                + "decider, decided_on, motivation, updated_at, updated_by, version) VALUES "
                + "(1, 1, 1, 'energy', NULL, 450.00, 'PARTLY_GRANTED', 300.00, 'Comité CPAS', '2026-03-10', 'Plafond « énergie »', '2026-03-10 10:00:00', 'w.north', 1), "
                + "(2, 1, 2, 'water', NULL, NULL, 'PENDING', NULL, NULL, NULL, NULL, '2026-03-02 10:00:00', 'w.north', 0), "
                + "(3, 4, 1, 'rent', NULL, 800.00, 'GRANTED', 800.00, 'Président', '2026-04-05', NULL, '2026-04-05 10:00:00', 'w.other', 1), "
                + "(5, 4, 3, 'food', 'Colis 🥖', 50.00, 'REFUSED', NULL, 'Comité', '2026-04-06', 'Hors barème', '2026-04-06 10:00:00', 'w.other', 2)");

        // MASP contracts: renewed after an avenant, its renewal in draft, a signed one with an avenant open, an ended one
        update("INSERT INTO masp_contract (id, client_id, form_version_id, previous_contract_id, status, level, start_date, duration_months, "
                + "end_date, signed_on, notified_on, evaluated_on, evaluated_by, evaluation_text, ended_on, end_outcome, end_note, created_at, "
                + "created_by, updated_at, updated_by, version) VALUES "
                + "(1, 1, 4, NULL, 'RENEWED', '2', '2026-01-01', 6, '2026-06-30', '2025-12-20', '2025-12-22', '2026-06-01', 'w.north', '"
                + "o".repeat(4000) + "', NULL, NULL, NULL, '2025-12-01 09:00:00', 'w.north', '2026-06-02 09:00:00', 'w.north', 9), "
                + "(2, 1, 4, 1, 'DRAFT', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2026-06-02 09:00:00', 'w.north', "
                + "'2026-06-02 09:05:00', 'w.other', 1), "
                + "(3, 2, 4, NULL, 'SIGNED', '1', '2026-02-01', 12, '2027-01-31', '2026-01-25', NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
                + "'2026-01-20 09:00:00', 'w.south', '2026-05-01 09:00:00', 'w.south', 4), "
                + "(5, 2, 4, NULL, 'ENDED', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2026-01-10', 'PERSON_WITHDREW', 'Refus d''adhésion', "
                + "'2026-01-05 09:00:00', 'w.south', '2026-01-10 09:00:00', 'w.south', 2)");
        update("ALTER TABLE masp_contract AUTO_INCREMENT = 30");
        update("INSERT INTO masp_contract_version (id, contract_id, version_number, status, reason, signed_on, created_at, created_by, "
                + "updated_at, updated_by, version) VALUES "
                + "(1, 1, 1, 'SIGNED', NULL, '2025-12-20', '2025-12-01 09:00:00', 'w.north', '2025-12-20 15:00:00', 'w.north', 3), "
                + "(2, 1, 2, 'SIGNED', 'Changement de délégué — avenant', '2026-03-01', '2026-02-20 09:00:00', 'w.other', '2026-03-01 11:00:00', 'w.north', 2), "
                + "(3, 2, 1, 'DRAFT', NULL, NULL, '2026-06-02 09:00:00', 'w.north', '2026-06-02 09:05:00', 'w.other', 1), "
                + "(4, 3, 1, 'SIGNED', NULL, '2026-01-25', '2026-01-20 09:00:00', 'w.south', '2026-01-25 10:00:00', 'w.south', 2), "
                + "(6, 3, 2, 'DRAFT', 'Nouvel objectif', NULL, '2026-05-01 09:00:00', 'w.south', '2026-05-01 09:00:00', 'w.south', 0), "
                + "(7, 5, 1, 'DRAFT', NULL, NULL, '2026-01-05 09:00:00', 'w.south', '2026-01-06 09:00:00', 'w.south', 1)");
        PreparedStatement text = db.prepareStatement("INSERT INTO masp_contract_answer (version_id, item_id, answer_value) VALUES (?, ?, ?)");
        Object[][] textRows = {
                {1, "start_date", "2026-01-01"}, {1, "duration", "6"}, {1, "objectives", "2"}, {1, "objectives.1.objective", "Payer le loyer ✓"},
                {2, "start_date", "2026-01-01"}, {2, "duration", "6"}, {2, "objectives.2.objective", LONG},
                {3, "start_date", "2026-07-01"}, {3, "prior_evaluation", "o".repeat(4000)},
                {4, "level", "1"}, {6, "level", "1"}, {6, "objectives", "1"}};
        for (Object[] row : textRows) {
            text.setInt(1, (Integer) row[0]);
            text.setString(2, (String) row[1]);
            text.setString(3, (String) row[2]);
            text.addBatch();
        }
        text.executeBatch();
        update("INSERT INTO masp_contract_objective_result (contract_id, objective_no, result) VALUES (1, 1, 'MET'), (1, 2, 'PARTLY_MET')");
        update("INSERT INTO masp_escalation (id, client_id, contract_id, trigger_kind, detail, unpaid_months, recorded_on, recorded_at, "
                + "recorded_by, agenda_item_id) VALUES (1, 2, 3, 'BREACH', 'Clauses 2 et 3', NULL, '2026-05-02', '2026-05-02 10:00:00', 'w.south', NULL)");
    }

    // ---- helpers

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure().dataSource(SERVER + schema, USER, PASSWORD).locations("classpath:db/migration");
    }

    private void update(String sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private List<String> tables() throws SQLException {
        return rows("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()").stream().map(List::getFirst).toList();
    }

    /** Every row of the query, each value as its text (null as "null"). */
    private List<List<String>> rows(String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(rs.getString(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
