package org.parcours.aid;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** A pending scheme on the team's board: oldest submitted request first. */
public record BoardRow(long requestId, long schemeId, long clientId, String clientName, long teamId, String teamName, String scheme,
                       Optional<BigDecimal> amountRequested, Instant submittedAt, long waitingDays) {
}
