package org.parcours.evaluations;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientSummary;

/**
 * An evaluation opened for display or editing: the client, the exact form version it uses and
 * its answers. A new, not yet saved evaluation has no id.
 */
public record EvaluationDetails(Optional<Long> id, ClientSummary client, PublishedForm form, EvaluationStatus status,
                                Map<String, String> answers, Optional<String> createdBy, Optional<Instant> updatedAt,
                                long lockVersion) {

    public EvaluationDetails {
        answers = Map.copyOf(answers);
    }
}
