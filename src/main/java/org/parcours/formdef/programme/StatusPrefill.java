package org.parcours.formdef.programme;

import java.util.Map;
import java.util.Optional;

/**
 * A form answer that records the client's status ({@code prefill-from-status:} in a programme):
 * a new submission of the programme's form starts with the option the status stands for.
 *
 * @param itemId the top-level choice item of the programme's form
 * @param answerByStatus the option code per status as the declarations write it ({@code followed}, {@code social-only})
 */
public record StatusPrefill(String itemId, Map<String, String> answerByStatus) {

    public StatusPrefill {
        answerByStatus = Map.copyOf(answerByStatus);
    }

    /** The answer a client of this status starts with; none for a status the programme does not map. */
    public Optional<String> answerFor(String status) {
        return Optional.ofNullable(answerByStatus.get(status));
    }
}
