package org.parcours.evaluations;

import java.util.Map;

import org.parcours.clients.ClientSummary;

/**
 * Answers a new evaluation starts with that come from outside the form, for example the answer
 * that records the client's status as a programme declares it. Features that know such facts
 * provide it; the evaluation asks without knowing them.
 */
public interface StartingAnswers {

    /** Item path to stored value, for a new evaluation of {@code formKey} for {@code client}; empty when none. */
    Map<String, String> of(ClientSummary client, String formKey);
}
