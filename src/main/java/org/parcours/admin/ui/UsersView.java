package org.parcours.admin.ui;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.security.Role;
import org.parcours.security.UserAdministration;
import org.parcours.security.UserSummary;
import org.parcours.ui.MainLayout;
import org.parcours.ui.NavigationContributor;

/**
 * Administrators: the users, their roles and teams; create a user, change roles and teams,
 * disable or enable, give a new password; create and rename teams. A generated password is
 * shown once, in the message under the form.
 */
@Route("admin/users")
@RolesAllowed(Role.ADMIN_NAME)
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final UserAdministration admin;
    private final Grid<UserSummary> grid = new Grid<>();
    private final Grid<UserAdministration.TeamSummary> teamGrid = new Grid<>();
    private final H3 formTitle = new H3();
    private final TextField login = new TextField();
    private final TextField name = new TextField();
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    private final CheckboxGroup<Long> teams = new CheckboxGroup<>();
    private final PasswordField password = new PasswordField();
    private final Button create = new Button();
    private final Button save = new Button();
    private final Button toggle = new Button();
    private final Button reset = new Button();
    private final Span message = new Span();
    private final TextField teamName = new TextField();
    private final Span teamMessage = new Span();
    private List<UserAdministration.TeamSummary> allTeams = List.of();
    private Optional<UserSummary> selected = Optional.empty();

    public UsersView(UserAdministration admin) {
        this.admin = admin;
        setWidthFull();
        grid.setId("user-grid");
        grid.addColumn(UserSummary::username).setHeader(getTranslation("admin.users.col.username"));
        grid.addColumn(UserSummary::displayName).setHeader(getTranslation("admin.users.col.name")).setFlexGrow(2);
        grid.addColumn(u -> u.roles().stream().map(r -> getTranslation("role." + r.name())).sorted()
                .collect(Collectors.joining(", "))).setHeader(getTranslation("admin.users.col.roles"));
        grid.addColumn(u -> String.join(", ", u.teams())).setHeader(getTranslation("admin.users.col.teams")).setFlexGrow(2);
        grid.addColumn(u -> getTranslation(u.enabled() ? "admin.users.enabled" : "admin.users.disabled"))
                .setHeader(getTranslation("admin.users.col.state"));
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> select(Optional.ofNullable(e.getValue())));

        add(new H2(getTranslation("admin.users.title")), grid, formTitle, userForm(), message,
                new H3(getTranslation("admin.teams.title")), teamGrid(), teamForm(), teamMessage);
        refresh();
        select(Optional.empty());
    }

    private VerticalLayout userForm() {
        login.setId("user-login");
        login.setLabel(getTranslation("admin.users.login"));
        name.setId("user-name");
        name.setLabel(getTranslation("admin.users.name"));
        name.setWidth("20em");
        roles.setId("user-roles");
        roles.setLabel(getTranslation("admin.users.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        teams.setId("user-teams");
        teams.setLabel(getTranslation("admin.users.teams"));
        teams.setItemLabelGenerator(id -> allTeams.stream().filter(t -> t.id() == id).findFirst()
                .map(UserAdministration.TeamSummary::name).orElse("?"));
        password.setId("user-password");
        password.setLabel(getTranslation("admin.users.password"));
        password.setWidth("24em");
        create.setText(getTranslation("admin.users.create"));
        create.setId("user-create");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> act(() -> {
            UserAdministration.Created created = admin.create(new UserAdministration.NewUser(login.getValue(), name.getValue(),
                    Set.copyOf(roles.getValue()), Set.copyOf(teams.getValue()), Optional.of(password.getValue())));
            refresh();
            password.clear();
            grid.select(created.user());
            return created.generatedPassword()
                    .map(p -> getTranslation("admin.users.created", created.user().username(), p))
                    .orElseGet(() -> getTranslation("admin.users.created-set", created.user().username()));
        }));
        save.setText(getTranslation("admin.users.save"));
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> act(() -> {
            UserSummary user = requireSelected();
            UserSummary changed = admin.change(user.id(), name.getValue(), Set.copyOf(roles.getValue()), Set.copyOf(teams.getValue()));
            refresh();
            grid.select(changed);
            return getTranslation("admin.users.saved", changed.username());
        }));
        toggle.setId("user-toggle");
        toggle.addClickListener(e -> act(() -> {
            UserSummary user = requireSelected();
            UserSummary changed = admin.setEnabled(user.id(), !user.enabled());
            refresh();
            grid.select(changed);
            return getTranslation(changed.enabled() ? "admin.users.now-enabled" : "admin.users.now-disabled", changed.username());
        }));
        reset.setText(getTranslation("admin.users.reset"));
        reset.setId("user-reset");
        reset.addClickListener(e -> act(() -> {
            UserSummary user = requireSelected();
            return getTranslation("admin.users.reset-done", user.username(), admin.resetPassword(user.id()));
        }));
        Button clear = new Button(getTranslation("admin.users.clear"), e -> grid.deselectAll());
        clear.setId("user-clear");
        HorizontalLayout fields = new HorizontalLayout(login, name, password);
        fields.setWrap(true);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout choices = new HorizontalLayout(roles, teams);
        HorizontalLayout buttons = new HorizontalLayout(create, save, toggle, reset, clear);
        VerticalLayout form = new VerticalLayout(fields, choices, buttons);
        form.setPadding(false);
        message.setId("user-message");
        return form;
    }

    private Grid<UserAdministration.TeamSummary> teamGrid() {
        teamGrid.setId("team-grid");
        teamGrid.addColumn(UserAdministration.TeamSummary::name).setHeader(getTranslation("admin.teams.col.name")).setFlexGrow(2);
        teamGrid.addColumn(UserAdministration.TeamSummary::members).setHeader(getTranslation("admin.teams.col.members"));
        teamGrid.setAllRowsVisible(true);
        teamGrid.asSingleSelect().addValueChangeListener(e -> teamName.setValue(e.getValue() == null ? "" : e.getValue().name()));
        return teamGrid;
    }

    private HorizontalLayout teamForm() {
        teamName.setId("team-name");
        teamName.setLabel(getTranslation("admin.teams.name"));
        teamName.setWidth("20em");
        Button createTeam = new Button(getTranslation("admin.teams.create"), e -> teamAct(() -> {
            UserAdministration.TeamSummary team = admin.createTeam(teamName.getValue());
            refresh();
            teamName.clear();
            return getTranslation("admin.teams.created", team.name());
        }));
        createTeam.setId("team-create");
        Button rename = new Button(getTranslation("admin.teams.rename"), e -> teamAct(() -> {
            UserAdministration.TeamSummary team = Optional.ofNullable(teamGrid.asSingleSelect().getValue())
                    .orElseThrow(() -> new UserAdministration.RefusedException("admin.teams.error.select"));
            String newName = teamName.getValue().strip();
            admin.renameTeam(team.id(), newName);
            refresh();
            return getTranslation("admin.teams.renamed", team.name(), newName);
        }));
        rename.setId("team-rename");
        teamMessage.setId("team-message");
        HorizontalLayout row = new HorizontalLayout(teamName, createTeam, rename);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private void select(Optional<UserSummary> user) {
        selected = user;
        formTitle.setText(user.map(u -> getTranslation("admin.users.edit", u.username())).orElse(getTranslation("admin.users.new")));
        login.setValue(user.map(UserSummary::username).orElse(""));
        login.setReadOnly(user.isPresent());
        name.setValue(user.map(UserSummary::displayName).orElse(""));
        roles.setValue(user.map(UserSummary::roles).orElse(Set.of()));
        teams.setValue(user.map(u -> allTeams.stream().filter(t -> u.teams().contains(t.name()))
                .map(UserAdministration.TeamSummary::id).collect(Collectors.toSet())).orElse(Set.of()));
        password.setVisible(user.isEmpty());
        create.setVisible(user.isEmpty());
        save.setVisible(user.isPresent());
        toggle.setVisible(user.isPresent());
        reset.setVisible(user.isPresent());
        toggle.setText(getTranslation(user.map(UserSummary::enabled).orElse(true) ? "admin.users.disable" : "admin.users.enable"));
    }

    private UserSummary requireSelected() {
        return selected.orElseThrow(() -> new UserAdministration.RefusedException("admin.users.error.select"));
    }

    private void refresh() {
        allTeams = admin.teams();
        teams.setItems(allTeams.stream().map(UserAdministration.TeamSummary::id).toList());
        teamGrid.setItems(allTeams);
        grid.setItems(admin.users());
    }

    private void act(Supplier<String> action) {
        say(message, action);
    }

    private void teamAct(Supplier<String> action) {
        say(teamMessage, action);
    }

    private void say(Span target, Supplier<String> action) {
        try {
            String done = action.get();
            target.getClassNames().set("text-error", false);
            target.addClassName("text-success");
            target.setText(done);
        } catch (UserAdministration.RefusedException e) {
            target.getClassNames().set("text-success", false);
            target.addClassName("text-error");
            target.setText(getTranslation(e.key(), e.args()));
        }
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
