package org.parcours.evaluations;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientSummary;

/**
 * An evaluation opened for display or editing: the client, the exact form version it uses, the
 * shown revision and its answers. A new, not yet saved evaluation has no id.
 *
 * @param lockVersion   the version of the shown revision, for optimistic locking
 * @param editable      whether the shown revision is a draft the user may change
 * @param previous      answers of the client's last measurement with the same form, the newest by measurement date (for comparison)
 * @param previousDate  when that previous evaluation was measured (noon UTC of its measurement date, else its submission time)
 * @param prefilled     paths whose answer was taken from the previous evaluation
 */
public record EvaluationDetails(Optional<Long> id, ClientSummary client, PublishedForm form, EvaluationStatus status,
                                int revisionNumber, Map<String, String> answers, Optional<String> createdBy,
                                Optional<Instant> updatedAt, long lockVersion, boolean editable, List<RevisionSummary> revisions,
                                Map<String, String> previous, Optional<Instant> previousDate, Set<String> prefilled) {

    public EvaluationDetails {
        answers = Map.copyOf(answers);
        revisions = List.copyOf(revisions);
        previous = Map.copyOf(previous);
        prefilled = Set.copyOf(prefilled);
    }

    /** The revision being shown, from the history. */
    public Optional<RevisionSummary> revision() {
        return revisions.stream().filter(r -> r.number() == revisionNumber).findFirst();
    }
}
