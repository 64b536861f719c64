package org.parcours.committee.ui;

import java.util.Optional;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.catalog.FormNotFoundException;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.committee.HistoryService;
import org.parcours.committee.history.ScoreComparison;
import org.parcours.security.Role;

/**
 * Two clients side by side ({@code left}, {@code right}: client ids): the newest answer per factor
 * of each, differences marked. Each client is read with the usual access check, so a client the
 * user may not see is "not found".
 */
@Route("committee/compare")
@RolesAllowed({Role.WORKER_NAME, Role.ADMIN_NAME, Role.COMMITTEE_NAME})
public class ClientCompareView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String LEFT = "left";
    public static final String RIGHT = "right";

    private final HistoryService service;
    private String title = "";

    public ClientCompareView(HistoryService service) {
        this.service = service;
        setPadding(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        title = getTranslation("compare.clients.title");
        H2 heading = new H2(title);
        heading.setId("compare-title");
        add(heading);
        var query = event.getLocation().getQueryParameters();
        Optional<Long> left = id(query.getSingleParameter(LEFT));
        Optional<Long> right = id(query.getSingleParameter(RIGHT));
        if (left.isEmpty() || right.isEmpty()) {
            message(getTranslation("compare.clientsMissing"));
            return;
        }
        String formKey = query.getSingleParameter(HistoryView.FORM).orElseGet(service::defaultFormKey);
        HistoryService.ClientHistory l;
        HistoryService.ClientHistory r;
        try {
            l = service.history(left.get(), formKey);
            r = service.history(right.get(), formKey);
        } catch (ClientNotFoundException | FormNotFoundException e) {
            message(getTranslation(e instanceof ClientNotFoundException ? "client.notFound" : "history.formNotFound"));
            return;
        }
        add(CompareTable.of(this, ScoreComparison.ofClients(l.history(), r.history()), l.client().fullName(), r.client().fullName()));
    }

    private static Optional<Long> id(Optional<String> text) {
        return text.filter(t -> t.matches("[0-9]{1,18}")).map(Long::parseLong);
    }

    private void message(String text) {
        Paragraph message = new Paragraph(text);
        message.setId("compare-message");
        add(message);
    }

    @Override
    public String getPageTitle() {
        return title + " – " + getTranslation("app.name");
    }
}
