package org.parcours.committee.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import org.parcours.committee.history.ScoreCell;
import org.parcours.committee.history.ScoreComparison;
import org.parcours.formdef.Colour;

/**
 * Two sets of scores side by side: a row per factor, a coloured code per side, and where the two
 * differ a "≠" marker with an aria-label and a bold row outline (not colour alone).
 */
final class CompareTable {

    private CompareTable() {
    }

    static Div of(Component context, ScoreComparison comparison, String leftHeading, String rightHeading) {
        Paragraph summary = new Paragraph(context.getTranslation("compare.summary", comparison.differences().size()));
        summary.setId("compare-summary");

        NativeTable table = new NativeTable();
        table.setId("compare-table");
        table.setCaptionText(context.getTranslation("compare.caption"));
        table.addClassName("compare-table");
        NativeTableRow header = table.getHead().addRow();
        for (String text : new String[] {context.getTranslation("compare.col.factor"), leftHeading, rightHeading,
                context.getTranslation("compare.col.diff")}) {
            NativeTableHeaderCell cell = header.addHeaderCell();
            cell.setText(text);
            cell.getElement().setAttribute("scope", "col");
        }
        var body = table.addBody();
        for (ScoreComparison.Line line : comparison.lines()) {
            NativeTableRow row = body.addRow();
            row.setId("compare-row-" + line.itemId());
            row.getElement().setAttribute("data-differs", String.valueOf(line.differs()));
            NativeTableHeaderCell label = row.addHeaderCell();
            label.setText(line.label().in(locale()));
            label.getElement().setAttribute("scope", "row");
            row.add(cell(context, "compare-left-" + line.itemId(), line.left(), line.leftAt()));
            row.add(cell(context, "compare-right-" + line.itemId(), line.right(), line.rightAt()));
            NativeTableCell diff = new NativeTableCell();
            if (line.differs()) {
                Span marker = new Span("≠");
                marker.setId("compare-diff-" + line.itemId());
                marker.getElement().setAttribute("role", "img");
                marker.getElement().setAttribute("aria-label", context.getTranslation("compare.differs"));
                marker.getElement().setAttribute("title", context.getTranslation("compare.differs"));
                marker.addClassName("compare-differs");
                diff.add(marker);
            } else {
                Span same = new Span("=");
                same.getElement().setAttribute("aria-label", context.getTranslation("compare.same"));
                same.addClassName("compare-same");
                diff.add(same);
            }
            row.add(diff);
        }
        Div scroller = new Div(summary, table);
        scroller.setId("compare");
        scroller.addClassName("compare-scroller");
        return scroller;
    }

    private static NativeTableCell cell(Component context, String id, Optional<ScoreCell> value, Optional<Instant> at) {
        NativeTableCell td = new NativeTableCell();
        if (value.isEmpty()) {
            Span none = new Span("–");
            none.setId(id);
            none.getElement().setAttribute("aria-label", context.getTranslation("history.noValue"));
            td.add(none);
            return td;
        }
        ScoreCell c = value.get();
        Span code = new Span(c.code());
        code.setId(id);
        code.getElement().setAttribute("data-code", c.code());
        code.getElement().setAttribute("data-colour", c.colour().yamlName());
        String label = c.label().in(locale());
        String when = at.map(i -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale())
                .withZone(ZoneId.systemDefault()).format(i)).orElse("");
        code.getElement().setAttribute("aria-label", c.code() + " – " + label + (when.isEmpty() ? "" : " (" + when + ")"));
        code.getElement().setAttribute("title", label + (when.isEmpty() ? "" : " – " + when));
        Colour colour = c.colour();
        code.addClassNames("score-cell", "score-" + colour.yamlName());
        td.add(code);
        return td;
    }

    static java.util.Locale locale() {
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        return ui == null ? java.util.Locale.getDefault() : ui.getLocale();
    }
}
