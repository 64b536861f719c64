package org.parcours.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;

import org.springframework.stereotype.Component;

/**
 * French by default; a language picked by the user is kept in a cookie and applied to every new
 * session, before and after signing in.
 */
@Component
public class LanguageSettings implements VaadinServiceInitListener {

    static final String COOKIE = "parcours-lang";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        // per UI rather than per session: a page load always shows the remembered language
        event.getSource().addUIInitListener(init -> init.getUI().setLocale(
                fromCookie(VaadinRequest.getCurrent()).orElse(ParcoursI18nProvider.FRENCH)));
    }

    /** Switches the language of the session, remembers it, and reloads the page in that language. */
    public static void switchTo(Locale locale) {
        Locale supported = ParcoursI18nProvider.supported(locale);
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, supported.getLanguage());
            cookie.setPath("/");
            cookie.setMaxAge(60 * 60 * 24 * 365);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
        VaadinSession.getCurrent().setLocale(supported);
        UI.getCurrent().getPage().reload();
    }

    private static Optional<Locale> fromCookie(VaadinRequest request) {
        if (!(request instanceof VaadinServletRequest servletRequest) || servletRequest.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(servletRequest.getCookies())
                .filter(c -> COOKIE.equals(c.getName()))
                .map(c -> ParcoursI18nProvider.supported(Locale.of(c.getValue())))
                .findFirst();
    }
}
