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
import org.parcours.submissions.SubmissionStorage;
import org.parcours.submissions.SubmissionStore;
import org.parcours.submissions.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * MASP contracts as submissions: each contract's latest signed text (the contract or its latest
 * signed avenant), from the submission storage. A contract not signed yet is a draft: not listed.
 */
@Component
class ContractSubmissions implements SubmissionStore {

    private final ContractService service;
    private final FormCatalog catalog;
    private final SubmissionStorage storage;

    ContractSubmissions(ContractService service, FormCatalog catalog, SubmissionStorage storage) {
        this.storage = storage;
        this.service = service;
        this.catalog = catalog;
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
        for (ContractService.SignedText t : service.latestSignedOfClients(clientIds)) {
            if (formVersions.contains(t.submission().formVersionId())) {
                found.computeIfAbsent(t.submission().clientId(), k -> new ArrayList<>()).add(new SubmittedForm(SubmissionKind.CONTRACT,
                        t.contractId(), t.submission().clientId(), t.submission().formVersionId(), t.text().number(),
                        t.text().submittedAt().orElseThrow(), t.text().submittedBy().orElseThrow(), t.text().answers()));
            }
        }
        found.replaceAll((k, v) -> List.copyOf(v));
        return found;
    }

    @Override
    public int countAnswering(String formKey, String itemId, Optional<String> option) {
        return service.countAnswering(catalog.versionIds(formKey), itemId, option);
    }

    @Override
    public int countAnswersAt(long clientId, String formKey, Set<String> itemIds) {
        return storage.countAnswersAt(kind(), clientId, catalog.versionIds(formKey), itemIds);
    }

    @Override
    public int eraseAnswersAt(long clientId, String formKey, Set<String> itemIds) {
        return storage.eraseAnswersAt(kind(), clientId, catalog.versionIds(formKey), itemIds);
    }

    @Override
    public Map<Long, java.time.LocalDate> endedOfClients(String formKey) {
        Map<Long, java.time.LocalDate> ended = new java.util.HashMap<>();
        Set<Long> formVersions = new HashSet<>(catalog.versionIds(formKey));
        if (formVersions.isEmpty()) {
            return ended;
        }
        Map<Long, java.time.LocalDate> endOfSubmission = service.endsOfContracts();
        for (var submission : storage.findAll(kind(), endOfSubmission.keySet())) {
            if (formVersions.contains(submission.formVersionId())) {
                ended.merge(submission.clientId(), endOfSubmission.get(submission.id()), (x, y) -> x.isAfter(y) ? x : y);
            }
        }
        return ended;
    }
}
