package org.parcours.evaluations;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.parcours.catalog.FormCatalog;
import org.parcours.submissions.SubmissionKind;
import org.parcours.submissions.SubmissionStore;
import org.parcours.submissions.SubmittedForm;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Evaluations as submissions: the latest submitted revision of each, over this feature's tables. */
@Component
class EvaluationSubmissions implements SubmissionStore {

    private final EvaluationService evaluations;
    private final FormCatalog catalog;
    private final JdbcTemplate jdbc;

    EvaluationSubmissions(EvaluationService evaluations, FormCatalog catalog, JdbcTemplate jdbc) {
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    @Override
    public SubmissionKind kind() {
        return SubmissionKind.EVALUATION;
    }

    @Override
    public boolean holds(String formKey) {
        return true;
    }

    @Override
    public Map<Long, List<SubmittedForm>> submittedOfClients(Collection<Long> clientIds, String formKey) {
        Map<Long, List<SubmittedForm>> found = new LinkedHashMap<>();
        evaluations.measurementsOfClients(clientIds, formKey).forEach((clientId, measurements) -> found.put(clientId,
                measurements.stream().map(m -> new SubmittedForm(SubmissionKind.EVALUATION, m.evaluationId(), clientId, m.formVersionId(),
                        m.revisionNumber(), m.submittedAt(), m.submittedBy(), m.answers())).toList()));
        return found;
    }

    @Override
    public int countAnswering(String formKey, String itemId, Optional<String> option) {
        List<Long> versions = catalog.versionIds(formKey);
        if (versions.isEmpty()) {
            return 0;
        }
        String in = String.join(",", versions.stream().map(v -> "?").toList());
        List<Object> args = new java.util.ArrayList<>(versions);
        args.add(itemId);
        args.add(itemId);
        String select = "SELECT COUNT(DISTINCT r.evaluation_id) FROM evaluation_answer a JOIN evaluation_revision r ON r.id = a.revision_id "
                + "JOIN evaluation e ON e.id = r.evaluation_id "
                + "WHERE e.form_version_id IN (" + in + ") AND (a.item_id = ? OR a.item_id LIKE CONCAT('%.', ?))";
        if (option.isPresent()) {
            select += " AND (a.answer_value = ? OR FIND_IN_SET(?, a.answer_value) > 0)";
            args.add(option.get());
            args.add(option.get());
        }
        Integer count = jdbc.queryForObject(select, Integer.class, args.toArray());
        return count == null ? 0 : count;
    }

    @Override
    public int countAnswersAt(long clientId, String formKey, Set<String> itemIds) {
        return answersAt("SELECT COUNT(*) FROM evaluation_answer a JOIN evaluation_revision r ON r.id = a.revision_id JOIN evaluation e ON e.id = r.evaluation_id", clientId, formKey, itemIds);
    }

    @Override
    public int eraseAnswersAt(long clientId, String formKey, Set<String> itemIds) {
        return answersAt("DELETE a FROM evaluation_answer a JOIN evaluation_revision r ON r.id = a.revision_id JOIN evaluation e ON e.id = r.evaluation_id", clientId, formKey, itemIds);
    }

    /** Runs the statement over the client's answers at the items (and in their repeat rows), for every version of the form. */
    private int answersAt(String statement, long clientId, String formKey, Set<String> itemIds) {
        List<Long> formVersions = catalog.versionIds(formKey);
        if (formVersions.isEmpty() || itemIds.isEmpty()) {
            return 0;
        }
        List<Object> args = new java.util.ArrayList<>(formVersions);
        args.add(clientId);
        StringBuilder items = new StringBuilder();
        for (String item : itemIds) {
            items.append(items.isEmpty() ? "" : " OR ").append("a.item_id = ? OR a.item_id LIKE CONCAT('%.', ?)");
            args.add(item);
            args.add(item);
        }
        String sql = statement + " WHERE e.form_version_id IN (" + String.join(",", formVersions.stream().map(v -> "?").toList())
                + ") AND e.client_id = ? AND (" + items + ")";
        return sql.startsWith("DELETE") ? jdbc.update(sql, args.toArray()) : java.util.Objects.requireNonNullElse(jdbc.queryForObject(sql, Integer.class, args.toArray()), 0);
    }
}
