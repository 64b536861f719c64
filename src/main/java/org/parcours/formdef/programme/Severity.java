package org.parcours.formdef.programme;

/** How strongly a rule speaks: shown for information, as a warning, or blocking what it guards. */
public enum Severity {
    INFO, WARN, BLOCK;

    public String yaml() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
