package org.parcours.ui;

import static org.assertj.core.api.Assertions.assertThat;


import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.sidenav.SideNavItem;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.admin.ui.UsersView;
import org.parcours.clients.ui.ClientListView;
import org.parcours.home.ui.HomeView;
import org.parcours.security.ui.LoginView;
import org.parcours.testsupport.TestUsers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
class LoginAndAccessTests extends SpringBrowserlessTest {

    @Test
    @WithAnonymousUser
    void anonymousVisitorsAreSentToTheLoginForm() {
        navigate("clients", LoginView.class);

        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(find(LoginForm.class).single().isError()).isFalse();
    }

    @Test
    @WithAnonymousUser
    void aFailedSignInShowsOneGenericTranslatedMessage() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        LoginForm form = find(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        assertThat(String.valueOf(form.getElement().getPropertyRaw("i18n")))
                .contains("Nom d'utilisateur ou mot de passe incorrect. Vérifiez-les et réessayez.")
                .doesNotContain("Incorrect username");
    }

    @Test
    @WithAnonymousUser
    void aLockedSignInSaysSoWithTheMinutesLeft() {
        UI.getCurrent().navigate("login", QueryParameters.of("locked", "7"));

        LoginForm form = find(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        assertThat(String.valueOf(form.getElement().getPropertyRaw("i18n")))
                .contains("Connexion temporairement bloquée", "Réessayez dans 7 minute(s)")
                .doesNotContain("mot de passe incorrect");
    }

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void aWorkerOpeningAnAdministratorRouteIsRefused() {
        navigate(HomeView.class);
        try {
            navigate(UsersView.class);
        } catch (RuntimeException | AssertionError refused) {
            // the router refuses; either way the view must not be shown
        }
        assertThat(getCurrentView()).isNotInstanceOf(UsersView.class);
        assertThat(find(Paragraph.class).id("not-found").getText())
                .isEqualTo("Cette page n'existe pas ou vous n'y avez pas accès.");
    }

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void theNavigationShowsAWorkerOnlyWhatTheirRoleMayOpen() {
        navigate(HomeView.class);

        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel)
                .containsExactly("Accueil", "Dossiers clients", "Aides CASU en attente", "Comparer des personnes", "Exports",
                        "Jetons d'API");
    }

    @Test
    @WithUserDetails(TestUsers.ADMIN)
    void anAdministratorSeesAndOpensTheAdministrationViews() {
        navigate(HomeView.class);
        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel)
                .containsExactly("Accueil", "Dossiers clients", "Aides CASU en attente", "Comité", "Décisions à suivre",
                        "Comparer des personnes", "Tableau de bord", "Exports", "Importer des mesures", "Utilisateurs", "Formulaires",
                        "Journal d'audit", "Protection des données", "Jetons d'API");

        assertThat(navigate(UsersView.class)).isInstanceOf(UsersView.class);
    }

    @Test
    @WithUserDetails(TestUsers.COMMITTEE)
    void aCommitteeMemberReachesHistoriesThroughTheCommitteeViewsButCannotOpenClientFiles() {
        navigate(HomeView.class);
        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel)
                .containsExactly("Accueil", "Comité", "Décisions à suivre", "Comparer des personnes", "Tableau de bord", "Exports",
                        "Jetons d'API");
        try {
            navigate(ClientListView.class);
        } catch (RuntimeException | AssertionError refused) {
            // refused by the router
        }
        assertThat(getCurrentView()).isNotInstanceOf(ClientListView.class);
    }
}
