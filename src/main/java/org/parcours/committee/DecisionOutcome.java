package org.parcours.committee;

/** What the committee decided on an agenda item. */
public enum DecisionOutcome {
    GRANTED, REFUSED, POSTPONED, OTHER
}
