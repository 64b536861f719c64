package org.parcours.committee.ui;

import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;

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
import org.parcours.clients.ClientSummary;
import org.parcours.committee.HistoryService;
import org.parcours.committee.history.ScoreComparison;
import org.parcours.security.Role;
import org.parcours.ui.MainLayout;
import org.parcours.ui.NavigationContributor;

/**
 * Two clients side by side ({@code left}, {@code right}: client ids): the newest answer per factor
 * of each, differences marked. Each client is read with the usual access check, so a client the
 * user may not see is "not found". Two pickers (among the clients the user may see) choose them.
 */
@Route("committee/compare")
@RolesAllowed({Role.WORKER_NAME, Role.ADMIN_NAME, Role.COMMITTEE_NAME})
public class ClientCompareView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String LEFT = "left";
    public static final String RIGHT = "right";

    static final int PICKER_LIMIT = 50;

    private final HistoryService service;
    private String title = "";
    final ComboBox<ClientSummary> leftPicker = picker("picker.left", "compare-left");
    final ComboBox<ClientSummary> rightPicker = picker("picker.right", "compare-right");

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
        add(heading, pickers());
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
            // with ?meeting=, both clients are read through that meeting's agenda (docs/decisions/0016)
            java.util.OptionalLong meeting = HistoryView.meeting(query);
            l = service.history(left.get(), formKey, meeting);
            r = service.history(right.get(), formKey, meeting);
        } catch (ClientNotFoundException | FormNotFoundException e) {
            message(getTranslation(e instanceof ClientNotFoundException ? "client.notFound" : "history.formNotFound"));
            return;
        }
        leftPicker.setValue(l.client());
        rightPicker.setValue(r.client());
        add(CompareTable.of(this, ScoreComparison.ofClients(l.history(), r.history()), l.client().fullName(), r.client().fullName()));
    }

    private ComboBox<ClientSummary> picker(String label, String id) {
        ComboBox<ClientSummary> picker = new ComboBox<>(getTranslation(label));
        picker.setId(id);
        picker.setPlaceholder(getTranslation("picker.clientPlaceholder"));
        picker.setItemLabelGenerator(c -> c.fullName() + " (" + c.birthDate() + ", " + c.teamName() + ")");
        picker.setItems((com.vaadin.flow.data.provider.CallbackDataProvider.FetchCallback<ClientSummary, String>) query ->
                service.findClients(query.getFilter().orElse(""), PICKER_LIMIT).stream().skip(query.getOffset()).limit(query.getLimit()));
        picker.setWidth("22em");
        return picker;
    }

    private HorizontalLayout pickers() {
        Button compare = new Button(getTranslation("picker.compare"), e -> {
            if (leftPicker.getValue() != null && rightPicker.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(ClientCompareView.class, QueryParameters.simple(Map.of(
                        LEFT, String.valueOf(leftPicker.getValue().id()), RIGHT, String.valueOf(rightPicker.getValue().id())))));
            }
        });
        compare.setId("compare-go");
        compare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button history = new Button(getTranslation("picker.history"), e -> {
            if (leftPicker.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(HistoryView.class,
                        new RouteParameters(HistoryView.CLIENT_ID, String.valueOf(leftPicker.getValue().id()))));
            }
        });
        history.setId("compare-history");
        HorizontalLayout row = new HorizontalLayout(leftPicker, rightPicker, compare, history);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
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

    @org.springframework.stereotype.Component
    static class Navigation implements NavigationContributor {

        @Override
        public java.util.List<MainLayout.NavEntry> entries() {
            return java.util.List.of(new MainLayout.NavEntry("nav.compare", ClientCompareView.class, 32));
        }
    }
}
