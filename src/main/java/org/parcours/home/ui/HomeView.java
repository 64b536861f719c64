package org.parcours.home.ui;

import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;

import jakarta.annotation.security.PermitAll;

import org.parcours.clients.ui.ClientListView;
import org.parcours.security.CurrentUser;
import org.parcours.security.UserAccounts;
import org.parcours.security.UserContext;
import org.parcours.ui.MainLayout;
import org.parcours.ui.NavigationContributor;
import org.parcours.worklist.WorklistService;
import org.parcours.worklist.ui.WorklistPanel;
import org.parcours.clients.ClientService;
import org.parcours.contracts.ContractService;
import org.parcours.contracts.ui.ContractsDuePanel;

/** The landing page after sign-in: who you are and where to go. */
@Route("")
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final CurrentUser currentUser;
    private final UserAccounts accounts;
    private final AccessAnnotationChecker access;
    private final WorklistService worklists;
    private final ContractService contracts;
    private final ClientService clients;

    public HomeView(CurrentUser currentUser, UserAccounts accounts, AccessAnnotationChecker access, WorklistService worklists,
                    ContractService contracts, ClientService clients) {
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.access = access;
        this.worklists = worklists;
        this.contracts = contracts;
        this.clients = clients;
    }

    /** Built on every visit, so the worklist is current. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        UserContext user = currentUser.require();
        H2 title = new H2(getTranslation("home.title", user.displayName()));
        title.setId("home-title");
        add(title);
        add(new Paragraph(getTranslation("home.roles", user.roles().stream()
                .map(r -> getTranslation("role." + r.name())).sorted().collect(Collectors.joining(", ")))));
        if (!user.teamIds().isEmpty()) {
            add(new Paragraph(getTranslation("home.teams", accounts.teamsOf(user).stream()
                    .map(t -> t.getName()).collect(Collectors.joining(", ")))));
        }
        if (access.hasAccess(ClientListView.class)) {
            add(new RouterLink(getTranslation("home.clients.link"), ClientListView.class));
            add(new WorklistPanel(worklists.forCurrentUser()));
            add(new ContractsDuePanel(contracts.due(clients.visibleClients())));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " – " + getTranslation("app.name");
    }

    /** The home entry of the navigation. */
    @org.springframework.stereotype.Component
    static class Navigation implements NavigationContributor {

        @Override
        public List<MainLayout.NavEntry> entries() {
            return List.of(new MainLayout.NavEntry("nav.home", HomeView.class, 0));
        }
    }
}
