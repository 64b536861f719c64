package org.parcours.contracts;

import java.time.LocalDate;
import java.util.Optional;

/** A recorded step toward a judicial measure (level 3). */
public record EscalationView(long id, EscalationTrigger trigger, Optional<String> detail, Optional<Integer> unpaidMonths,
                             LocalDate recordedOn, String recordedBy, Optional<Long> contractId, Optional<Long> agendaItemId) {
}
