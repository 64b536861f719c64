package org.parcours.committee;

import java.time.LocalDate;
import java.time.Period;

/**
 * Whether a client's last submitted IMASP is recent enough to put the client on an agenda
 * (policy {@value #MAX_AGE_PATH}): it must exist and be at most {@code maxAge} old on the
 * meeting date. Plain Java, so the rule is tested with any policy number.
 */
public enum ImaspFreshness {
    OK, MISSING, STALE;

    public static final String MAX_AGE_PATH = "committee.imasp_max_age_for_agenda";

    /** @param lastSubmitted the date of the last submitted IMASP, or null when there is none */
    public static ImaspFreshness of(LocalDate lastSubmitted, LocalDate meetingDate, Period maxAge) {
        if (lastSubmitted == null) {
            return MISSING;
        }
        return lastSubmitted.plus(maxAge).isBefore(meetingDate) ? STALE : OK;
    }
}
