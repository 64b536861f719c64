package org.parcours.contracts;

/** How far an objective of the contract was reached, at the evaluation before renewal. */
public enum ObjectiveResult { MET, PARTLY_MET, NOT_MET }
