package org.parcours.submissions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to read filled forms of any kind: exports, the API and the studio's counts ask here,
 * for every form including the CASU and MASP ones. A form's kind is the kind of the feature whose
 * workflow it drives (the policy names the CASU and MASP forms), an evaluation otherwise; its
 * submissions are those of every kind made with it (a form may also have been filled as a plain
 * evaluation, e.g. through the API).
 */
@Service
public class Submissions {

    private final List<SubmissionStore> stores;

    Submissions(List<SubmissionStore> stores) {
        this.stores = List.copyOf(stores);
    }

    /** The kind of the form: the workflow it drives. */
    public SubmissionKind kindOf(String formKey) {
        return stores.stream().filter(s -> s.kind() != SubmissionKind.EVALUATION && s.holds(formKey)).findFirst()
                .map(SubmissionStore::kind).orElse(SubmissionKind.EVALUATION);
    }

    /**
     * Per client (in the order given), the submitted forms of {@code formKey} of every kind, newest
     * first. No access check: pass the clients the user may see.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<SubmittedForm>> submittedOfClients(Collection<Long> clientIds, String formKey) {
        if (clientIds.isEmpty()) {
            return Map.of();
        }
        List<Map<Long, List<SubmittedForm>>> found = holding(formKey).stream().map(s -> s.submittedOfClients(clientIds, formKey)).toList();
        Map<Long, List<SubmittedForm>> ordered = new LinkedHashMap<>();
        for (Long id : clientIds) {
            List<SubmittedForm> own = new ArrayList<>();
            found.forEach(f -> own.addAll(f.getOrDefault(id, List.of())));
            if (!own.isEmpty()) {
                if (found.size() > 1) {
                    own.sort(Comparator.comparing(SubmittedForm::submittedAt, Comparator.nullsLast(Comparator.reverseOrder())));
                }
                ordered.put(id, List.copyOf(own));
            }
        }
        return ordered;
    }

    /** How many stored submissions of the form, of every kind, hold an answer to the item (holding the option, if given). */
    @Transactional(readOnly = true)
    public int countAnswering(String formKey, String itemId, Optional<String> option) {
        return holding(formKey).stream().mapToInt(s -> s.countAnswering(formKey, itemId, option)).sum();
    }

    // ---- retention and erasure (docs/privacy.md): no access check, the callers are the privacy module's

    /** How many stored answers of the client's submissions of the form, of every kind, lie at these items. */
    @Transactional(readOnly = true)
    public int countAnswersAt(long clientId, String formKey, Set<String> itemIds) {
        return itemIds.isEmpty() ? 0 : holding(formKey).stream().mapToInt(s -> s.countAnswersAt(clientId, formKey, itemIds)).sum();
    }

    /** Deletes those answers from every kind's tables; returns how many were deleted. */
    @Transactional
    public int eraseAnswersAt(long clientId, String formKey, Set<String> itemIds) {
        return itemIds.isEmpty() ? 0 : holding(formKey).stream().mapToInt(s -> s.eraseAnswersAt(clientId, formKey, itemIds)).sum();
    }

    /** Per client, the latest end of an ended submission of the form (a contract's end). */
    @Transactional(readOnly = true)
    public Map<Long, java.time.LocalDate> endedOfClients(String formKey) {
        Map<Long, java.time.LocalDate> ended = new java.util.HashMap<>();
        holding(formKey).forEach(s -> s.endedOfClients(formKey).forEach((client, date) -> ended.merge(client, date,
                (a, b) -> a.isAfter(b) ? a : b)));
        return ended;
    }

    private List<SubmissionStore> holding(String formKey) {
        return stores.stream().filter(s -> s.holds(formKey)).toList();
    }
}
