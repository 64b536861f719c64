package org.parcours.committee.history;

import java.time.LocalDate;

/**
 * A DOMAIN §1 rule that applies to a client, with what produced it: the rule, the policy number
 * it used ({@code policyPath} = {@code policyValue}; both null when the rule has no number), the
 * client data it read ({@code dataDate}: birth date, unfit-since date or status-since date) and
 * the date from which the rule applies ({@code appliesFrom}).
 */
public record RuleFlag(String rule, Kind kind, String policyPath, String policyValue, LocalDate dataDate, LocalDate appliesFrom) {

    public enum Kind {
        /** R3: the client has reached the policy age: social activation only applies automatically. */
        SOCIAL_ONLY_AGE,
        /** R3: the client is recorded as permanently unfit for work: social activation only applies automatically. */
        SOCIAL_ONLY_UNFIT,
        /** R4: social activation only for at least the review period: the file is to be reopened. */
        REVIEW_DUE
    }
}
