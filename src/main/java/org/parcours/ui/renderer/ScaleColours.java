package org.parcours.ui.renderer;

import org.parcours.formdef.Colour;

/**
 * The scale colours. On screen a view sets {@link #className} and styles.css gives the shades for
 * the light and the dark scheme; the shades here are the light ones, for what is drawn outside the
 * page's style sheet (the printed pack, the dashboard's charts): readable text on a light
 * background, high contrast. A test keeps them equal to the style sheet's light shades.
 */
public final class ScaleColours {

    private ScaleColours() {
    }

    /** The CSS class of styles.css that colours an element by its scale colour ("scale-green"). */
    public static String className(Colour colour) {
        return "scale-" + colour.yamlName();
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
