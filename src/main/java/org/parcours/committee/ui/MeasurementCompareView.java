package org.parcours.committee.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import java.util.List;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.QueryParameters;
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

import org.parcours.catalog.FormNotFoundException;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.committee.HistoryService;
import org.parcours.committee.history.HistoryColumn;
import org.parcours.committee.history.ScoreComparison;
import org.parcours.security.Role;

/**
 * Two measurements of one client side by side ({@code a} left, {@code b} right: column indices of
 * the history, 0 the newest; by default the previous against the newest), differences marked.
 */
@Route("clients/:clientId([0-9]{1,18})/history/compare")
@RolesAllowed({Role.WORKER_NAME, Role.ADMIN_NAME, Role.COMMITTEE_NAME})
public class MeasurementCompareView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String A = "a";
    public static final String B = "b";

    private final HistoryService service;
    private String title = "";

    public MeasurementCompareView(HistoryService service) {
        this.service = service;
        setPadding(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long clientId = Long.parseLong(event.getRouteParameters().get(HistoryView.CLIENT_ID).orElseThrow());
        var query = event.getLocation().getQueryParameters();
        String formKey = query.getSingleParameter(HistoryView.FORM).orElseGet(service::defaultFormKey);
        java.util.OptionalLong meeting = HistoryView.meeting(query);
        HistoryService.ClientHistory page;
        try {
            page = service.history(clientId, formKey, meeting);
        } catch (ClientNotFoundException | FormNotFoundException e) {
            message(getTranslation(e instanceof ClientNotFoundException ? "client.notFound" : "history.formNotFound"));
            return;
        }
        title = getTranslation("compare.measurements.title", page.client().fullName());
        H2 heading = new H2(title);
        heading.setId("compare-title");
        RouterLink back = new RouterLink(getTranslation("history.open"), HistoryView.class,
                new RouteParameters(HistoryView.CLIENT_ID, String.valueOf(clientId)));
        back.setQueryParameters(HistoryView.withMeeting(meeting, java.util.Map.of(HistoryView.FORM, formKey)));
        back.setId("compare-back");
        add(heading, back);
        int a;
        int b;
        try {
            a = Integer.parseInt(query.getSingleParameter(A).orElse("1"));
            b = Integer.parseInt(query.getSingleParameter(B).orElse("0"));
        } catch (NumberFormatException e) {
            a = -1;
            b = -1;
        }
        ScoreComparison comparison;
        try {
            comparison = ScoreComparison.ofColumns(page.history(), a, b);
        } catch (IllegalArgumentException e) {
            message(getTranslation("compare.invalid"));
            return;
        }
        add(measurementPickers(page, clientId, formKey, meeting, a, b));
        add(CompareTable.of(this, comparison, heading(page.history().columns().get(a)), heading(page.history().columns().get(b))));
    }

    /** Two selects among the client's measurements; a change navigates to the new pair. */
    private HorizontalLayout measurementPickers(HistoryService.ClientHistory page, long clientId, String formKey, java.util.OptionalLong meeting, int a, int b) {
        List<Integer> columns = java.util.stream.IntStream.range(0, page.history().columns().size()).boxed().toList();
        Select<Integer> left = new Select<>();
        Select<Integer> right = new Select<>();
        left.setId("compare-a");
        right.setId("compare-b");
        left.setLabel(getTranslation("picker.measurementA"));
        right.setLabel(getTranslation("picker.measurementB"));
        for (Select<Integer> select : List.of(left, right)) {
            select.setItems(columns);
            // numbered from the oldest, so two measurements of one day stay apart
            select.setItemLabelGenerator(i -> "#" + (columns.size() - i) + " · " + heading(page.history().columns().get(i)));
        }
        left.setValue(a);
        right.setValue(b);
        var listener = (com.vaadin.flow.component.HasValue.ValueChangeListener<
                com.vaadin.flow.component.HasValue.ValueChangeEvent<Integer>>) e -> {
            if (e.isFromClient() && left.getValue() != null && right.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(MeasurementCompareView.class,
                        new RouteParameters(HistoryView.CLIENT_ID, String.valueOf(clientId)),
                        HistoryView.withMeeting(meeting, java.util.Map.of(A, String.valueOf(left.getValue()), B, String.valueOf(right.getValue()),
                                HistoryView.FORM, formKey))));
            }
        };
        left.addValueChangeListener(listener);
        right.addValueChangeListener(listener);
        return new HorizontalLayout(left, right);
    }

    private String heading(HistoryColumn column) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).withZone(ZoneId.systemDefault())
                .format(column.measuredAt()) + " – " + column.author();
    }

    private void message(String text) {
        if (title.isEmpty()) {
            title = text;
        }
        Paragraph message = new Paragraph(text);
        message.setId("compare-message");
        add(message);
    }

    @Override
    public String getPageTitle() {
        return title + " – " + getTranslation("app.name");
    }
}
