package org.parcours.testsupport;

/**
 * The demo users that exist in every test schema (created by DemoUsers on the empty database),
 * all with one known password so browser tests can sign in.
 */
public final class TestUsers {

    public static final String PASSWORD = "test-Password-1";
    public static final String ADMIN = "admin";
    /** A worker of team "Équipe Nord". */
    public static final String WORKER_NORTH = "worker";
    /** A worker of team "Équipe Sud". */
    public static final String WORKER_SOUTH = "worker2";
    public static final String COMMITTEE = "committee";
    public static final String TEAM_NORTH = "Équipe Nord";
    public static final String TEAM_SOUTH = "Équipe Sud";

    private TestUsers() {
    }
}
