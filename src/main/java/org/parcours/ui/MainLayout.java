package org.parcours.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

/**
 * The shell around every signed-in view: navigation showing only what the user's roles may
 * open (the same annotations the router enforces), language switch, sign out.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    /** A navigation entry: message key and view; contributed by feature modules. */
    public record NavEntry(String messageKey, Class<? extends Component> view, int order) {
    }

    public MainLayout(AuthenticationContext authentication, AccessAnnotationChecker access, List<NavigationContributor> contributors) {
        Image logo = new Image(AppShell.LOGO, ""); // decorative: the product name follows
        logo.setId("app-logo");
        Span title = new Span(getTranslation("app.name"));
        title.setId("app-name");
        title.addClassName("app-name");
        Button logout = new Button(getTranslation("nav.logout"), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        Span user = new Span(authentication.getPrincipalName().orElse(""));
        user.setId("current-user");
        HorizontalLayout right = new HorizontalLayout(user, new LanguageSelect(), new ColourSchemeToggle(), logout);
        right.setAlignItems(FlexComponent.Alignment.CENTER);
        right.addClassName("app-header-end");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), logo, title, right);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.setId("main-nav");
        contributors.stream().flatMap(c -> c.entries().stream())
                .sorted(java.util.Comparator.comparingInt(NavEntry::order))
                .filter(entry -> access.hasAccess(entry.view()))
                .forEach(entry -> nav.addItem(new SideNavItem(getTranslation(entry.messageKey()), entry.view())));
        addToDrawer(nav);
    }
}
