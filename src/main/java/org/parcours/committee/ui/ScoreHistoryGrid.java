package org.parcours.committee.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.html.Div;

import org.parcours.committee.history.FactorRow;
import org.parcours.committee.history.HistoryColumn;
import org.parcours.committee.history.HistorySection;
import org.parcours.committee.history.ScoreCell;
import org.parcours.committee.history.ScoreHistory;
import org.parcours.committee.history.Trend;

/**
 * The side-by-side grid of a {@link ScoreHistory} as one light element: the table is written on
 * the server as HTML (classes of styles.css for the colours) and sent as the element's
 * content, instead of one styled component per cell: a 24-measurement grid is one state node, not
 * hundreds (docs/decisions/0010). Same table as {@link ScoreHistoryTable}: caption, column and row
 * headers with their scopes, a section header per group, coloured codes with the value label as
 * title and screen-reader label, a trend per factor, former labels as a title on the factor; ids
 * start with {@code prefix}. Every text is escaped.
 */
class ScoreHistoryGrid extends Div {

    ScoreHistoryGrid(ScoreHistory history, String prefix, Locale locale) {
        setWidthFull();
        addClassName("score-grid-host");
        getElement().setProperty("innerHTML", html(history, prefix, locale));
    }

    private String html(ScoreHistory history, String prefix, Locale locale) {
        String caption = escape(getTranslation(locale, "history.caption"));
        StringBuilder h = new StringBuilder(4096 + history.columns().size() * history.rows().size() * 160);
        h.append("<div id=\"").append(escape(prefix)).append("scroller\" class=\"score-grid-scroller\" tabindex=\"0\" role=\"region\" aria-label=\"")
                .append(caption).append("\"><table id=\"").append(escape(prefix)).append("table\" class=\"score-grid\"><caption>")
                .append(caption).append("</caption><thead><tr><th scope=\"col\" class=\"score-grid-factor\">")
                .append(escape(getTranslation(locale, "history.col.factor"))).append("</th>");
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(ZoneId.systemDefault());
        for (HistoryColumn column : history.columns()) {
            h.append("<th id=\"").append(escape(prefix)).append("col-").append(column.index()).append("\" scope=\"col\" class=\"score-grid-col\">")
                    .append("<span class=\"score-grid-date\">").append(escape(date(dates, column.measuredAt()))).append("</span>")
                    .append("<span class=\"score-grid-author\">").append(escape(column.author())).append("</span></th>");
        }
        h.append("<th scope=\"col\">").append(escape(getTranslation(locale, "history.col.trend"))).append("</th></tr></thead>");

        int width = history.columns().size() + 2;
        String noValue = escape(getTranslation(locale, "history.noValue"));
        String removedText = escape(" (" + getTranslation(locale, "history.removed") + ")");
        for (HistorySection section : history.sections()) {
            h.append("<tbody id=\"").append(escape(prefix)).append("section-").append(escape(section.id())).append("\"><tr><th colspan=\"")
                    .append(width).append("\" scope=\"colgroup\" class=\"score-grid-group\">").append(escape(section.title().in(locale)))
                    .append("</th></tr>");
            for (FactorRow row : section.rows()) {
                row(h, row, prefix, locale, noValue, removedText);
            }
            h.append("</tbody>");
        }
        return h.append("</table></div>").toString();
    }

    private void row(StringBuilder h, FactorRow row, String prefix, Locale locale, String noValue, String removedText) {
        String item = escape(row.itemId());
        h.append("<tr id=\"").append(escape(prefix)).append("row-").append(item).append("\" data-removed=\"").append(row.removed()).append('"')
                .append(row.removed() ? " class=\"score-grid-removed\"" : "").append("><th scope=\"row\" class=\"score-grid-label\"><span id=\"")
                .append(escape(prefix)).append("label-").append(item).append('"');
        if (!row.formerLabels().isEmpty()) {
            // keyboard users reach the former labels too: the label takes the focus and says them
            String former = escape(getTranslation(locale, "history.formerLabels",
                    row.formerLabels().stream().map(l -> l.in(locale)).collect(Collectors.joining(" ; "))));
            h.append(" class=\"score-grid-former\" tabindex=\"0\" title=\"").append(former).append('"');
        }
        h.append('>').append(escape(row.label().in(locale))).append("</span>");
        if (row.removed()) {
            h.append("<span class=\"score-grid-removed-note\">").append(removedText).append("</span>");
        }
        h.append("</th>");
        for (int i = 0; i < row.cells().size(); i++) {
            Optional<ScoreCell> cell = row.cells().get(i);
            if (cell.isEmpty()) {
                h.append("<td><span class=\"score-none\" aria-label=\"").append(noValue).append("\">–</span></td>");
                continue;
            }
            ScoreCell value = cell.get();
            String code = escape(value.code());
            String label = escape(value.label().in(locale));
            String colour = value.colour().yamlName();
            h.append("<td><span id=\"").append(escape(prefix)).append("cell-").append(item).append('-').append(i)
                    .append("\" class=\"score-cell score-").append(colour).append("\" data-colour=\"").append(colour)
                    .append("\" data-code=\"").append(code).append("\" title=\"").append(label).append("\" aria-label=\"")
                    .append(code).append(" – ").append(label).append("\">").append(code).append("</span></td>");
        }
        String trend = escape(getTranslation(locale, "history.trend." + row.trend().name()));
        h.append("<td class=\"score-grid-trend\"><span id=\"").append(escape(prefix)).append("trend-").append(item).append("\" data-trend=\"")
                .append(row.trend().name()).append("\" class=\"score-trend score-trend-").append(row.trend().name().toLowerCase(Locale.ROOT))
                .append("\" role=\"img\" aria-label=\"").append(trend).append("\" title=\"").append(trend).append("\">")
                .append(marker(row.trend())).append("</span></td></tr>");
    }

    private static String marker(Trend trend) {
        return switch (trend) {
            case BETTER -> "▲";
            case WORSE -> "▼";
            case UNCHANGED -> "=";
            case UNKNOWN -> "·";
        };
    }

    private static String date(DateTimeFormatter dates, Instant instant) {
        return dates.format(instant);
    }

    /** Text and attribute values as HTML: nothing a form author or a user typed can become markup. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
