package org.parcours.ui.renderer;

import org.parcours.formdef.Colour;

/** The shades used for scale colours: readable text on a light background, high contrast. */
public final class ScaleColours {

    private ScaleColours() {
    }

    public static String background(Colour colour) {
        return switch (colour) {
            case GREEN -> "#d8f0dc";
            case AMBER -> "#ffe9b3";
            case RED -> "#f9d0cc";
            case NEUTRAL -> "#e8eaed";
        };
    }

    public static String text(Colour colour) {
        return switch (colour) {
            case GREEN -> "#1b5e20";
            case AMBER -> "#6d4c00";
            case RED -> "#a01c12";
            case NEUTRAL -> "#3c4043";
        };
    }

    public static String border(Colour colour) {
        return switch (colour) {
            case GREEN -> "#2e7d32";
            case AMBER -> "#c98a00";
            case RED -> "#c62828";
            case NEUTRAL -> "#9aa0a6";
        };
    }
}
