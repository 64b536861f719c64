package org.parcours.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.home.ui.HomeView;
import org.parcours.security.Role;
import org.parcours.security.UserAdministration;
import org.parcours.security.UserSummary;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users, teams and roles administration (issue 7) without a browser: create with a password shown
 * once, change roles and teams, disable and enable, reset a password, create and rename a team;
 * every change audited with before/after; the errors an administrator can trip over.
 */
@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.ADMIN)
class UsersViewTests extends SpringBrowserlessTest {

    /** A team of this test's own: the users it creates must not join the demo teams other tests count on. */
    static final String TEAM = "Équipe Administration (test)";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @BeforeEach
    void ownTeam() {
        jdbc.update("INSERT IGNORE INTO team (name) VALUES (?)", TEAM);
    }

    @Autowired
    UserAdministration admin;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetails;

    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    @Test
    void anAdministratorCreatesAWorkerWhoseGeneratedPasswordIsShownOnceAndWorks() {
        navigate(UsersView.class);
        test(find(TextField.class).id("user-login")).setValue("jdupont");
        test(find(TextField.class).id("user-name")).setValue("Jeanne Dupont");
        roles().setValue(Set.of(Role.WORKER));
        click("user-create");
        assertThat(message()).isEqualTo("Un travailleur social doit appartenir à au moins une équipe");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = 'jdupont'", Integer.class)).isZero();

        teams().setValue(Set.of(data.teamId(TEAM)));
        click("user-create");
        assertThat(message()).startsWith("jdupont est créé. Mot de passe initial, affiché une seule fois : ");
        String password = message().substring(message().lastIndexOf(' ') + 1);
        assertThat(password).hasSize(16);
        assertThat(signInWorks("jdupont", password)).isTrue();
        UserSummary row = row("jdupont");
        assertThat(row.displayName()).isEqualTo("Jeanne Dupont");
        assertThat(row.roles()).containsExactly(Role.WORKER);
        assertThat(row.teams()).containsExactly(TEAM);
        assertThat(audit("USER_CREATED", row.id())).singleElement().asString()
                .contains("after: jdupont \"Jeanne Dupont\" roles [WORKER] teams [" + TEAM + "]").doesNotContain(password);

        // the same login again: refused with the reason, nothing created
        click("user-clear");
        test(find(TextField.class).id("user-login")).setValue("jdupont");
        test(find(TextField.class).id("user-name")).setValue("Autre Dupont");
        roles().setValue(Set.of(Role.COMMITTEE));
        test(find(PasswordField.class).id("user-password")).setValue("a-long-enough-password");
        click("user-create");
        assertThat(message()).isEqualTo("Le login « jdupont » existe déjà : choisissez-en un autre");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = 'jdupont'", Integer.class)).isEqualTo(1);
    }

    @Test
    void rolesAndTeamsChangeADisabledUserCannotSignInAndAResetPasswordReplacesTheOldOne() {
        navigate(UsersView.class);
        test(find(TextField.class).id("user-login")).setValue("mmartin");
        test(find(TextField.class).id("user-name")).setValue("Marc Martin");
        roles().setValue(Set.of(Role.COMMITTEE));
        test(find(PasswordField.class).id("user-password")).setValue("court");
        click("user-create");
        assertThat(message()).isEqualTo("Le mot de passe doit avoir au moins 12 caractères");
        test(find(PasswordField.class).id("user-password")).setValue("Marc-Martin-2026!");
        click("user-create");
        assertThat(message()).isEqualTo("mmartin est créé avec le mot de passe donné");
        long id = row("mmartin").id();

        roles().setValue(Set.of(Role.WORKER, Role.COMMITTEE));
        teams().setValue(Set.of(data.teamId(TEAM)));
        click("user-save");
        assertThat(message()).isEqualTo("Les changements de mmartin sont enregistrés");
        assertThat(row("mmartin").roles()).containsExactlyInAnyOrder(Role.WORKER, Role.COMMITTEE);
        assertThat(row("mmartin").teams()).containsExactly(TEAM);
        assertThat(audit("USER_CHANGED", id)).singleElement().asString()
                .contains("before: mmartin \"Marc Martin\" roles [COMMITTEE] teams []")
                .contains("after: mmartin \"Marc Martin\" roles [WORKER, COMMITTEE] teams [" + TEAM + "]");

        click("user-toggle");
        assertThat(message()).isEqualTo("mmartin est désactivé : il ne peut plus se connecter");
        assertThat(row("mmartin").enabled()).isFalse();
        assertThat(signInWorks("mmartin", "Marc-Martin-2026!")).isFalse();
        assertThat(find(Button.class).id("user-toggle").getText()).isEqualTo("Réactiver");
        click("user-toggle");
        assertThat(signInWorks("mmartin", "Marc-Martin-2026!")).isTrue();

        click("user-reset");
        String fresh = message().substring(message().lastIndexOf(' ') + 1);
        assertThat(message()).startsWith("Nouveau mot de passe de mmartin, affiché une seule fois : ");
        assertThat(signInWorks("mmartin", "Marc-Martin-2026!")).isFalse();
        assertThat(signInWorks("mmartin", fresh)).isTrue();
        assertThat(audit("USER_DISABLED", id)).hasSize(1);
        assertThat(audit("USER_ENABLED", id)).hasSize(1);
        assertThat(audit("USER_PASSWORD_RESET", id)).singleElement().asString().doesNotContain(fresh);
    }

    @Test
    @Transactional
    void theLastActiveAdministratorCanNeitherBeDisabledNorLoseTheRole() {
        // within this test's transaction (rolled back): "admin" is the only active administrator; an administrator
        // may not disable or demote themself at all, so the last one (the one acting) stays
        jdbc.update("UPDATE app_user u JOIN app_user_role r ON r.user_id = u.id SET u.enabled = 0 "
                + "WHERE r.role = 'ADMIN' AND u.username <> ?", TestUsers.ADMIN);
        navigate(UsersView.class);
        select(TestUsers.ADMIN);
        click("user-toggle");
        assertThat(message()).isEqualTo("Vous ne pouvez pas désactiver votre propre compte ni vous retirer le rôle d'administrateur : "
                + "demandez-le à un autre administrateur");
        roles().setValue(Set.of(Role.COMMITTEE));
        click("user-save");
        assertThat(message()).startsWith("Vous ne pouvez pas désactiver votre propre compte");
        assertThat(jdbc.queryForObject("SELECT enabled FROM app_user WHERE username = ?", Boolean.class, TestUsers.ADMIN)).isTrue();
        assertThat(jdbc.queryForList("SELECT r.role FROM app_user_role r JOIN app_user u ON u.id = r.user_id WHERE u.username = ?",
                String.class, TestUsers.ADMIN)).containsExactly("ADMIN");
    }

    @Test
    void teamsAreCreatedAndRenamedWithoutDuplicates() {
        navigate(UsersView.class);
        test(find(TextField.class).id("team-name")).setValue("Équipe Ouest");
        click("team-create");
        assertThat(find(Span.class).id("team-message").getText()).isEqualTo("L'équipe « Équipe Ouest » est créée");
        test(find(TextField.class).id("team-name")).setValue(TestUsers.TEAM_NORTH);
        click("team-create");
        assertThat(find(Span.class).id("team-message").getText()).isEqualTo("Une équipe « Équipe Nord » existe déjà");

        GridTester<Grid<UserAdministration.TeamSummary>, UserAdministration.TeamSummary> teams = test(find(Grid.class).id("team-grid"));
        int row = 0;
        while (!teams.getRow(row).name().equals("Équipe Ouest")) {
            row++;
        }
        teams.select(row);
        test(find(TextField.class).id("team-name")).setValue("Équipe Ouest-Centre");
        click("team-rename");
        assertThat(find(Span.class).id("team-message").getText())
                .isEqualTo("L'équipe « Équipe Ouest » s'appelle désormais « Équipe Ouest-Centre »");
        long id = data.teamId("Équipe Ouest-Centre");
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE action = 'TEAM_RENAMED' AND target_id = ?", String.class,
                String.valueOf(id))).containsExactly("before: Équipe Ouest; after: Équipe Ouest-Centre");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'TEAM_CREATED' AND target_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(1);
    }

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void aWorkerCanNeitherOpenTheScreenNorCallTheService() {
        navigate(HomeView.class);
        try {
            navigate("admin/users", UsersView.class);
        } catch (RuntimeException | AssertionError refused) {
            // the router refuses; either way the view must not be shown
        }
        assertThat(getCurrentView()).isNotInstanceOf(UsersView.class);
        assertThatThrownBy(() -> admin.createTeam("Équipe pirate")).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM team WHERE name = 'Équipe pirate'", Integer.class)).isZero();
    }

    private boolean signInWorks(String username, String password) {
        var user = userDetails.loadUserByUsername(username);
        return user.isEnabled() && encoder.matches(password, user.getPassword());
    }

    private CheckboxGroup<Role> roles() {
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> group = find(CheckboxGroup.class).id("user-roles");
        return group;
    }

    private CheckboxGroup<Long> teams() {
        @SuppressWarnings("unchecked")
        CheckboxGroup<Long> group = find(CheckboxGroup.class).id("user-teams");
        return group;
    }

    private void click(String id) {
        test(find(Button.class).id(id)).click();
    }

    private String message() {
        return find(Span.class).id("user-message").getText();
    }

    private UserSummary row(String username) {
        return admin.users().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    private void select(String username) {
        @SuppressWarnings("unchecked")
        Grid<UserSummary> grid = find(Grid.class).id("user-grid");
        grid.select(row(username));
    }

    private List<String> audit(String action, long userId) {
        return jdbc.queryForList("SELECT detail FROM audit_event WHERE action = ? AND target_type = 'user' AND target_id = ?",
                String.class, action, String.valueOf(userId));
    }
}
