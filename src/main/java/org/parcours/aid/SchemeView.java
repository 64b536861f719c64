package org.parcours.aid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** A requested scheme with its label (from the form's YAML list) and its decision. */
public record SchemeView(long id, int row, String code, org.parcours.formdef.LocalizedText label, Optional<String> detail, Optional<BigDecimal> amountRequested,
                         SchemeDecision decision, Optional<BigDecimal> amountGranted, Optional<String> decider,
                         Optional<LocalDate> decidedOn, Optional<String> motivation) {
}
