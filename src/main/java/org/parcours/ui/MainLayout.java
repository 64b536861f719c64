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
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

/**
 * The shell around every signed-in view: navigation showing only what the user's roles may
 * open (the same annotations the router enforces), language switch, sign out. A new page starts
 * at its top.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** The path shown, to tell a new page from the same page with other query parameters. */
    private String shownPath;

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

    /**
     * The views scroll in the layout's content area, which stays from one page to the next and
     * kept its offset: a form opened from a button low on the client page showed its middle (the
     * browser's scroll restoration only moves the window). A new path starts at the top; the same
     * path with other query parameters (a revision, a filter) keeps its place.
     */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String path = event.getLocation().getPath();
        if (shownPath != null && !shownPath.equals(path)) {
            getElement().executeJs("const content = this.shadowRoot && this.shadowRoot.querySelector('[part~=\"content\"]');"
                    + " if (content) { content.scrollTop = 0; }");
        }
        shownPath = path;
    }
}
