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
import org.parcours.ui.chart.Chart;
import org.parcours.ui.renderer.ScaleColours;

/**
 * Figures for administrators and the committee. Each figure is a table (the accessible form, read
 * by screen readers) with a chart beside it ({@link Chart}, ECharts in the browser); the chart
 * repeats the table's numbers and is hidden from assistive technology.
 */
@Route("reports/dashboard")
@RolesAllowed({Role.COMMITTEE_NAME, Role.ADMIN_NAME})
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    /** A colour per series where no scale colour applies, readable on white. */
    private static final List<String> PALETTE = List.of("#1a5fb4", "#c64600", "#26a269", "#613583", "#986a44", "#0b7c86");

    public DashboardView(DashboardService service) {
        setPadding(true);
        Dashboard dashboard = service.forCurrentUser();
        add(new H2(getTranslation("dashboard.title")), new Paragraph(getTranslation("dashboard.scope", dashboard.clients())));
        // one factor section per scored form: the first keeps the ids "dashboard-factors-*"
        for (int i = 0; i < dashboard.scoredForms().size(); i++) {
            DashboardService.ScoredForm form = dashboard.scoredForms().get(i);
            factors(i == 0 ? "factors" : "factors-" + form.formKey(), getTranslation("dashboard.factors.titleOf", form.title().in(getLocale())),
                    form.codes(), form.factors());
        }
        activation(dashboard);
        due(dashboard);
        submissions(dashboard);
        schemes(dashboard);
    }

    private void factors(String id, String title, List<Code> codes, List<FactorCounts> counted) {
        List<String> header = new ArrayList<>(List.of(getTranslation("dashboard.factors.factor")));
        codes.forEach(c -> header.add(c.code() + " – " + c.label().in(getLocale())));
        List<List<String>> rows = new ArrayList<>();
        for (FactorCounts factor : counted) {
            List<String> row = new ArrayList<>(List.of(factor.label().in(getLocale())));
            codes.forEach(code -> row.add(String.valueOf(factor.counts().getOrDefault(code.code(), 0L))));
            rows.add(row);
        }
        // one stacked bar per factor, one segment per code in the scale's colour
        List<Chart.Series> series = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            Code code = codes.get(i);
            series.add(new Chart.Series(header.get(i + 1), ScaleColours.border(code.colour()),
                    counted.stream().map(f -> f.counts().getOrDefault(code.code(), 0L)).toList()));
        }
        List<String> factors = counted.stream().map(f -> f.label().in(getLocale())).toList();
        Chart chart = chart(id, new Chart.Data(Chart.Kind.STACKED_BAR, true, factors, series));
        chart.setHeight(Math.max(16, 2 + 1.8 * factors.size()) + "em");
        section(id, title, chart, table(id, header, rows));
    }

    private void activation(Dashboard d) {
        long total = d.activation().values().stream().mapToLong(Long::longValue).sum();
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<ClientStatus, Long> e : d.activation().entrySet()) {
            rows.add(List.of(getTranslation("dashboard.activation." + e.getKey().name()), String.valueOf(e.getValue()), share(e.getValue(), total)));
        }
        List<String> statuses = rows.stream().map(List::getFirst).toList();
        Chart.Series counts = new Chart.Series(getTranslation("dashboard.count"), ScaleColours.border(Colour.GREEN),
                List.copyOf(d.activation().values()));
        section("activation", getTranslation("dashboard.activation.title"),
                chart("activation", new Chart.Data(Chart.Kind.BAR, false, statuses, List.of(counts))),
                table("activation", List.of(getTranslation("dashboard.activation.status"), getTranslation("dashboard.count"),
                        getTranslation("dashboard.share")), rows));
    }

    private void due(Dashboard d) {
        List<List<String>> rows = new ArrayList<>();
        for (TeamDue team : d.due()) {
            rows.add(List.of(team.team(), String.valueOf(team.overdue()), String.valueOf(team.dueSoon())));
        }
        List<String> teams = d.due().stream().map(TeamDue::team).toList();
        List<Chart.Series> series = List.of(
                new Chart.Series(getTranslation("dashboard.due.overdue"), ScaleColours.border(Colour.RED),
                        d.due().stream().map(TeamDue::overdue).toList()),
                new Chart.Series(getTranslation("dashboard.due.dueSoon"), ScaleColours.border(Colour.AMBER),
                        d.due().stream().map(TeamDue::dueSoon).toList()));
        section("due", getTranslation("dashboard.due.title"), chart("due", new Chart.Data(Chart.Kind.BAR, false, teams, series)),
                table("due", List.of(getTranslation("dashboard.due.team"), getTranslation("dashboard.due.overdue"),
                        getTranslation("dashboard.due.dueSoon")), rows));
    }

    private void submissions(Dashboard d) {
        List<String> header = new ArrayList<>(List.of(getTranslation("dashboard.time.month")));
        header.addAll(d.formKeys());
        section("time", getTranslation("dashboard.time.title"),
                chart("time", monthChart(Chart.Kind.LINE, d.submissions(), d.formKeys(), d.formKeys())),
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
        List<String> names = used.stream().map(code -> d.schemes().get(code).in(getLocale())).toList();
        List<String> header = new ArrayList<>(List.of(getTranslation("dashboard.time.month")));
        header.addAll(names);
        section("schemes", getTranslation("dashboard.schemes.title"),
                chart("schemes", monthChart(Chart.Kind.STACKED_BAR, d.schemesGranted(), used, names)),
                table("schemes", header, monthRows(d.schemesGranted(), used)));
    }

    /** One series per key (named by {@code names}), one category per month: the columns of {@link #monthRows}. */
    private static Chart.Data monthChart(Chart.Kind kind, List<MonthCounts> months, List<String> keys, List<String> names) {
        List<Chart.Series> series = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            series.add(new Chart.Series(names.get(i), PALETTE.get(i % PALETTE.size()),
                    months.stream().map(m -> m.counts().getOrDefault(key, 0L)).toList()));
        }
        return new Chart.Data(kind, false, months.stream().map(m -> MONTH.format(m.month())).toList(), series);
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
        row.addClassName("dashboard-section");
        // a region a keyboard user can reach (and scroll): the page has no other focusable content
        row.getElement().setAttribute("role", "region");
        row.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        row.getElement().setAttribute("tabindex", "0");
        add(heading, row);
    }

    private static Chart chart(String id, Chart.Data data) {
        Chart chart = new Chart(data);
        chart.setId("dashboard-" + id + "-chart");
        chart.addClassName("dashboard-chart");
        chart.setHeight("18em");
        return chart;
    }

    private static NativeTable table(String id, List<String> header, List<List<String>> rows) {
        NativeTable table = new NativeTable();
        table.setId("dashboard-" + id + "-table");
        table.addClassName("data-table");
        NativeTableRow head = table.getHead().addRow();
        for (String text : header) {
            NativeTableHeaderCell cell = head.addHeaderCell();
            cell.setText(text);
            cell.getElement().setAttribute("scope", "col");
        }
        NativeTableBody body = table.addBody();
        for (List<String> values : rows) {
            NativeTableRow tr = body.addRow();
            NativeTableHeaderCell first = tr.addHeaderCell();
            first.setText(values.getFirst());
            first.getElement().setAttribute("scope", "row");
            for (String value : values.subList(1, values.size())) {
                NativeTableCell cell = tr.addDataCell();
                cell.setText(value);
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
