package org.parcours.ui;

import java.util.Arrays;

import jakarta.servlet.http.Cookie;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;

import org.springframework.stereotype.Component;

/**
 * Light by default; the dark scheme picked with the header's switch is kept in a cookie of the
 * browser and applied to every page load, before and after signing in (as the language is).
 * Lumo and styles.css both follow the page's colour scheme through light-dark(), so switching
 * needs no reload.
 */
@Component
public class ColourScheme implements VaadinServiceInitListener {

    static final String COOKIE = "parcours-scheme";
    static final String DARK = "dark";
    /** Kept on the UI: the page's own colour scheme is known to the server only once the browser reported it. */
    private static final String DARK_SHOWN = "parcours-dark-scheme";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            if (darkFromCookie(VaadinRequest.getCurrent())) {
                show(init.getUI(), true);
            }
        });
    }

    /** Whether the page shows the dark scheme now. */
    public static boolean isDark(UI ui) {
        return Boolean.TRUE.equals(ComponentUtil.getData(ui, DARK_SHOWN));
    }

    /** Shows the page in the dark or the light scheme and remembers the choice in this browser. */
    public static void switchTo(UI ui, boolean dark) {
        show(ui, dark);
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, dark ? DARK : "light");
            cookie.setPath("/");
            cookie.setMaxAge(60 * 60 * 24 * 365);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
    }

    private static void show(UI ui, boolean dark) {
        ui.getPage().setColorScheme(dark ? ColorScheme.Value.DARK : ColorScheme.Value.LIGHT);
        ComponentUtil.setData(ui, DARK_SHOWN, dark);
    }

    private static boolean darkFromCookie(VaadinRequest request) {
        if (!(request instanceof VaadinServletRequest servletRequest) || servletRequest.getCookies() == null) {
            return false;
        }
        return Arrays.stream(servletRequest.getCookies()).anyMatch(c -> COOKIE.equals(c.getName()) && DARK.equals(c.getValue()));
    }
}
