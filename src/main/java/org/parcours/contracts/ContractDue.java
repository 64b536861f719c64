package org.parcours.contracts;

import java.time.LocalDate;

/** For the worklist: a contract whose evaluation is due before renewal, or which ends soon. */
public record ContractDue(long contractId, long clientId, String clientName, Kind kind, LocalDate endDate, boolean overdue) {

    public enum Kind { EVALUATION_DUE, ENDING_SOON }
}
