package org.parcours.clients.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.clients.ClientFilter;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientStatus;
import org.parcours.clients.ClientSummary;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.Team;
import org.parcours.security.UserAccounts;
import org.parcours.ui.MainLayout;
import org.parcours.ui.NavigationContributor;

/**
 * The clients a worker may see (their teams'), searchable by name or national register number,
 * filtered by status, to the files the user is responsible for and (administrators) by team;
 * and "new client".
 */
@Route("clients")
@RolesAllowed({Role.WORKER_NAME, Role.ADMIN_NAME})
public class ClientListView extends VerticalLayout implements HasDynamicTitle {

    private final ClientService clients;
    private final Grid<ClientSummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Select<ClientStatus> status = new Select<>();
    private final Checkbox mineOnly = new Checkbox();
    private final Select<Team> team = new Select<>();

    public ClientListView(ClientService clients, CurrentUser currentUser, UserAccounts accounts, Clock clock) {
        this.clients = clients;
        boolean admin = currentUser.require().has(Role.ADMIN);
        setSizeFull();
        H2 title = new H2(getTranslation("clients.title"));

        search.setPlaceholder(getTranslation("clients.search"));
        search.setAriaLabel(getTranslation("clients.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> filter());
        search.setId("client-search");
        search.setWidth("22em");

        status.setLabel(getTranslation("clients.filter.status"));
        status.setItems(ClientStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("clients.filter.allStatuses"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("clients.filter.allStatuses")
                : getTranslation("client.status." + s.name()));
        status.addValueChangeListener(e -> filter());
        status.setId("client-status-filter");

        mineOnly.setLabel(getTranslation("clients.filter.mine"));
        mineOnly.addValueChangeListener(e -> filter());
        mineOnly.setId("client-mine-only");

        team.setLabel(getTranslation("clients.filter.team"));
        team.setItems(admin ? accounts.allTeams() : List.of());
        team.setEmptySelectionAllowed(true);
        team.setEmptySelectionCaption(getTranslation("clients.filter.allTeams"));
        team.setItemLabelGenerator(t -> t == null ? getTranslation("clients.filter.allTeams") : t.getName());
        team.addValueChangeListener(e -> filter());
        team.setId("client-team-filter");
        team.setVisible(admin);

        Button create = new Button(getTranslation("clients.new"), VaadinIcon.PLUS.create(),
                e -> new NewClientDialog(clients, admin ? accounts.allTeams() : accounts.teamsOf(currentUser.require()),
                        LocalDate.now(clock), created -> getUI().ifPresent(ui -> ui.navigate(ClientView.class,
                                new RouteParameters(ClientView.CLIENT_ID, String.valueOf(created.id()))))).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.KEY_N, KeyModifier.ALT);
        create.setId("new-client");

        HorizontalLayout toolbar = new HorizontalLayout(search, status, team, mineOnly, create);
        toolbar.setWrap(true);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        grid.addColumn(ClientSummary::fullName).setHeader(getTranslation("clients.col.name")).setSortable(true).setFlexGrow(2);
        grid.addColumn(c -> dates.format(c.birthDate())).setHeader(getTranslation("clients.col.birthDate"));
        grid.addColumn(ClientSummary::nationalRegisterNumberFormatted).setHeader(getTranslation("client.nrn"));
        grid.addColumn(ClientSummary::teamName).setHeader(getTranslation("clients.col.team"));
        grid.addColumn(c -> c.responsibleWorkerName() == null ? "" : c.responsibleWorkerName())
                .setHeader(getTranslation("clients.col.worker"));
        grid.addColumn(c -> getTranslation("client.status." + c.status().name())).setHeader(getTranslation("clients.col.status"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setId("client-grid");
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
        grid.setEmptyStateComponent(new Paragraph(getTranslation("clients.empty")));

        add(title, toolbar, grid);
        filter();
    }

    private void open(ClientSummary client) {
        getUI().ifPresent(ui -> ui.navigate(ClientView.class,
                new RouteParameters(ClientView.CLIENT_ID, String.valueOf(client.id()))));
    }

    private void filter() {
        grid.setItems(clients.listShown(new ClientFilter(search.getValue(),
                team.getValue() == null ? null : team.getValue().getId(), status.getValue(), mineOnly.getValue()), "client list"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("clients.title") + " – " + getTranslation("app.name");
    }

    @org.springframework.stereotype.Component
    static class Navigation implements NavigationContributor {

        @Override
        public List<MainLayout.NavEntry> entries() {
            return List.of(new MainLayout.NavEntry("nav.clients", ClientListView.class, 10));
        }
    }
}
