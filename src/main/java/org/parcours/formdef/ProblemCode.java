package org.parcours.formdef;

/** The kinds of problem the reader reports; the code is stable and shown to administrators. */
public enum ProblemCode {
    YAML_SYNTAX,
    UNKNOWN_DOCUMENT,
    UNKNOWN_KEY,
    DUPLICATE_KEY,
    MISSING_KEY,
    WRONG_TYPE,
    INVALID_ID,
    DUPLICATE_ID,
    MISSING_TRANSLATION,
    UNKNOWN_SCALE,
    UNKNOWN_LIST,
    UNKNOWN_ITEM_TYPE,
    UNKNOWN_COLOUR,
    EMPTY_LIST,
    INVALID_CONSTRAINT,
    EXPRESSION_SYNTAX,
    EXPRESSION_TYPE,
    COMPUTED_CYCLE,
    CONFLICTING_KEYS,
    ENCODING,
    UNKNOWN_ROLE,
    UNKNOWN_ITEM,
    BINDING_TYPE,
    BINDING_REPEAT,
    MISSING_BINDING,
    // renames (was:, retired:) and stored answers
    RENAME_CONFLICT,
    ORPHANED_ANSWERS,
    // programmes (forms/programmes/*.yaml)
    UNKNOWN_FORM,
    UNKNOWN_POLICY_VALUE,
    UNKNOWN_RULE,
    UNKNOWN_STATE,
    // privacy declarations (privacy: on forms, sections and items)
    UNKNOWN_CATEGORY,
    UNKNOWN_LEGAL_BASIS,
    UNKNOWN_EVENT,
    INVALID_PERIOD;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
