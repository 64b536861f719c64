package org.parcours.committee.history;

import java.util.Optional;

import org.parcours.formdef.Colour;
import org.parcours.formdef.LocalizedText;
import org.parcours.formdef.ScaleValue;

/**
 * One answer of one measurement: the code, its colour and label in the scale of the form version
 * the measurement was made with, and whether it counts as a problem.
 */
public record ScoreCell(String code, Colour colour, LocalizedText label, boolean problem) {

    static ScoreCell of(String code, Optional<ScaleValue> value) {
        return value.map(v -> new ScoreCell(v.code(), v.colour(), v.label(), v.problem()))
                .orElseGet(() -> new ScoreCell(code, Colour.NEUTRAL, LocalizedText.of(code, code, code), false));
    }

    /** Green, amber and red values can be ranked; neutral ones cannot. */
    public boolean comparable() {
        return colour != Colour.NEUTRAL;
    }

    /** 0 green, 1 amber, 2 red; only for comparable cells. */
    int rank() {
        return switch (colour) {
            case GREEN -> 0;
            case AMBER -> 1;
            case RED -> 2;
            case NEUTRAL -> throw new IllegalStateException("a neutral value has no rank");
        };
    }
}
