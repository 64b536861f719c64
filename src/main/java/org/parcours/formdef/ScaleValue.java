package org.parcours.formdef;

/**
 * One value of a shared scale, e.g. IMASP "B".
 *
 * @param problem whether the value counts as a problem for rules such as "persistent problem"
 */
public record ScaleValue(String code, Colour colour, boolean problem, LocalizedText label) {
}
