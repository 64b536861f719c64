package org.parcours.evaluations;

import java.time.Instant;
import java.util.Map;

/**
 * One measurement of a client with a form: the latest submitted revision of one evaluation, with
 * the form version it was made with and its answers (item path to stored value).
 */
public record Measurement(long evaluationId, int revisionNumber, Instant submittedAt, String submittedBy, long formVersionId,
                          Map<String, String> answers) {

    public Measurement {
        answers = Map.copyOf(answers);
    }
}
