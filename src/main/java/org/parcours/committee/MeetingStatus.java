package org.parcours.committee;

/** A committee meeting is open (agenda and decisions may change) until its chair closes it. */
public enum MeetingStatus {
    OPEN, CLOSED
}
