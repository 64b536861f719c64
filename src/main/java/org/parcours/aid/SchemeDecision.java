package org.parcours.aid;

/** The decision on one requested scheme. */
public enum SchemeDecision { PENDING, GRANTED, PARTLY_GRANTED, REFUSED }
