package org.parcours.clients.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.UserAccounts;
import org.parcours.ui.MainLayout;
import org.parcours.ui.NavigationContributor;

/** The clients a worker may see (their teams'), with search and "new client". */
@Route("clients")
@RolesAllowed({Role.WORKER_NAME, Role.ADMIN_NAME})
public class ClientListView extends VerticalLayout implements HasDynamicTitle {

    private final ClientService clients;
    private final Grid<ClientSummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private List<ClientSummary> all = List.of();

    public ClientListView(ClientService clients, CurrentUser currentUser, UserAccounts accounts) {
        this.clients = clients;
        setSizeFull();
        H2 title = new H2(getTranslation("clients.title"));

        search.setPlaceholder(getTranslation("clients.search"));
        search.setAriaLabel(getTranslation("clients.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> filter());
        search.setId("client-search");

        Button create = new Button(getTranslation("clients.new"), VaadinIcon.PLUS.create(),
                e -> new NewClientDialog(clients, accounts.teamsOf(currentUser.require()),
                        created -> getUI().ifPresent(ui -> ui.navigate(ClientView.class,
                                new RouteParameters(ClientView.CLIENT_ID, String.valueOf(created.id()))))).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.KEY_N, com.vaadin.flow.component.KeyModifier.ALT);
        create.setId("new-client");

        HorizontalLayout toolbar = new HorizontalLayout(search, create);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);

        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        grid.addColumn(ClientSummary::fullName).setHeader(getTranslation("clients.col.name")).setSortable(true).setFlexGrow(2);
        grid.addColumn(c -> dates.format(c.birthDate())).setHeader(getTranslation("clients.col.birthDate"));
        grid.addColumn(ClientSummary::teamName).setHeader(getTranslation("clients.col.team"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setId("client-grid");
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
        grid.setEmptyStateComponent(new Paragraph(getTranslation("clients.empty")));

        add(title, toolbar, grid);
        refresh();
    }

    private void open(ClientSummary client) {
        getUI().ifPresent(ui -> ui.navigate(ClientView.class,
                new RouteParameters(ClientView.CLIENT_ID, String.valueOf(client.id()))));
    }

    private void refresh() {
        all = clients.visibleClients();
        filter();
    }

    private void filter() {
        String term = search.getValue().strip().toLowerCase(Locale.ROOT);
        grid.setItems(term.isEmpty() ? all : all.stream()
                .filter(c -> (c.lastName() + " " + c.firstName() + " " + c.firstName() + " " + c.lastName())
                        .toLowerCase(Locale.ROOT).contains(term))
                .toList());
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
