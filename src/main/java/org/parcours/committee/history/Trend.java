package org.parcours.committee.history;

/**
 * How a factor moved between the two newest measurements that answered it. Only green, amber
 * and red values are comparable (green better than amber better than red); anything else
 * (neutral values such as "not applicable" or "unknown", fewer than two answers) is UNKNOWN.
 */
public enum Trend {
    BETTER, WORSE, UNCHANGED, UNKNOWN
}
