package org.parcours.evaluations;

import java.util.Collection;
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

/** Evaluations as submissions: the latest submitted revision of each, over this feature's tables. */
@Component
class EvaluationSubmissions implements SubmissionStore {

    private final EvaluationService evaluations;
    private final FormCatalog catalog;
    private final SubmissionStorage storage;

    EvaluationSubmissions(EvaluationService evaluations, FormCatalog catalog, SubmissionStorage storage) {
        this.storage = storage;
        this.evaluations = evaluations;
        this.catalog = catalog;
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
        return evaluations.countAnswering(catalog.versionIds(formKey), itemId, option);
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
