package org.parcours.contracts;

/** Why a MASP contract ended. */
public enum EndOutcome { OBJECTIVES_MET, PARTLY_MET, NOT_MET, PERSON_WITHDREW, JUDICIAL_MEASURE, MOVED_AWAY, OTHER }
