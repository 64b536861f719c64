package org.parcours.formdef;

/** A workflow asked a form for a role the form binds no item to (its {@code bindings:} lack it). */
public class UnboundRoleException extends IllegalStateException {

    private final String formId;
    private final BindingRole role;

    public UnboundRoleException(String formId, BindingRole role) {
        super("form '" + formId + "' binds no item to the role '" + role.key() + "' (add it under 'bindings:')");
        this.formId = formId;
        this.role = role;
    }

    public String formId() {
        return formId;
    }

    public BindingRole role() {
        return role;
    }
}
