package org.parcours.submissions;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a feature shows readers of its kind of submission (which revision counts, which id names
 * it), read through {@link SubmissionStorage}. No access check here: {@link Submissions}' callers
 * pass the clients the user may see.
 */
public interface SubmissionStore {

    SubmissionKind kind();

    /**
     * Whether this store may hold submissions of the form: for the CASU and MASP stores the form the
     * policy names, for evaluations any form.
     */
    boolean holds(String formKey);

    /** Per client, the submitted forms of {@code formKey} (any version), newest first. */
    Map<Long, List<SubmittedForm>> submittedOfClients(Collection<Long> clientIds, String formKey);

    /**
     * How many submissions of {@code formKey} (any version, draft or submitted, any revision or
     * text) hold an answer to {@code itemId} (also as {@code repeat.N.itemId}); with {@code option},
     * only answers holding that option code.
     */
    int countAnswering(String formKey, String itemId, Optional<String> option);

    // ---- retention and erasure (docs/privacy.md) ----------------------------------------------

    /**
     * How many stored answers the client's submissions of {@code formKey} (any version, draft or
     * submitted, every revision or text) hold at these item ids (also as {@code repeat.N.itemId}).
     */
    int countAnswersAt(long clientId, String formKey, Set<String> itemIds);

    /** Deletes the answers {@link #countAnswersAt} counts; returns how many were deleted. */
    int eraseAnswersAt(long clientId, String formKey, Set<String> itemIds);

    /** Per client, the end of their last ended submission of {@code formKey} (a contract's end); none for kinds that do not end. */
    default Map<Long, java.time.LocalDate> endedOfClients(String formKey) {
        return Map.of();
    }
}
