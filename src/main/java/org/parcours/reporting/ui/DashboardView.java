package org.parcours.reporting.ui;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import org.parcours.clients.ClientStatus;
import org.parcours.formdef.Colour;
import org.parcours.reporting.DashboardService;
import org.parcours.reporting.DashboardService.Code;
import org.parcours.reporting.DashboardService.Dashboard;
import org.parcours.reporting.DashboardService.FactorCounts;
import org.parcours.reporting.DashboardService.MonthCounts;
import org.parcours.reporting.DashboardService.TeamDue;
import org.parcours.security.Role;
import org.parcours.ui.MainLayout;
import org.parcours.ui.NavigationContributor;
import org.parcours.ui.renderer.ScaleColours;

/**
 * Figures for administrators and the committee. Each figure is a table (the accessible form, read
 * by screen readers) with a bar chart beside it drawn in CSS; the chart repeats the table and is
 * hidden from assistive technology.
 */
@Route("reports/dashboard")
@RolesAllowed({Role.COMMITTEE_NAME, Role.ADMIN_NAME})
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    /** A segment of a bar: a value and its colour. */
    record Segment(long value, String colour, String title) {
    }

    record Bar(String label, List<Segment> segments) {
        long total() {
            return segments.stream().mapToLong(Segment::value).sum();
        }
    }

    public DashboardView(DashboardService service) {
        setPadding(true);
        Dashboard dashboard = service.forCurrentUser();
        add(new H2(getTranslation("dashboard.title")), new Paragraph(getTranslation("dashboard.scope", dashboard.clients())));
        factors(dashboard);
        activation(dashboard);
        due(dashboard);
        submissions(dashboard);
        schemes(dashboard);
    }

    private void factors(Dashboard d) {
        List<String> header = new ArrayList<>(List.of(getTranslation("dashboard.factors.factor")));
        d.codes().forEach(c -> header.add(c.code() + " – " + c.label().in(getLocale())));
        List<List<String>> rows = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        for (FactorCounts factor : d.factors()) {
            List<String> row = new ArrayList<>(List.of(factor.label().in(getLocale())));
            List<Segment> segments = new ArrayList<>();
            for (Code code : d.codes()) {
                long count = factor.counts().getOrDefault(code.code(), 0L);
                row.add(String.valueOf(count));
                segments.add(new Segment(count, ScaleColours.background(code.colour()), code.code()));
            }
            rows.add(row);
            bars.add(new Bar(factor.label().in(getLocale()), segments));
        }
        // stacked to 100%: the share of each code among the clients measured, with a legend of the codes
        Div chart = chart("factors", bars, true);
        Div legend = new Div();
        legend.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("margin-top", "var(--lumo-space-xs)");
        for (Code code : d.codes()) {
            Span chip = new Span(code.code());
            chip.getStyle().set("background", ScaleColours.background(code.colour())).set("color", ScaleColours.text(code.colour()))
                    .set("padding", "0 var(--lumo-space-xs)").set("border-radius", "var(--lumo-border-radius-s)");
            legend.add(chip);
        }
        chart.add(legend);
        section("factors", getTranslation("dashboard.factors.title"), chart, table("factors", header, rows));
    }

    private void activation(Dashboard d) {
        long total = d.activation().values().stream().mapToLong(Long::longValue).sum();
        List<List<String>> rows = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        for (Map.Entry<ClientStatus, Long> e : d.activation().entrySet()) {
            String label = getTranslation("dashboard.activation." + e.getKey().name());
            rows.add(List.of(label, String.valueOf(e.getValue()), share(e.getValue(), total)));
            bars.add(new Bar(label, List.of(new Segment(e.getValue(),
                    e.getKey() == ClientStatus.SOCIAL_ACTIVATION_ONLY ? ScaleColours.background(Colour.AMBER) : ScaleColours.background(Colour.GREEN),
                    label))));
        }
        section("activation", getTranslation("dashboard.activation.title"), chart("activation", bars, false),
                table("activation", List.of(getTranslation("dashboard.activation.status"), getTranslation("dashboard.count"),
                        getTranslation("dashboard.share")), rows));
    }

    private void due(Dashboard d) {
        List<List<String>> rows = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        for (TeamDue team : d.due()) {
            rows.add(List.of(team.team(), String.valueOf(team.overdue()), String.valueOf(team.dueSoon())));
            bars.add(new Bar(team.team(), List.of(new Segment(team.overdue(), ScaleColours.background(Colour.RED), getTranslation("dashboard.due.overdue")),
                    new Segment(team.dueSoon(), ScaleColours.background(Colour.AMBER), getTranslation("dashboard.due.dueSoon")))));
        }
        section("due", getTranslation("dashboard.due.title"), chart("due", bars, false),
                table("due", List.of(getTranslation("dashboard.due.team"), getTranslation("dashboard.due.overdue"),
                        getTranslation("dashboard.due.dueSoon")), rows));
    }

    private void submissions(Dashboard d) {
        List<String> header = new ArrayList<>(List.of(getTranslation("dashboard.time.month")));
        header.addAll(d.formKeys());
        section("time", getTranslation("dashboard.time.title"), chart("time", monthBars(d.submissions(), "var(--lumo-primary-color-50pct)"), false),
                table("time", header, monthRows(d.submissions(), d.formKeys())));
    }

    private void schemes(Dashboard d) {
        List<String> used = d.schemes().keySet().stream()
                .filter(code -> d.schemesGranted().stream().anyMatch(m -> m.counts().getOrDefault(code, 0L) > 0)).toList();
        if (used.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("dashboard.noData"));
            none.setId("dashboard-schemes-none");
            section("schemes", getTranslation("dashboard.schemes.title"), new Div(), none);
            return;
        }
        List<String> header = new ArrayList<>(List.of(getTranslation("dashboard.time.month")));
        used.forEach(code -> header.add(d.schemes().get(code).in(getLocale())));
        section("schemes", getTranslation("dashboard.schemes.title"),
                chart("schemes", monthBars(d.schemesGranted(), ScaleColours.background(Colour.GREEN)), false),
                table("schemes", header, monthRows(d.schemesGranted(), used)));
    }

    private static List<Bar> monthBars(List<MonthCounts> months, String colour) {
        return months.stream().map(m -> new Bar(MONTH.format(m.month()),
                List.of(new Segment(m.counts().values().stream().mapToLong(Long::longValue).sum(), colour, "")))).toList();
    }

    private static List<List<String>> monthRows(List<MonthCounts> months, List<String> keys) {
        return months.stream().map(m -> {
            List<String> row = new ArrayList<>(List.of(MONTH.format(m.month())));
            keys.forEach(k -> row.add(String.valueOf(m.counts().getOrDefault(k, 0L))));
            return row;
        }).toList();
    }

    private String share(long part, long total) {
        return total == 0 ? "–" : String.format(getLocale(), "%.0f %%", 100.0 * part / total);
    }

    private void section(String id, String title, Component chart, Component table) {
        H3 heading = new H3(title);
        heading.setId("dashboard-" + id + "-title");
        Div row = new Div(table, chart);
        row.setId("dashboard-" + id);
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)").set("align-items", "flex-start")
                .set("width", "100%");
        add(heading, row);
    }

    /** Horizontal bars, longest = full width (or each bar at 100% when stacked shares); hidden from screen readers. */
    private static Div chart(String id, List<Bar> bars, boolean shares) {
        Div chart = new Div();
        chart.setId("dashboard-" + id + "-chart");
        chart.getElement().setAttribute("aria-hidden", "true");
        chart.getStyle().set("flex", "1 1 20em").set("min-width", "16em").set("max-width", "40em").set("font-size", "var(--lumo-font-size-xs)");
        long max = Math.max(1, bars.stream().mapToLong(Bar::total).max().orElse(1));
        for (Bar bar : bars) {
            Div line = new Div();
            line.getStyle().set("display", "grid").set("grid-template-columns", "12em 1fr 3em").set("align-items", "center")
                    .set("gap", "var(--lumo-space-xs)").set("margin-bottom", "2px");
            Span label = new Span(bar.label());
            label.getStyle().set("overflow", "hidden").set("text-overflow", "ellipsis").set("white-space", "nowrap");
            Div track = new Div();
            track.getStyle().set("display", "flex").set("height", "1.1em").set("background", "var(--lumo-contrast-5pct)");
            long denominator = shares ? Math.max(1, bar.total()) : max;
            for (Segment segment : bar.segments()) {
                if (segment.value() == 0) {
                    continue;
                }
                Div part = new Div();
                part.getElement().setAttribute("title", segment.title() + " " + segment.value());
                part.getElement().setAttribute("data-value", String.valueOf(segment.value()));
                part.getStyle().set("width", String.format(java.util.Locale.ROOT, "%.2f%%", 100.0 * segment.value() / denominator))
                        .set("background", segment.colour());
                track.add(part);
            }
            Span total = new Span(String.valueOf(bar.total()));
            line.add(label, track, total);
            chart.add(line);
        }
        return chart;
    }

    private static NativeTable table(String id, List<String> header, List<List<String>> rows) {
        NativeTable table = new NativeTable();
        table.setId("dashboard-" + id + "-table");
        table.getStyle().set("border-collapse", "collapse").set("font-size", "var(--lumo-font-size-s)");
        NativeTableRow head = table.getHead().addRow();
        for (String text : header) {
            NativeTableHeaderCell cell = head.addHeaderCell();
            cell.setText(text);
            cell.getElement().setAttribute("scope", "col");
            cell.getStyle().set("text-align", "start").set("padding", "2px var(--lumo-space-s)")
                    .set("border-bottom", "1px solid var(--lumo-contrast-30pct)");
        }
        NativeTableBody body = table.addBody();
        for (List<String> values : rows) {
            NativeTableRow tr = body.addRow();
            NativeTableHeaderCell first = tr.addHeaderCell();
            first.setText(values.getFirst());
            first.getElement().setAttribute("scope", "row");
            first.getStyle().set("text-align", "start").set("font-weight", "normal").set("padding", "2px var(--lumo-space-s)");
            for (String value : values.subList(1, values.size())) {
                NativeTableCell cell = tr.addDataCell();
                cell.setText(value);
                cell.getStyle().set("text-align", "end").set("padding", "2px var(--lumo-space-s)");
            }
        }
        return table;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.title") + " – " + getTranslation("app.name");
    }

    @org.springframework.stereotype.Component
    static class Navigation implements NavigationContributor {

        @Override
        public List<MainLayout.NavEntry> entries() {
            return List.of(new MainLayout.NavEntry("nav.dashboard", DashboardView.class, 55));
        }
    }
}
