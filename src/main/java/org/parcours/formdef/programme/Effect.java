package org.parcours.formdef.programme;

/** What a rule does when its condition holds (or, for a guard, when its requirement fails). */
public enum Effect {
    /** shows a flag on the client (committee agenda and history, client file) */
    FLAG,
    /** sets the client's status, with an audit row, as long as the condition holds */
    SET_STATUS,
    /** refuses (block) or warns about (warn, info) the guarded action until the requirement holds */
    GUARD;

    public String yaml() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
