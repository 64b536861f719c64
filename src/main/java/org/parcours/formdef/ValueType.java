package org.parcours.formdef;

/** The value kinds of items and expressions. */
public enum ValueType {
    /** scale, choice, text: a string, '' when unanswered */
    TEXT,
    /** multi-choice: a list of codes */
    TEXT_LIST,
    INTEGER,
    /** decimal and money */
    DECIMAL,
    BOOLEAN,
    DATE,
    /** repeat: a list of rows */
    ROWS,
    /** note: holds nothing */
    NONE,
    /** a computed value whose type comes from its expression */
    COMPUTED
}
