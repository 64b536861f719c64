package org.parcours.formdef.programme;

/** The client date a schedule's first due date counts from. */
public enum Anchor {
    FOLLOW_UP_START, STATUS_SINCE;

    public String yaml() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
