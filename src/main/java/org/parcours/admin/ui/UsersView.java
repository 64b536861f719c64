package org.parcours.admin.ui;

import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.security.Role;
import org.parcours.security.UserAccounts;
import org.parcours.security.UserSummary;
import org.parcours.ui.MainLayout;
import org.parcours.ui.NavigationContributor;

/** Administrators: the users, their roles and teams. */
@Route("admin/users")
@RolesAllowed(Role.ADMIN_NAME)
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    public UsersView(UserAccounts accounts) {
        setSizeFull();
        Grid<UserSummary> grid = new Grid<>();
        grid.setId("user-grid");
        grid.addColumn(UserSummary::username).setHeader(getTranslation("admin.users.col.username"));
        grid.addColumn(UserSummary::displayName).setHeader(getTranslation("admin.users.col.name")).setFlexGrow(2);
        grid.addColumn(u -> u.roles().stream().map(r -> getTranslation("role." + r.name())).sorted()
                .collect(Collectors.joining(", "))).setHeader(getTranslation("admin.users.col.roles"));
        grid.addColumn(u -> String.join(", ", u.teams())).setHeader(getTranslation("admin.users.col.teams")).setFlexGrow(2);
        grid.setItems(accounts.list());
        add(new H2(getTranslation("admin.users.title")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.users.title") + " – " + getTranslation("app.name");
    }

    @org.springframework.stereotype.Component
    static class Navigation implements NavigationContributor {

        @Override
        public List<MainLayout.NavEntry> entries() {
            return List.of(new MainLayout.NavEntry("nav.admin.users", UsersView.class, 90),
                    new MainLayout.NavEntry("nav.admin.forms", FormsView.class, 91));
        }
    }
}
