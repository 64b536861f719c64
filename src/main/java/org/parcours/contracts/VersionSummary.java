package org.parcours.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** One text of a contract: 1 is the contract, the next ones its avenants, each with its reason and date. */
public record VersionSummary(int number, boolean signed, Optional<String> reason, Optional<LocalDate> signedOn, Instant createdAt,
                             String createdBy) {

    public boolean avenant() {
        return number > 1;
    }
}
