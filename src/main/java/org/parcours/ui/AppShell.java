package org.parcours.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Page-level settings: the Lumo theme (Vaadin 25 applies none by default), the application's own
 * classes in a static style sheet, the product name as the title until a view sets its own, and the
 * favicon. The style sheet and the icons are static files under META-INF/resources, served without
 * a frontend bundle.
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css") // META-INF/resources/styles.css, a path Vaadin's security rules serve to everyone
@Meta(name = "robots", content = "noindex")
public class AppShell implements AppShellConfigurator {

    /**
     * The product's logo, for the header and the sign-in page (32 x 32 unless sized by the page).
     * It is also the favicon, which Vaadin's security lets a visitor who has not signed in load.
     */
    public static final String LOGO = "icons/parcours.svg";

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Parcours");
        settings.addFavIcon("icon", LOGO, "any");
    }
}
