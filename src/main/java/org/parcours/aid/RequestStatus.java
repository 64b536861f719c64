package org.parcours.aid;

import java.util.List;

/**
 * A request's overall status, derived from its schemes' decisions (never stored): a draft until
 * submitted; pending while nothing is decided; in progress while some schemes are decided and
 * others pending; once all are decided, granted (all granted), refused (all refused) or partly
 * granted (anything else).
 */
public enum RequestStatus {
    DRAFT, PENDING, IN_PROGRESS, GRANTED, PARTLY_GRANTED, REFUSED;

    public static RequestStatus of(boolean submitted, List<SchemeDecision> decisions) {
        if (!submitted) {
            return DRAFT;
        }
        long pending = decisions.stream().filter(d -> d == SchemeDecision.PENDING).count();
        if (decisions.isEmpty() || pending == decisions.size()) {
            return PENDING;
        }
        if (pending > 0) {
            return IN_PROGRESS;
        }
        if (decisions.stream().allMatch(d -> d == SchemeDecision.GRANTED)) {
            return GRANTED;
        }
        if (decisions.stream().allMatch(d -> d == SchemeDecision.REFUSED)) {
            return REFUSED;
        }
        return PARTLY_GRANTED;
    }
}
