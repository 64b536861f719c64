package org.parcours.print;

import org.parcours.formdef.Colour;

/**
 * The scale shades of the screen renderer ({@code org.parcours.ui.renderer.ScaleColours}), for
 * print. A copy because services may not depend on ui packages (ArchitectureTest); a test keeps
 * both identical.
 */
final class PrintColours {

    private PrintColours() {
    }

    static String background(Colour colour) {
        return switch (colour) {
            case GREEN -> "#d8f0dc";
            case AMBER -> "#ffe9b3";
            case RED -> "#f9d0cc";
            case NEUTRAL -> "#e8eaed";
        };
    }

    static String text(Colour colour) {
        return switch (colour) {
            case GREEN -> "#1b5e20";
            case AMBER -> "#6d4c00";
            case RED -> "#a01c12";
            case NEUTRAL -> "#3c4043";
        };
    }

    static String border(Colour colour) {
        return switch (colour) {
            case GREEN -> "#2e7d32";
            case AMBER -> "#c98a00";
            case RED -> "#c62828";
            case NEUTRAL -> "#9aa0a6";
        };
    }

    /** Inline CSS for a coloured chip or cell: background, border colour and text colour of the shade. */
    static String style(Colour colour) {
        return "background-color: " + background(colour) + "; border-color: " + border(colour) + "; color: " + text(colour) + ";";
    }
}
