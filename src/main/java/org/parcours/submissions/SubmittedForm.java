package org.parcours.submissions;

import java.time.Instant;
import java.util.Map;

/**
 * The answers of one submission as they stand for readers: for an evaluation its latest submitted
 * revision, for an aid request the submitted request, for a contract its latest signed text.
 *
 * @param revision the evaluation's revision, 1 for an aid request, the contract's text number
 */
public record SubmittedForm(SubmissionKind kind, long id, long clientId, long formVersionId, int revision, Instant submittedAt,
                            String submittedBy, Map<String, String> answers) {

    public SubmittedForm {
        answers = Map.copyOf(answers);
    }
}
