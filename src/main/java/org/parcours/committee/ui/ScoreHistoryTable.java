package org.parcours.committee.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.shared.Tooltip;

import org.parcours.committee.history.FactorRow;
import org.parcours.committee.history.HistoryColumn;
import org.parcours.committee.history.HistorySection;
import org.parcours.committee.history.ScoreCell;
import org.parcours.committee.history.ScoreHistory;
import org.parcours.committee.history.Trend;

/**
 * The side-by-side grid of a {@link ScoreHistory}: factors as rows grouped by section, one column
 * per measurement (newest first), coloured codes with the value label as tooltip, and a trend per
 * factor; in a horizontally scrollable, focusable region. Every id starts with {@code prefix}
 * ("history-" on a client's history page), so several grids can share a page.
 */
class ScoreHistoryTable extends Div {

    ScoreHistoryTable(ScoreHistory history, String prefix) {
        Div scroller = table(history, prefix);
        setWidthFull();
        add(scroller);
    }

    private Div table(ScoreHistory history, String prefix) {
        NativeTable table = new NativeTable();
        table.setId(prefix + "table");
        table.setCaptionText(getTranslation("history.caption"));
        table.addClassName("score-grid");

        NativeTableRow header = table.getHead().addRow();
        NativeTableHeaderCell factor = header.addHeaderCell();
        factor.setText(getTranslation("history.col.factor"));
        factor.getElement().setAttribute("scope", "col");
        factor.addClassName("score-grid-factor");
        for (HistoryColumn column : history.columns()) {
            NativeTableHeaderCell cell = header.addHeaderCell();
            cell.setId(prefix + "col-" + column.index());
            cell.getElement().setAttribute("scope", "col");
            cell.getElement().setAttribute("data-measured-on", java.time.LocalDate.ofInstant(column.measuredAt(), ZoneId.systemDefault()).toString());
            Span when = new Span(date(column.measuredAt()));
            when.addClassName("score-grid-date");
            Span who = new Span(column.author());
            who.addClassName("score-grid-author");
            cell.add(when, who);
            cell.addClassName("score-grid-col");
        }
        NativeTableHeaderCell trend = header.addHeaderCell();
        trend.setText(getTranslation("history.col.trend"));
        trend.getElement().setAttribute("scope", "col");

        int width = history.columns().size() + 2;
        for (HistorySection section : history.sections()) {
            NativeTableBody body = table.addBody();
            body.setId(prefix + "section-" + section.id());
            NativeTableRow groupRow = body.addRow();
            NativeTableHeaderCell group = groupRow.addHeaderCell();
            group.setText(section.title().in(getLocale()));
            group.getElement().setAttribute("colspan", String.valueOf(width));
            group.getElement().setAttribute("scope", "colgroup");
            group.addClassName("score-grid-group");
            for (FactorRow row : section.rows()) {
                body.add(factorRow(row, prefix));
            }
        }

        Div scroller = new Div(table);
        scroller.setId(prefix + "scroller");
        scroller.setWidthFull();
        scroller.addClassName("score-grid-scroller");
        // Keyboard users can focus the region to scroll a wide history sideways.
        scroller.getElement().setAttribute("tabindex", "0");
        scroller.getElement().setAttribute("role", "region");
        scroller.getElement().setAttribute("aria-label", getTranslation("history.caption"));
        return scroller;
    }

    private NativeTableRow factorRow(FactorRow row, String prefix) {
        NativeTableRow tr = new NativeTableRow();
        tr.setId(prefix + "row-" + row.itemId());
        tr.getElement().setAttribute("data-removed", String.valueOf(row.removed()));

        NativeTableHeaderCell label = tr.addHeaderCell();
        label.getElement().setAttribute("scope", "row");
        label.addClassName("score-grid-label");
        Span text = new Span(row.label().in(getLocale()));
        text.setId(prefix + "label-" + row.itemId());
        label.add(text);
        String tip = tooltip(row);
        if (!tip.isEmpty()) {
            text.getElement().setAttribute("tabindex", "0");
            text.addClassName("score-grid-former");
            Tooltip.forComponent(text).setText(tip);
        }
        if (row.removed()) {
            tr.addClassName("score-grid-removed");
            Span removed = new Span(" (" + getTranslation("history.removed") + ")");
            removed.addClassName("score-grid-removed-note");
            label.add(removed);
        }

        for (int i = 0; i < row.cells().size(); i++) {
            NativeTableCell td = tr.addDataCell();
            Optional<ScoreCell> cell = row.cells().get(i);
            if (cell.isEmpty()) {
                Span none = new Span("–");
                none.getElement().setAttribute("aria-label", getTranslation("history.noValue"));
                none.addClassName("score-none");
                td.add(none);
                continue;
            }
            ScoreCell value = cell.get();
            Span code = new Span(value.code());
            code.setId(prefix + "cell-" + row.itemId() + "-" + i);
            String colour = value.colour().yamlName();
            code.getElement().setAttribute("data-colour", colour);
            code.getElement().setAttribute("data-code", value.code());
            code.getElement().setAttribute("title", value.label().in(getLocale()));
            code.getElement().setAttribute("aria-label", value.code() + " – " + value.label().in(getLocale()));
            code.addClassNames("score-cell", "score-" + colour);
            td.add(code);
        }

        NativeTableCell trendCell = tr.addDataCell();
        trendCell.addClassName("score-grid-trend");
        Span marker = new Span(marker(row.trend()));
        marker.setId(prefix + "trend-" + row.itemId());
        marker.getElement().setAttribute("data-trend", row.trend().name());
        String trendText = getTranslation("history.trend." + row.trend().name());
        marker.getElement().setAttribute("aria-label", trendText);
        marker.getElement().setAttribute("title", trendText);
        marker.getElement().setAttribute("role", "img");
        marker.addClassNames("score-trend", "score-trend-" + row.trend().name().toLowerCase(Locale.ROOT));
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
}
