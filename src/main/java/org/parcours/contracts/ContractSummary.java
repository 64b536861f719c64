package org.parcours.contracts;

import java.time.LocalDate;
import java.util.Optional;

/** A contract in a list: its status, terms, and whether an avenant is being drafted. */
public record ContractSummary(long id, long clientId, ContractStatus status, String shownStatus, Optional<String> level,
                              Optional<LocalDate> startDate, Optional<Integer> durationMonths, Optional<LocalDate> endDate,
                              Optional<LocalDate> signedOn, Optional<Long> previousContractId, int versions,
                              boolean amendmentInProgress) {
}
