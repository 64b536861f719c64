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
import org.parcours.submissions.SubmissionStorage;
import org.parcours.submissions.SubmissionStore;
import org.parcours.submissions.SubmittedForm;
import org.springframework.stereotype.Component;

/** CASU aid requests as submissions: each submitted request with its answers, from the submission storage. */
@Component
class AidSubmissions implements SubmissionStore {

    private final AidService aid;
    private final FormCatalog catalog;
    private final SubmissionStorage storage;

    AidSubmissions(AidService aid, FormCatalog catalog, SubmissionStorage storage) {
        this.storage = storage;
        this.aid = aid;
        this.catalog = catalog;
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
        for (AidService.Request r : aid.submittedOfClients(clientIds)) {
            if (versions.contains(r.formVersionId())) {
                found.computeIfAbsent(r.clientId(), k -> new ArrayList<>()).addFirst(new SubmittedForm(SubmissionKind.AID_REQUEST,
                        r.id(), r.clientId(), r.formVersionId(), 1, r.text().submittedAt().orElseThrow(), r.text().submittedBy().orElseThrow(),
                        r.text().answers()));
            }
        }
        found.replaceAll((k, v) -> List.copyOf(v));
        return found;
    }

    @Override
    public int countAnswering(String formKey, String itemId, Optional<String> option) {
        return aid.countAnswering(catalog.versionIds(formKey), itemId, option);
    }

    @Override
    public int countAnswersAt(long clientId, String formKey, Set<String> itemIds) {
        return storage.countAnswersAt(kind(), clientId, catalog.versionIds(formKey), itemIds);
    }

    @Override
    public int eraseAnswersAt(long clientId, String formKey, Set<String> itemIds) {
        return storage.eraseAnswersAt(kind(), clientId, catalog.versionIds(formKey), itemIds);
    }
}
