package org.parcours.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import org.parcours.ui.AppShell;
import org.parcours.ui.LanguageSelect;

/**
 * Sign-in with Vaadin's login form, posting to Spring Security. A failed sign-in shows one
 * generic message: it never says whether the user name exists.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    public LoginView() {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.form.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        form.setForgotPassword(getTranslation("login.forgot"));
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        Image logo = new Image(AppShell.LOGO, ""); // decorative: the product name is the heading below
        logo.setId("login-logo");
        logo.getElement().setAttribute("width", "72").setAttribute("height", "72");
        H1 title = new H1(getTranslation("login.title"));
        title.setId("login-product-name");
        title.addClassName("login-title");
        add(logo, title, new Paragraph(getTranslation("login.description")), login, new LanguageSelect());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        if (parameters.containsKey("locked")) {
            // sent by the sign-in throttle (security.SignInAuthentication) with the minutes left
            error.setTitle(getTranslation("login.locked.title"));
            error.setMessage(getTranslation("login.locked.message", minutes(parameters.get("locked"))));
        } else if (parameters.containsKey("ended")) {
            // sent when the session was ended (security.SessionStampFilter) or had expired
            error.setTitle(getTranslation("login.ended.title"));
            error.setMessage(getTranslation("login.ended.message"));
        } else {
            error.setTitle(getTranslation("login.error.title"));
            error.setMessage(getTranslation("login.error.message"));
        }
        login.setI18n(i18n);
        login.setError(parameters.containsKey("error") || parameters.containsKey("locked") || parameters.containsKey("ended"));
    }

    /** The minutes of the query parameter, within 1..1440 (anything else: 15). */
    private static int minutes(java.util.List<String> values) {
        try {
            int minutes = Integer.parseInt(values.isEmpty() ? "" : values.getFirst());
            return minutes >= 1 && minutes <= 1440 ? minutes : 15;
        } catch (NumberFormatException e) {
            return 15;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.form.title") + " – " + getTranslation("app.name");
    }
}
