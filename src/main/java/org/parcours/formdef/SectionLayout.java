package org.parcours.formdef;

/**
 * How a section is laid out ({@code layout:} in YAML). {@code GRID}: one compact line per scale
 * factor with the choices inline and the client's earlier scores beside it (the eVita
 * measurement screen); any other item of the section is shown as usual below the lines.
 */
public enum SectionLayout {
    LIST, GRID;

    public String yaml() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
