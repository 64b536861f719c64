package org.parcours.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.admin.ui.FormsView;
import org.parcours.audit.ui.AuditView;
import org.parcours.clients.ui.ClientListView;
import org.parcours.home.ui.HomeView;
import org.parcours.security.ui.LoginView;
import org.parcours.testsupport.TestUsers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

/** The browser tab names the view and the product in the user's language; the header and the sign-in page show the logo and the name. */
@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
class PageTitlesTests extends SpringBrowserlessTest {

    private String titleOf(Class<? extends Component> view, Locale locale) {
        UI.getCurrent().setLocale(locale);
        navigate(view);
        assertThat(getCurrentView()).isInstanceOf(view);
        return UI.getCurrent().getInternals().getTitle();
    }

    @Test
    @WithUserDetails(TestUsers.ADMIN)
    void eachViewHasItsTitleInFrenchDutchAndEnglish() {
        assertThat(titleOf(HomeView.class, Locale.FRENCH)).isEqualTo("Accueil – Parcours");
        assertThat(titleOf(ClientListView.class, Locale.FRENCH)).isEqualTo("Dossiers clients – Parcours");
        assertThat(titleOf(FormsView.class, Locale.FRENCH)).isEqualTo("Formulaires publiés – Parcours");
        assertThat(titleOf(AuditView.class, Locale.FRENCH)).isEqualTo("Journal d'audit – Parcours");

        assertThat(titleOf(HomeView.class, Locale.ENGLISH)).isEqualTo("Home – Parcours");
        assertThat(titleOf(ClientListView.class, Locale.ENGLISH)).isEqualTo("Client files – Parcours");
        assertThat(titleOf(FormsView.class, Locale.ENGLISH)).isEqualTo("Published forms – Parcours");
        assertThat(titleOf(AuditView.class, Locale.ENGLISH)).isEqualTo("Audit trail – Parcours");

        assertThat(titleOf(ClientListView.class, Locale.of("nl"))).isEqualTo("Cliëntdossiers – Parcours");

        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("no-such-page");
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Page not found – Parcours");
    }

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void theHeaderShowsTheLogoAndTheProductName() {
        navigate(HomeView.class);

        assertThat(find(Span.class).id("app-name").getText()).isEqualTo("Parcours");
        Image logo = find(Image.class).id("app-logo");
        assertThat(logo.getSrc()).isEqualTo(AppShell.LOGO);
        assertThat(logo.getAlt()).as("decorative beside the name").contains("");
    }

    @Test
    @WithAnonymousUser
    void theSignInPageHasTheProductNameTheLogoAndATitle() {
        assertThat(titleOf(LoginView.class, Locale.FRENCH)).isEqualTo("Connexion – Parcours");
        assertThat(find(H1.class).id("login-product-name").getText()).isEqualTo("Parcours");
        assertThat(find(Image.class).id("login-logo").getSrc()).isEqualTo(AppShell.LOGO);

        assertThat(titleOf(LoginView.class, Locale.ENGLISH)).isEqualTo("Sign in – Parcours");
    }
}
