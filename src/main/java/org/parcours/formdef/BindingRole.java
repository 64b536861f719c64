package org.parcours.formdef;

import java.util.Arrays;
import java.util.Optional;

/**
 * A part a form item plays in a feature's workflow (a contract's start date, the schemes a CASU
 * request asks for...). A form names the item of each role in its {@code bindings:} block, so Java
 * asks the form for a role and never names an item id. The reader checks each binding at load
 * time: the item exists, has the kind the role needs, and sits in the repeat the role needs.
 *
 * <p>Roles come in groups (the text before the first dot): a form that binds any role of a group
 * binds every role of that group the workflow cannot do without.
 */
public enum BindingRole {

    AID_APPLICANT_LAST_NAME("aid.applicant_last_name", Kind.TEXT, null, false),
    AID_APPLICANT_FIRST_NAME("aid.applicant_first_name", Kind.TEXT, null, false),
    AID_APPLICANT_BIRTH_DATE("aid.applicant_birth_date", Kind.DATE, null, false),
    AID_SCHEMES("aid.schemes", Kind.REPEAT, null, true),
    AID_SCHEME("aid.scheme", Kind.CHOICE, AID_SCHEMES, true),
    AID_SCHEME_DETAIL("aid.scheme_detail", Kind.TEXT, AID_SCHEMES, false),
    AID_AMOUNT_REQUESTED("aid.amount_requested", Kind.AMOUNT, AID_SCHEMES, false),

    CONTRACT_LEVEL("contract.level", Kind.CHOICE, null, true),
    CONTRACT_DELEGATE("contract.delegate", Kind.TEXT, null, false),
    CONTRACT_START("contract.start", Kind.DATE, null, true),
    CONTRACT_DURATION("contract.duration", Kind.INTEGER, null, true),
    CONTRACT_RENEWAL("contract.renewal", Kind.YES_NO, null, false),
    CONTRACT_PRIOR_EVALUATION("contract.prior_evaluation", Kind.TEXT, null, false),
    CONTRACT_ADHESION("contract.adhesion", Kind.YES_NO, null, true),
    CONTRACT_ADHESION_DATE("contract.adhesion_date", Kind.DATE, null, false),
    CONTRACT_OBJECTIVES("contract.objectives", Kind.REPEAT, null, true),
    CONTRACT_OBJECTIVE("contract.objective", Kind.TEXT, CONTRACT_OBJECTIVES, true),
    CONTRACT_OBJECTIVE_CRITERIA("contract.objective_criteria", Kind.TEXT, CONTRACT_OBJECTIVES, false),

    /** The day a measurement was made (histories, schedules and exports use it; else the submission time). */
    MEASUREMENT_DATE("measurement.date", Kind.DATE, null, true);

    /** The kind of item a role needs. */
    public enum Kind {
        TEXT("a text"), DATE("a date"), INTEGER("an integer"), AMOUNT("a money or decimal"), YES_NO("a yes-no"),
        CHOICE("a choice (one option)"), REPEAT("a repeat");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        boolean accepts(Item item) {
            return switch (this) {
                case TEXT -> item instanceof TextItem;
                case DATE -> item instanceof DateItem;
                case INTEGER -> item instanceof NumberItem n && n.kind() == NumberItem.Kind.INTEGER;
                case AMOUNT -> item instanceof NumberItem n && n.kind() != NumberItem.Kind.INTEGER;
                case YES_NO -> item instanceof YesNoItem;
                case CHOICE -> item instanceof ChoiceItem c && !c.multiple();
                case REPEAT -> item instanceof RepeatItem;
            };
        }
    }

    private final String key;
    private final Kind kind;
    private final BindingRole repeat;
    private final boolean required;

    BindingRole(String key, Kind kind, BindingRole repeat, boolean required) {
        this.key = key;
        this.kind = kind;
        this.repeat = repeat;
        this.required = required;
    }

    /** The name written in YAML, e.g. {@code contract.start}. */
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    /** The repeat role whose rows hold this role's item; empty for an item outside repeats. */
    public Optional<BindingRole> repeat() {
        return Optional.ofNullable(repeat);
    }

    /** Whether a form binding any role of this group must bind this one. */
    public boolean required() {
        return required;
    }

    /** The group: the text before the first dot ({@code contract}). */
    public String group() {
        return key.substring(0, key.indexOf('.'));
    }

    public static Optional<BindingRole> of(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
