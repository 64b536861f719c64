package org.parcours.clients.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationService;
import org.parcours.evaluations.EvaluationSummary;
import org.parcours.evaluations.ui.EvaluationView;
import org.parcours.security.Role;

/** One client file: identity, evaluations of every form, and "new evaluation" per published form. */
@Route("clients/:clientId([0-9]{1,18})")
@RolesAllowed({Role.WORKER_NAME, Role.ADMIN_NAME})
public class ClientView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String CLIENT_ID = "clientId";

    private final ClientService clients;
    private final EvaluationService evaluations;
    private final FormCatalog catalog;
    private String title = "";

    public ClientView(ClientService clients, EvaluationService evaluations, FormCatalog catalog) {
        this.clients = clients;
        this.evaluations = evaluations;
        this.catalog = catalog;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long clientId = Long.parseLong(event.getRouteParameters().get(CLIENT_ID).orElseThrow());
        ClientSummary client;
        try {
            client = clients.open(clientId);
        } catch (ClientNotFoundException e) {
            title = getTranslation("client.notFound");
            Paragraph message = new Paragraph(title);
            message.setId("client-not-found");
            add(message, new RouterLink(getTranslation("client.back"), ClientListView.class));
            return;
        }
        title = client.fullName();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());

        H2 name = new H2(client.fullName());
        name.setId("client-name");
        add(new RouterLink(getTranslation("client.back"), ClientListView.class), name,
                new Paragraph(getTranslation("client.birthDate") + " : " + dates.format(client.birthDate())
                        + " · " + getTranslation("client.team") + " : " + client.teamName()));

        HorizontalLayout actions = new HorizontalLayout();
        for (PublishedForm form : catalog.liveForms()) {
            Button start = new Button(getTranslation("client.newEvaluation", form.definition().title().in(getLocale())),
                    VaadinIcon.PLUS.create(), e -> getUI().ifPresent(ui -> ui.navigate(EvaluationView.class,
                    EvaluationView.newEvaluation(client.id(), form.formKey()))));
            start.setId("new-evaluation-" + form.formKey());
            actions.add(start);
        }
        add(actions, new H3(getTranslation("client.evaluations")));

        Grid<EvaluationSummary> grid = new Grid<>();
        grid.setId("evaluation-grid");
        grid.addColumn(s -> s.formTitle().in(getLocale())).setHeader(getTranslation("evaluation.col.form")).setFlexGrow(2);
        grid.addColumn(EvaluationSummary::formVersion).setHeader(getTranslation("evaluation.col.version"));
        grid.addColumn(s -> getTranslation("evaluation.status." + s.status().name())).setHeader(getTranslation("evaluation.col.status"));
        grid.addColumn(EvaluationSummary::createdBy).setHeader(getTranslation("evaluation.col.author"));
        grid.addColumn(s -> times.format(s.updatedAt())).setHeader(getTranslation("evaluation.col.updated"));
        grid.addColumn(EvaluationSummary::answered).setHeader(getTranslation("evaluation.col.answered"));
        grid.setItems(evaluations.ofClient(client.id()));
        grid.setEmptyStateComponent(new Paragraph(getTranslation("client.evaluations.empty")));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(EvaluationView.class,
                EvaluationView.existing(e.getItem().id()))));
        grid.setAllRowsVisible(true);
        add(grid);
    }

    public static RouteParameters parameters(long clientId) {
        return new RouteParameters(CLIENT_ID, String.valueOf(clientId));
    }

    @Override
    public String getPageTitle() {
        return title + " – " + getTranslation("app.name");
    }
}
