package org.parcours.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.parcours.security.UserAdministration.NewUser;
import org.parcours.security.UserAdministration.RefusedException;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The account rules an administrator works with: names normalised and look-alikes refused, no
 * disabling or demoting oneself, and a user's API tokens revoked with a password reset or when
 * disabled, expired after their validity.
 */
@SpringBootTest
@WithUserDetails(TestUsers.ADMIN)
class AccountSecurityTests {

    private final String run = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));

    @Autowired
    UserAdministration admin;

    @Autowired
    ApiTokens tokens;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    JdbcTemplate jdbc;

    private UserSummary create(String username, Role role) {
        return admin.create(new NewUser(username, "Test " + username, Set.of(role), Set.of(), Optional.of("a-long-Password-1"))).user();
    }

    private static String refusal(Runnable action) {
        try {
            action.run();
        } catch (RefusedException e) {
            return e.key();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void namesAreNormalisedWhenCreated() {
        UserSummary created = create("  JDupont-" + run + " ", Role.COMMITTEE);
        assertThat(created.username()).isEqualTo("jdupont-" + run);

        UserSummary accented = create("François-" + run, Role.COMMITTEE);
        assertThat(accented.username()).isEqualTo("françois-" + run);
    }

    @Test
    void namesThatLookAlikeAnExistingOneAreRefused() {
        create("francois-" + run, Role.COMMITTEE);

        assertThat(refusal(() -> create("François-" + run, Role.COMMITTEE))).isEqualTo("admin.users.error.lookalike");
        assertThat(refusal(() -> create("franc\u0327ois-" + run, Role.COMMITTEE))).as("a combining cedilla")
                .isEqualTo("admin.users.error.lookalike");
        assertThat(refusal(() -> create("FRANCOIS-" + run, Role.COMMITTEE))).isIn("admin.users.error.lookalike", "admin.users.error.duplicate");
        assertThat(refusal(() -> create("fran\u200bcois2-" + run, Role.COMMITTEE))).as("an invisible character")
                .isEqualTo("admin.users.error.login");
        assertThat(refusal(() -> create("fr\u0430ncois3-" + run, Role.COMMITTEE))).as("a Cyrillic a").isEqualTo("admin.users.error.login");
    }

    @Test
    void anAdministratorCanNeitherDisableNorDemoteThemself() {
        create("second-admin-" + run, Role.ADMIN);
        long me = currentUser.require().id();

        try {
            assertThat(refusal(() -> admin.setEnabled(me, false))).isEqualTo("admin.users.error.self");
            assertThat(refusal(() -> admin.change(me, "Admin", Set.of(Role.COMMITTEE), Set.of()))).isEqualTo("admin.users.error.self");
            assertThat(jdbc.queryForObject("SELECT enabled FROM app_user WHERE id = ?", Boolean.class, me)).isTrue();
        } finally {
            // should the rule fail, the demo administrator the other tests sign in as is put back
            jdbc.update("UPDATE app_user SET enabled = TRUE WHERE id = ?", me);
            jdbc.update("INSERT IGNORE INTO app_user_role (user_id, role) VALUES (?, 'ADMIN')", me);
        }
    }

    @Test
    void aPasswordResetRevokesTheUsersTokens() {
        UserSummary user = create("reset-" + run, Role.COMMITTEE);
        String token = tokens.createFor(user.id(), "script").token();
        assertThat(tokens.authenticate(token)).isPresent();

        admin.resetPassword(user.id());

        assertThat(tokens.authenticate(token)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_token WHERE user_id = ? AND revoked_at IS NULL", Integer.class, user.id()))
                .isZero();
    }

    @Test
    void disablingAUserRevokesTheirTokensForGood() {
        UserSummary user = create("disable-" + run, Role.COMMITTEE);
        String token = tokens.createFor(user.id(), "script").token();

        admin.setEnabled(user.id(), false);
        admin.setEnabled(user.id(), true);

        assertThat(tokens.authenticate(token)).as("re-enabling does not bring the token back").isEmpty();
    }

    @Test
    void anExpiredTokenNoLongerSignsIn() {
        UserSummary user = create("expiry-" + run, Role.COMMITTEE);
        var created = tokens.createFor(user.id(), "script");
        assertThat(tokens.authenticate(created.token())).isPresent();

        jdbc.update("UPDATE api_token SET expires_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES)), created.summary().id());

        assertThat(tokens.authenticate(created.token())).isEmpty();
    }

    @Test
    void aTokenAnAdministratorCreatesForAnotherUserIsAuditedAsTheAdministrator() {
        UserSummary user = create("owner-" + run, Role.COMMITTEE);
        var created = tokens.createFor(user.id(), "script");

        assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE action = 'API_TOKEN_CREATED' AND target_id = ?",
                String.class, String.valueOf(created.summary().id()))).isEqualTo(TestUsers.ADMIN);
        assertThat(jdbc.queryForObject("SELECT created_by FROM api_token WHERE id = ?", String.class, created.summary().id()))
                .isEqualTo(TestUsers.ADMIN);
    }
}
