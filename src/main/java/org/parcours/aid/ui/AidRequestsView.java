package org.parcours.aid.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.aid.AidRequestDetails;
import org.parcours.aid.AidRequestSummary;
import org.parcours.aid.AidService;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.ui.ClientView;
import org.parcours.security.Role;

/** A household's CASU aid requests, newest first, and "new request". */
@Route("clients/:clientId([0-9]{1,18})/aid")
@RolesAllowed({Role.WORKER_NAME, Role.ADMIN_NAME})
public class AidRequestsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AidService aid;
    private final ClientService clients;
    private ClientSummary client;

    public AidRequestsView(AidService aid, ClientService clients) {
        this.aid = aid;
        this.clients = clients;
        setMaxWidth("70em");
    }

    public static RouteParameters parameters(long clientId) {
        return new RouteParameters(ClientView.CLIENT_ID, String.valueOf(clientId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            client = clients.requireVisible(Long.parseLong(event.getRouteParameters().get(ClientView.CLIENT_ID).orElseThrow()));
        } catch (ClientNotFoundException e) {
            Paragraph missing = new Paragraph(getTranslation("aid.notFound"));
            missing.setId("aid-requests-not-found");
            add(missing);
            return;
        }
        H2 title = new H2(getTranslation("aid.requests.title", client.fullName()));
        title.setId("aid-requests-title");
        Button create = new Button(getTranslation("aid.requests.new"), e -> {
            AidRequestDetails created = aid.create(client.id());
            getUI().ifPresent(ui -> ui.navigate(AidRequestView.class, AidRequestView.parameters(created.id())));
        });
        create.setId("aid-request-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        Grid<AidRequestSummary> grid = new Grid<>();
        grid.setId("aid-requests-grid");
        grid.addColumn(r -> times.format(r.createdAt())).setHeader(getTranslation("aid.col.created"));
        grid.addColumn(AidRequestSummary::createdBy).setHeader(getTranslation("aid.col.author"));
        grid.addColumn(r -> r.submittedAt().map(times::format).orElse("")).setHeader(getTranslation("aid.col.submitted"));
        grid.addColumn(AidRequestSummary::schemes).setHeader(getTranslation("aid.col.schemes"));
        grid.addColumn(AidRequestSummary::pending).setHeader(getTranslation("aid.col.pending"));
        grid.addColumn(r -> getTranslation("aid.status." + r.status().name())).setHeader(getTranslation("aid.col.status"));
        grid.setItems(aid.ofClient(client.id()));
        grid.setAllRowsVisible(true);
        grid.setEmptyStateComponent(new Paragraph(getTranslation("aid.requests.empty")));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(AidRequestView.class, AidRequestView.parameters(e.getItem().id()))));
        add(new RouterLink(getTranslation("contracts.back"), ClientView.class, ClientView.parameters(client.id())), title, create, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("aid.requests.title", client == null ? "" : client.fullName()) + " – " + getTranslation("app.name");
    }
}
