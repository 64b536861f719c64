package org.parcours.formdef.programme;

import java.time.Period;

import org.parcours.formdef.Policy;

/**
 * A period written in a declaration: either an ISO period ({@code P3M}) or the path of a policy
 * value holding one ({@code imasp.reevaluate_every}), read at each use so that a policy change
 * applies without a restart.
 */
public record PeriodRef(String written) {

    public boolean literal() {
        return written.startsWith("P");
    }

    /** @throws Policy.PolicyException when the policy value is missing or not a period */
    public Period resolve(Policy policy) {
        return literal() ? Period.parse(written) : policy.period(written);
    }
}
