package org.parcours.contracts;

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

/**
 * MASP contracts as submissions: each contract's latest signed text (the contract or its latest
 * signed avenant), over this feature's tables. A contract not signed yet is a draft: not listed.
 */
@Component
class ContractSubmissions implements SubmissionStore {

    private final MaspContractRepository contracts;
    private final ContractVersionRepository versions;
    private final ContractService service;
    private final FormCatalog catalog;
    private final JdbcTemplate jdbc;

    ContractSubmissions(MaspContractRepository contracts, ContractVersionRepository versions, ContractService service, FormCatalog catalog,
                        JdbcTemplate jdbc) {
        this.contracts = contracts;
        this.versions = versions;
        this.service = service;
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    @Override
    public SubmissionKind kind() {
        return SubmissionKind.CONTRACT;
    }

    @Override
    public boolean holds(String formKey) {
        return service.formKey().equals(formKey);
    }

    @Override
    public Map<Long, List<SubmittedForm>> submittedOfClients(Collection<Long> clientIds, String formKey) {
        Set<Long> formVersions = new HashSet<>(catalog.versionIds(formKey));
        Map<Long, List<SubmittedForm>> found = new LinkedHashMap<>();
        for (MaspContract c : contracts.findByClientIdInOrderByCreatedAtDesc(clientIds)) {
            if (!formVersions.contains(c.getFormVersionId())) {
                continue;
            }
            versions.findByContractIdOrderByNumberAsc(c.getId()).stream().filter(v -> v.getSignedOn() != null)
                    .reduce((first, second) -> second)
                    .ifPresent(v -> found.computeIfAbsent(c.getClientId(), k -> new ArrayList<>()).add(new SubmittedForm(
                            SubmissionKind.CONTRACT, c.getId(), c.getClientId(), c.getFormVersionId(), v.getNumber(), v.getUpdatedAt(),
                            v.getUpdatedBy(), v.getAnswers())));
        }
        found.replaceAll((k, v) -> List.copyOf(v));
        return found;
    }

    @Override
    public int countAnswering(String formKey, String itemId, Optional<String> option) {
        List<Long> formVersions = catalog.versionIds(formKey);
        if (formVersions.isEmpty()) {
            return 0;
        }
        String in = String.join(",", formVersions.stream().map(v -> "?").toList());
        List<Object> args = new ArrayList<>(formVersions);
        args.add(itemId);
        args.add(itemId);
        String select = "SELECT COUNT(DISTINCT c.id) FROM masp_contract_answer a JOIN masp_contract_version t ON t.id = a.version_id "
                + "JOIN masp_contract c ON c.id = t.contract_id "
                + "WHERE c.form_version_id IN (" + in + ") AND (a.item_id = ? OR a.item_id LIKE CONCAT('%.', ?))";
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
        return answersAt("SELECT COUNT(*) FROM masp_contract_answer a JOIN masp_contract_version t ON t.id = a.version_id JOIN masp_contract c ON c.id = t.contract_id", clientId, formKey, itemIds);
    }

    @Override
    public int eraseAnswersAt(long clientId, String formKey, Set<String> itemIds) {
        return answersAt("DELETE a FROM masp_contract_answer a JOIN masp_contract_version t ON t.id = a.version_id JOIN masp_contract c ON c.id = t.contract_id", clientId, formKey, itemIds);
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
        String sql = statement + " WHERE c.form_version_id IN (" + String.join(",", formVersions.stream().map(v -> "?").toList())
                + ") AND c.client_id = ? AND (" + items + ")";
        return sql.startsWith("DELETE") ? jdbc.update(sql, args.toArray()) : java.util.Objects.requireNonNullElse(jdbc.queryForObject(sql, Integer.class, args.toArray()), 0);
    }

    @Override
    public Map<Long, java.time.LocalDate> endedOfClients(String formKey) {
        Map<Long, java.time.LocalDate> ended = new java.util.HashMap<>();
        List<Long> formVersions = catalog.versionIds(formKey);
        if (formVersions.isEmpty()) {
            return ended;
        }
        jdbc.query("SELECT client_id, MAX(COALESCE(ended_on, end_date)) FROM masp_contract WHERE form_version_id IN ("
                        + String.join(",", formVersions.stream().map(v -> "?").toList()) + ") AND (ended_on IS NOT NULL OR end_date IS NOT NULL)"
                        + " GROUP BY client_id",
                rs -> {
                    ended.put(rs.getLong(1), rs.getObject(2, java.time.LocalDate.class));
                }, formVersions.toArray());
        return ended;
    }
}
