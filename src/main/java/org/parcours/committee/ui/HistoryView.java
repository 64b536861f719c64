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

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long clientId = Long.parseLong(event.getRouteParameters().get(CLIENT_ID).orElseThrow());
        String formKey = event.getLocation().getQueryParameters().getSingleParameter(FORM).orElseGet(service::defaultFormKey);
        HistoryService.ClientHistory page;
        try {
            page = service.history(clientId, formKey);
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
            // Issue 6: a worker puts the client on a committee meeting's agenda from its history.
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
            compare.setQueryParameters(QueryParameters.simple(java.util.Map.of(MeasurementCompareView.A, "1", MeasurementCompareView.B, "0",
                    FORM, history.formKey())));
            compare.setId("history-compare");
            add(compare);
        }
        add(table(history));
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
        panel.getStyle().set("border-inline-start", "4px solid " + ScaleColours.border(Colour.AMBER))
                .set("background", ScaleColours.background(Colour.AMBER)).set("color", ScaleColours.text(Colour.AMBER))
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-m)");
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
        panel.getStyle().set("border-inline-start", "4px solid " + ScaleColours.border(Colour.RED))
                .set("background", ScaleColours.background(Colour.RED)).set("color", ScaleColours.text(Colour.RED))
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-m)");
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
            ListItem item = new ListItem(getTranslation("history.flag", flag.rule(), row.label().in(getLocale()),
                    flag.measurements(), evidence.toString()));
            item.setId("history-flag-" + row.itemId());
            list.add(item);
        }
        panel.add(list);
        return panel;
    }

    private Div table(ScoreHistory history) {
        NativeTable table = new NativeTable();
        table.setId("history-table");
        table.setCaptionText(getTranslation("history.caption"));
        table.getStyle().set("border-collapse", "collapse").set("font-size", "var(--lumo-font-size-s)");

        NativeTableRow header = table.getHead().addRow();
        NativeTableHeaderCell factor = header.addHeaderCell();
        factor.setText(getTranslation("history.col.factor"));
        factor.getElement().setAttribute("scope", "col");
        factor.getStyle().set("text-align", "start");
        for (HistoryColumn column : history.columns()) {
            NativeTableHeaderCell cell = header.addHeaderCell();
            cell.setId("history-col-" + column.index());
            cell.getElement().setAttribute("scope", "col");
            Span when = new Span(date(column.submittedAt()));
            when.getStyle().set("display", "block").set("white-space", "nowrap");
            Span who = new Span(column.author());
            who.getStyle().set("display", "block").set("font-weight", "normal").set("color", "var(--lumo-secondary-text-color)");
            cell.add(when, who);
            cell.getStyle().set("padding", "var(--lumo-space-xs)").set("vertical-align", "bottom");
        }
        NativeTableHeaderCell trend = header.addHeaderCell();
        trend.setText(getTranslation("history.col.trend"));
        trend.getElement().setAttribute("scope", "col");

        int width = history.columns().size() + 2;
        for (HistorySection section : history.sections()) {
            NativeTableBody body = table.addBody();
            body.setId("history-section-" + section.id());
            NativeTableRow groupRow = body.addRow();
            NativeTableHeaderCell group = groupRow.addHeaderCell();
            group.setText(section.title().in(getLocale()));
            group.getElement().setAttribute("colspan", String.valueOf(width));
            group.getElement().setAttribute("scope", "colgroup");
            group.getStyle().set("text-align", "start").set("padding", "var(--lumo-space-s) var(--lumo-space-xs) var(--lumo-space-xs)")
                    .set("border-bottom", "1px solid var(--lumo-contrast-30pct)");
            for (FactorRow row : section.rows()) {
                body.add(factorRow(row));
            }
        }

        Div scroller = new Div(table);
        scroller.setId("history-scroller");
        scroller.setWidthFull();
        scroller.getStyle().set("overflow-x", "auto");
        // Keyboard users can focus the region to scroll a wide history sideways.
        scroller.getElement().setAttribute("tabindex", "0");
        scroller.getElement().setAttribute("role", "region");
        scroller.getElement().setAttribute("aria-label", getTranslation("history.caption"));
        return scroller;
    }

    private NativeTableRow factorRow(FactorRow row) {
        NativeTableRow tr = new NativeTableRow();
        tr.setId("history-row-" + row.itemId());
        tr.getElement().setAttribute("data-removed", String.valueOf(row.removed()));

        NativeTableHeaderCell label = tr.addHeaderCell();
        label.getElement().setAttribute("scope", "row");
        label.getStyle().set("text-align", "start").set("font-weight", "normal").set("padding", "var(--lumo-space-xs)");
        Span text = new Span(row.label().in(getLocale()));
        text.setId("history-label-" + row.itemId());
        label.add(text);
        String tip = tooltip(row);
        if (!tip.isEmpty()) {
            text.getElement().setAttribute("tabindex", "0");
            text.getStyle().set("text-decoration", "underline dotted");
            Tooltip.forComponent(text).setText(tip);
        }
        if (row.removed()) {
            tr.getStyle().set("color", "var(--lumo-disabled-text-color)").set("opacity", "0.6");
            Span removed = new Span(" (" + getTranslation("history.removed") + ")");
            removed.getStyle().set("font-style", "italic");
            label.add(removed);
        }

        for (int i = 0; i < row.cells().size(); i++) {
            NativeTableCell td = tr.addDataCell();
            td.getStyle().set("padding", "2px").set("text-align", "center");
            Optional<ScoreCell> cell = row.cells().get(i);
            if (cell.isEmpty()) {
                Span none = new Span("–");
                none.getElement().setAttribute("aria-label", getTranslation("history.noValue"));
                none.getStyle().set("color", "var(--lumo-tertiary-text-color)");
                td.add(none);
                continue;
            }
            ScoreCell value = cell.get();
            Span code = new Span(value.code());
            code.setId("history-cell-" + row.itemId() + "-" + i);
            String colour = value.colour().yamlName();
            code.getElement().setAttribute("data-colour", colour);
            code.getElement().setAttribute("data-code", value.code());
            code.getElement().setAttribute("title", value.label().in(getLocale()));
            code.getElement().setAttribute("aria-label", value.code() + " – " + value.label().in(getLocale()));
            code.getStyle().set("display", "inline-block").set("min-width", "2.5em").set("padding", "0 var(--lumo-space-xs)")
                    .set("border-radius", "var(--lumo-border-radius-s)").set("font-weight", "600")
                    .set("background", ScaleColours.background(value.colour()))
                    .set("border", "1px solid " + ScaleColours.border(value.colour()))
                    .set("color", ScaleColours.text(value.colour()));
            td.add(code);
        }

        NativeTableCell trendCell = tr.addDataCell();
        trendCell.getStyle().set("text-align", "center").set("padding", "2px var(--lumo-space-xs)");
        Span marker = new Span(marker(row.trend()));
        marker.setId("history-trend-" + row.itemId());
        marker.getElement().setAttribute("data-trend", row.trend().name());
        String trendText = getTranslation("history.trend." + row.trend().name());
        marker.getElement().setAttribute("aria-label", trendText);
        marker.getElement().setAttribute("title", trendText);
        marker.getElement().setAttribute("role", "img");
        marker.getStyle().set("color", switch (row.trend()) {
            case BETTER -> ScaleColours.text(Colour.GREEN);
            case WORSE -> ScaleColours.text(Colour.RED);
            default -> "var(--lumo-secondary-text-color)";
        });
        trendCell.add(marker);
        return tr;
    }

    private String tooltip(FactorRow row) {
        if (row.formerLabels().isEmpty()) {
            return "";
        }
        return getTranslation("history.formerLabels",
                row.formerLabels().stream().map(l -> l.in(getLocale())).collect(Collectors.joining(" ; ")));
    }

    private static String marker(Trend trend) {
        return switch (trend) {
            case BETTER -> "▲";
            case WORSE -> "▼";
            case UNCHANGED -> "=";
            case UNKNOWN -> "·";
        };
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
