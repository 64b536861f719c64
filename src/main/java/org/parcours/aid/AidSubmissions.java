package org.parcours.aid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
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

/** CASU aid requests as submissions: each submitted request with its answers, over this feature's tables. */
@Component
class AidSubmissions implements SubmissionStore {

    private final AidRequestRepository requests;
    private final AidService aid;
    private final FormCatalog catalog;
    private final JdbcTemplate jdbc;

    AidSubmissions(AidRequestRepository requests, AidService aid, FormCatalog catalog, JdbcTemplate jdbc) {
        this.requests = requests;
        this.aid = aid;
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    @Override
    public SubmissionKind kind() {
        return SubmissionKind.AID_REQUEST;
    }

    @Override
    public boolean holds(String formKey) {
        return aid.formKey().equals(formKey);
    }

    @Override
    public Map<Long, List<SubmittedForm>> submittedOfClients(Collection<Long> clientIds, String formKey) {
        Set<Long> versions = new HashSet<>(catalog.versionIds(formKey));
        Map<Long, List<SubmittedForm>> found = new LinkedHashMap<>();
        for (AidRequest r : requests.findByClientIdInAndSubmittedTrueOrderBySubmittedAtAsc(clientIds)) {
            if (versions.contains(r.getFormVersionId())) {
                found.computeIfAbsent(r.getClientId(), k -> new ArrayList<>()).addFirst(new SubmittedForm(SubmissionKind.AID_REQUEST,
                        r.getId(), r.getClientId(), r.getFormVersionId(), 1, r.getSubmittedAt(), r.getSubmittedBy(), r.getAnswers()));
            }
        }
        found.replaceAll((k, v) -> List.copyOf(v));
        return found;
    }

    @Override
    public int countAnswering(String formKey, String itemId, Optional<String> option) {
        List<Long> versions = catalog.versionIds(formKey);
        if (versions.isEmpty()) {
            return 0;
        }
        String in = String.join(",", versions.stream().map(v -> "?").toList());
        List<Object> args = new ArrayList<>(versions);
        args.add(itemId);
        args.add(itemId);
        String select = "SELECT COUNT(DISTINCT r.id) FROM aid_request_answer a JOIN aid_request r ON r.id = a.request_id "
                + "WHERE r.form_version_id IN (" + in + ") AND (a.item_id = ? OR a.item_id LIKE CONCAT('%.', ?))";
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
        return answersAt("SELECT COUNT(*) FROM aid_request_answer a JOIN aid_request r ON r.id = a.request_id", clientId, formKey, itemIds);
    }

    @Override
    public int eraseAnswersAt(long clientId, String formKey, Set<String> itemIds) {
        return answersAt("DELETE a FROM aid_request_answer a JOIN aid_request r ON r.id = a.request_id", clientId, formKey, itemIds);
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
        String sql = statement + " WHERE r.form_version_id IN (" + String.join(",", formVersions.stream().map(v -> "?").toList())
                + ") AND r.client_id = ? AND (" + items + ")";
        return sql.startsWith("DELETE") ? jdbc.update(sql, args.toArray()) : java.util.Objects.requireNonNullElse(jdbc.queryForObject(sql, Integer.class, args.toArray()), 0);
    }
}
