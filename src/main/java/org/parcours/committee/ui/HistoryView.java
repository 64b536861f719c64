package org.parcours.committee.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.shared.Tooltip;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.catalog.FormNotFoundException;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.committee.HistoryService;
import org.parcours.committee.MeetingService;
import org.parcours.security.CurrentUser;
import org.parcours.security.UserContext;
import org.parcours.committee.history.FactorRow;
import org.parcours.committee.history.HistoryColumn;
import org.parcours.committee.history.HistorySection;
import org.parcours.committee.history.PersistentProblem;
import org.parcours.committee.history.RuleFlag;
import org.parcours.committee.history.ScoreCell;
import org.parcours.committee.history.ScoreHistory;
import org.parcours.committee.history.Trend;
import org.parcours.formdef.Colour;
import org.parcours.security.Role;
import org.parcours.ui.renderer.ScaleColours;

/**
 * The side-by-side score history of one client (eVita "Score op / Historiek"): factors as rows,
 * grouped by section, one column per measurement (newest first), coloured codes with the value
 * label as tooltip, a trend per factor, and above the table the factors flagged as a persistent
 * problem with the measurements that justify the flag. Query parameter {@code form} picks
 * another form than the policy's IMASP form.
 */
@Route("clients/:clientId([0-9]{1,18})/history")
@RolesAllowed({Role.WORKER_NAME, Role.ADMIN_NAME, Role.COMMITTEE_NAME})
public class HistoryView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String CLIENT_ID = "clientId";
    public static final String FORM = "form";

    private final HistoryService service;
    private final MeetingService meetings;
    private final CurrentUser currentUser;
    private String title = "";

    public HistoryView(HistoryService service, MeetingService meetings, CurrentUser currentUser) {
        this.service = service;
        this.meetings = meetings;
        this.currentUser = currentUser;
        setPadding(true);
    }

    public static RouteParameters parameters(long clientId) {
        return new RouteParameters(CLIENT_ID, String.valueOf(clientId));
    }

    /** Query parameter: the meeting through whose agenda the client is read (docs/decisions/0016). */
    static final String MEETING = "meeting";

    /** The meeting named by the query, if any (digits only; anything else is ignored). */
    static java.util.OptionalLong meeting(QueryParameters query) {
        return query.getSingleParameter(MEETING).filter(m -> m.matches("[0-9]{1,18}"))
                .map(m -> java.util.OptionalLong.of(Long.parseLong(m))).orElse(java.util.OptionalLong.empty());
    }

    /** The query parameters of a page read through a meeting's agenda, with the others given. */
    static QueryParameters withMeeting(java.util.OptionalLong meeting, java.util.Map<String, String> others) {
        java.util.Map<String, String> all = new java.util.HashMap<>(others);
        meeting.ifPresent(m -> all.put(MEETING, String.valueOf(m)));
        return QueryParameters.simple(all);
    }

    private java.util.OptionalLong meeting = java.util.OptionalLong.empty();

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long clientId = Long.parseLong(event.getRouteParameters().get(CLIENT_ID).orElseThrow());
        String formKey = event.getLocation().getQueryParameters().getSingleParameter(FORM).orElseGet(service::defaultFormKey);
        meeting = meeting(event.getLocation().getQueryParameters());
        HistoryService.ClientHistory page;
        try {
            page = service.history(clientId, formKey, meeting);
        } catch (ClientNotFoundException | FormNotFoundException e) {
            title = getTranslation(e instanceof ClientNotFoundException ? "client.notFound" : "history.formNotFound");
            Paragraph message = new Paragraph(title);
            message.setId("history-not-found");
            add(message);
            return;
        }
        render(page);
    }

    private void render(HistoryService.ClientHistory page) {
        ScoreHistory history = page.history();
        title = getTranslation("history.title", page.client().fullName());
        H2 heading = new H2(title);
        heading.setId("history-title");
        add(heading);
        UserContext user = currentUser.require();
        if (user.has(Role.WORKER) || user.has(Role.ADMIN)) {
            // docs/decisions/0006: a worker puts the client on a committee meeting's agenda from its history.
            Button propose = new Button(getTranslation("committee.propose.button"),
                    e -> new ProposeDialog(meetings, page.client().id(), page.client().fullName()).open());
            propose.setId("propose-to-committee");
            add(propose);
        }
        add(ruleFlags(service.ruleFlags(page.client())));
        if (history.columns().isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("history.empty"));
            empty.setId("history-empty");
            add(empty);
            return;
        }
        add(flags(history));
        if (history.columns().size() > 1) {
            RouterLink compare = new RouterLink(getTranslation("compare.open"), MeasurementCompareView.class, parameters(page.client().id()));
            compare.setQueryParameters(withMeeting(meeting, java.util.Map.of(MeasurementCompareView.A, "1", MeasurementCompareView.B, "0",
                    FORM, history.formKey())));
            compare.setId("history-compare");
            add(compare);
        }
        add(new ScoreHistoryTable(history, "history-"));
    }

    /** DOMAIN §1 R3/R4 on today's date, each with its rule, policy number and client data. */
    private Div ruleFlags(List<RuleFlag> flags) {
        Div panel = new Div();
        panel.setId("history-rule-flags");
        panel.getElement().setAttribute("role", "region");
        panel.getElement().setAttribute("aria-label", getTranslation("rules.flags.title"));
        panel.add(new H3(getTranslation("rules.flags.title")));
        if (flags.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("rules.flags.none", RuleFlagItems.date(service.today(), getLocale())));
            none.setId("history-rule-flags-none");
            panel.add(none);
            return panel;
        }
        panel.addClassNames("notice", ScaleColours.className(Colour.AMBER));
        panel.add(RuleFlagItems.list(this, flags, "history-rule-"));
        return panel;
    }

    private Div flags(ScoreHistory history) {
        Div panel = new Div();
        panel.setId("history-flags");
        panel.getElement().setAttribute("role", "region");
        panel.getElement().setAttribute("aria-label", getTranslation("history.flags.title"));
        H3 heading = new H3(getTranslation("history.flags.title"));
        panel.add(heading);
        List<FactorRow> flagged = history.flagged();
        if (flagged.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("history.flags.none", history.persistentProblemMeasurements()));
            none.setId("history-flags-none");
            panel.add(none);
            return panel;
        }
        panel.addClassNames("notice", ScaleColours.className(Colour.RED));
        UnorderedList list = new UnorderedList();
        for (FactorRow row : flagged) {
            PersistentProblem flag = row.persistentProblem().orElseThrow();
            StringBuilder evidence = new StringBuilder();
            for (int i = 0; i < flag.dates().size(); i++) {
                if (i > 0) {
                    evidence.append(", ");
                }
                evidence.append(date(flag.dates().get(i))).append(" (").append(flag.codes().get(i)).append(')');
            }
            ListItem item = new ListItem(getTranslation("history.flag", flag.message().in(getLocale()), row.label().in(getLocale()),
                    flag.measurements(), evidence.toString()));
            item.setId("history-flag-" + row.itemId());
            list.add(item);
        }
        panel.add(list);
        return panel;
    }

    private String date(Instant instant) {
        Locale locale = getLocale();
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(ZoneId.systemDefault()).format(instant);
    }

    @Override
    public String getPageTitle() {
        return title + " – " + getTranslation("app.name");
    }
}
