package org.parcours.submissions;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to read filled forms of any kind: exports, the API and the studio's counts ask here,
 * for every form including the CASU and MASP ones. A form's submissions are of one kind: the kind
 * of the store that holds it, an evaluation otherwise.
 */
@Service
public class Submissions {

    private final List<SubmissionStore> stores;

    Submissions(List<SubmissionStore> stores) {
        this.stores = List.copyOf(stores);
    }

    /** The kind of the submissions of this form. */
    public SubmissionKind kindOf(String formKey) {
        return store(formKey).map(SubmissionStore::kind).orElse(SubmissionKind.EVALUATION);
    }

    /** Per client (in the order given), the submitted forms of {@code formKey}, newest first. No access check: pass visible clients. */
    @Transactional(readOnly = true)
    public Map<Long, List<SubmittedForm>> submittedOfClients(Collection<Long> clientIds, String formKey) {
        if (clientIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<SubmittedForm>> found = store(formKey).map(s -> s.submittedOfClients(clientIds, formKey)).orElse(Map.of());
        Map<Long, List<SubmittedForm>> ordered = new LinkedHashMap<>();
        clientIds.forEach(id -> {
            List<SubmittedForm> own = found.get(id);
            if (own != null && !own.isEmpty()) {
                ordered.put(id, own);
            }
        });
        return ordered;
    }

    /** How many stored submissions of the form hold an answer to the item (holding the option, if given). */
    @Transactional(readOnly = true)
    public int countAnswering(String formKey, String itemId, Optional<String> option) {
        return store(formKey).map(s -> s.countAnswering(formKey, itemId, option)).orElse(0);
    }

    private Optional<SubmissionStore> store(String formKey) {
        Optional<SubmissionStore> special = stores.stream().filter(s -> s.kind() != SubmissionKind.EVALUATION && s.holds(formKey)).findFirst();
        return special.isPresent() ? special : stores.stream().filter(s -> s.kind() == SubmissionKind.EVALUATION).findFirst();
    }
}
