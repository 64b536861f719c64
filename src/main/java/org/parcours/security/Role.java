package org.parcours.security;

/** What a user may do. Authorities are {@code ROLE_<name>}. */
public enum Role {
    ADMIN, WORKER, COMMITTEE;

    public static final String ADMIN_NAME = "ADMIN";
    public static final String WORKER_NAME = "WORKER";
    public static final String COMMITTEE_NAME = "COMMITTEE";

    public String authority() {
        return "ROLE_" + name();
    }
}
