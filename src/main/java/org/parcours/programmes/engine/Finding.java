package org.parcours.programmes.engine;

import java.util.Optional;

import org.parcours.formdef.LocalizedText;
import org.parcours.formdef.programme.Effect;
import org.parcours.formdef.programme.Severity;

/**
 * A rule that speaks about a client: a flag or status rule whose condition holds, or a guard
 * whose requirement does not. {@code message} has its policy values filled in; {@code factor} is
 * the scale item of a per-factor rule with its run of problem measurements.
 */
public record Finding(String programmeId, String ruleId, Effect effect, Severity severity, LocalizedText message,
                      Optional<String> factor, long factorRun) {

    public boolean blocking() {
        return effect == Effect.GUARD && severity == Severity.BLOCK;
    }
}
