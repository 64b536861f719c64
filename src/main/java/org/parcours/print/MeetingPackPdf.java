package org.parcours.print;

import java.io.File;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.i18n.I18NProvider;

import org.parcours.committee.MeetingService.AgendaEntry;
import org.parcours.committee.MeetingService.DecisionView;
import org.parcours.committee.MeetingService.MeetingDetails;
import org.parcours.committee.history.FactorRow;
import org.parcours.committee.history.HistoryColumn;
import org.parcours.committee.history.HistorySection;
import org.parcours.committee.history.PersistentProblem;
import org.parcours.committee.history.ScoreCell;
import org.parcours.committee.history.ScoreHistory;
import org.parcours.committee.history.Trend;
import org.parcours.formdef.Colour;
import org.springframework.stereotype.Service;

/**
 * The printed pack of a committee meeting (A4): first the agenda (date, chair, members, one line
 * per item), then one section per agenda item with the proposal (question, proposer), the
 * persistent-problem flags and the client's score history in colour (factors grouped by
 * section, one column per measurement, newest first, code in a coloured cell, trend).
 * Every text is escaped ({@link Xml}); fonts, colours and rendering are those of {@link EvaluationPdf}.
 */
@Service
public class MeetingPackPdf {

    /** Columns beyond this many (the oldest measurements) are left out so the grid fits an A4 page. */
    static final int MAX_COLUMNS = 10;

    /** The score history of one agenda item's client, or empty when it cannot be shown (e.g. another team's client). */
    public record ClientPage(AgendaEntry entry, Optional<ScoreHistory> history) {
    }

    private final I18NProvider i18n;
    private final Clock clock;
    private final Optional<File[]> fonts = EvaluationPdf.availableFonts();

    public MeetingPackPdf(I18NProvider i18n, Clock clock) {
        this.i18n = i18n;
        this.clock = clock;
    }

    public byte[] pack(MeetingDetails meeting, List<ClientPage> pages, Locale locale) {
        return EvaluationPdf.render(xhtml(meeting, pages, locale), fonts);
    }

    private static final String CSS = """
            @page {
              size: A4;
              margin: 14mm 12mm 16mm 12mm;
              @bottom-left { content: "%s"; font-family: '%s', sans-serif; font-size: 7.5pt; color: #5f6368; }
              @bottom-right { content: "%s " counter(page) " / " counter(pages); font-family: '%s', sans-serif; font-size: 7.5pt; color: #5f6368; }
            }
            body { font-family: '%s', sans-serif; font-size: 9pt; color: #202124; line-height: 1.3; }
            h1 { font-size: 15pt; margin: 0 0 3mm 0; }
            h2 { font-size: 12pt; margin: 0 0 2mm 0; padding-bottom: 0.8mm; border-bottom: 1pt solid #5f6368; }
            h3 { font-size: 10pt; margin: 4mm 0 1.5mm 0; page-break-after: avoid; }
            table { width: 100%%; border-collapse: collapse; }
            tr { page-break-inside: avoid; }
            table.meta { margin-bottom: 4mm; }
            table.meta td { padding: 1mm 2mm 1mm 0; vertical-align: top; border-bottom: 0.5pt solid #dadce0; }
            table.meta td.k { color: #5f6368; width: 25%%; }
            table.meta td.v { font-weight: bold; }
            table.agenda th { text-align: left; background-color: #f1f3f4; border: 0.5pt solid #bdc1c6; padding: 1.2mm; font-size: 8pt; }
            table.agenda td { border: 0.5pt solid #bdc1c6; padding: 1.2mm; vertical-align: top; word-wrap: break-word; }
            table.agenda td.no { width: 7mm; text-align: right; color: #5f6368; }
            .client { page-break-before: always; }
            .proposal { background-color: #f8f9fa; border-left: 2pt solid #5f6368; padding: 1.5mm 2.5mm; margin: 0 0 2mm 0; }
            .proposal .q { font-weight: bold; font-size: 10pt; }
            .muted { color: #5f6368; }
            .warn { border-left: 2pt solid %s; background-color: %s; color: %s; padding: 1.2mm 2.5mm; margin: 0 0 2mm 0; }
            .flags { border-left: 2pt solid %s; background-color: %s; color: %s; padding: 1.2mm 2.5mm; margin: 0 0 2mm 0; }
            .flags ul { margin: 0.5mm 0 0 0; padding-left: 4mm; }
            table.grid { table-layout: fixed; font-size: 8pt; border-collapse: separate; border-spacing: 0.8mm 0.6mm; }
            table.grid th { font-weight: bold; text-align: center; vertical-align: bottom; padding: 0.5mm; font-size: 7pt; }
            table.grid th.factor { text-align: left; width: 34%%; }
            table.grid th.trend { width: 14mm; }
            table.grid th .who { display: block; font-weight: normal; color: #5f6368; }
            table.grid td.section { font-weight: bold; padding: 2mm 0 0.5mm 0; border-bottom: 0.75pt solid #9aa0a6; }
            table.grid td.label { padding: 0.6mm 0.5mm 0.6mm 0; }
            table.grid td.removed { color: #9aa0a6; font-style: italic; }
            table.grid td.cell { text-align: center; font-weight: bold; border: 1pt solid #bdc1c6; padding: 0.6mm 0; }
            table.grid td.none { text-align: center; color: #9aa0a6; }
            table.grid td.trend { text-align: center; font-weight: bold; }
            .legend { font-size: 7.5pt; margin: 2mm 0 0 0; }
            .legend .entry { display: inline-block; margin: 0 3mm 0.8mm 0; }
            .chip { padding: 0.2mm 1.2mm; border: 0.75pt solid #9aa0a6; font-weight: bold; }
            """;

    String xhtml(MeetingDetails details, List<ClientPage> pages, Locale locale) {
        W w = new W(locale);
        String date = w.date(details.meeting().date());
        String title = w.t("print.meeting.title", date);
        String font = Xml.cssString(EvaluationPdf.FONT);
        String css = CSS.formatted(Xml.cssString(w.t("print.meeting.footer", date)), font, Xml.cssString(w.t("print.page")), font, font,
                PrintColours.border(Colour.AMBER), PrintColours.background(Colour.AMBER), PrintColours.text(Colour.AMBER),
                PrintColours.border(Colour.RED), PrintColours.background(Colour.RED), PrintColours.text(Colour.RED));
        w.html("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .text(locale.getLanguage()).html("\"><head><meta charset=\"UTF-8\"/><title>").text(title)
                .html("</title><style>").text(css).html("</style></head><body>");

        w.html("<h1>").text(title).html("</h1>");
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(w.t("print.meeting.date"), date);
        meta.put(w.t("print.meeting.chair"), details.meeting().chair());
        meta.put(w.t("print.meeting.members"), String.join(", ", details.meeting().membersPresent()));
        meta.put(w.t("print.meeting.status"), w.t("committee.status." + details.meeting().status().name()));
        meta.put(w.t("print.printedOn"), w.dateTime(clock.instant()));
        w.html("<table class=\"meta\">");
        meta.forEach((k, v) -> w.html("<tr><td class=\"k\">").text(k).html("</td><td class=\"v\">").text(v).html("</td></tr>"));
        w.html("</table>");

        w.html("<h3>").text(w.t("print.meeting.agenda", details.agenda().size())).html("</h3>");
        if (details.agenda().isEmpty()) {
            w.html("<p class=\"muted\">").text(w.t("committee.agenda.empty")).html("</p>");
        } else {
            w.html("<table class=\"agenda\"><thead><tr><th class=\"no\">").text(w.t("print.meeting.no"))
                    .html("</th><th>").text(w.t("print.meeting.client"))
                    .html("</th><th>").text(w.t("print.meeting.question"))
                    .html("</th><th>").text(w.t("print.meeting.proposedBy"))
                    .html("</th><th>").text(w.t("print.meeting.imasp"))
                    .html("</th><th>").text(w.t("print.meeting.decision")).html("</th></tr></thead><tbody>");
            int n = 1;
            for (AgendaEntry entry : details.agenda()) {
                w.html("<tr><td class=\"no\">").text(String.valueOf(n++)).html("</td><td><b>").text(entry.clientName())
                        .html("</b></td><td>").text(question(w, entry))
                        .html("</td><td>").text(entry.proposedBy())
                        .html("</td><td>").text(entry.lastImasp() == null ? "—" : w.date(entry.lastImasp()))
                        .html("</td><td>").text(entry.currentDecision().map(d -> decision(w, d)).orElse("—"))
                        .html("</td></tr>");
            }
            w.html("</tbody></table>");
        }

        int n = 1;
        for (ClientPage page : pages) {
            clientPage(w, n++, page);
        }
        w.html("</body></html>");
        return w.out.toString();
    }

    private void clientPage(W w, int number, ClientPage page) {
        AgendaEntry entry = page.entry();
        w.html("<div class=\"client\"><h2>").text(number + ". " + entry.clientName()).html("</h2>");
        w.html("<div class=\"proposal\"><div class=\"muted\">").text(w.t("print.meeting.proposal")).html("</div><div class=\"q\">")
                .text(question(w, entry)).html("</div><div class=\"muted\">")
                .text(w.t("print.meeting.proposedBy") + " " + w.t("print.meeting.proposedOn", entry.proposedBy(), w.date(entry.proposedAt())))
                .html("</div></div>");
        switch (entry.imasp()) {
            case OK -> w.html("<p class=\"muted\">").text(w.t("committee.imasp.ok", w.date(entry.lastImasp()))).html("</p>");
            case MISSING -> w.html("<div class=\"warn\">").text("⚠ " + w.t("committee.imasp.missing")).html("</div>");
            default -> w.html("<div class=\"warn\">").text("⚠ " + w.t("committee.imasp.stale", w.date(entry.lastImasp()))).html("</div>");
        }
        entry.currentDecision().ifPresent(d -> w.html("<p><b>").text(w.t("print.meeting.decision")).html(":</b> ").text(decision(w, d))
                .html("</p>"));

        if (page.history().isEmpty()) {
            w.html("<p class=\"muted\">").text(w.t("print.meeting.noHistory")).html("</p></div>");
            return;
        }
        ScoreHistory history = page.history().get();
        List<FactorRow> flagged = history.flagged();
        w.html("<h3>").text(w.t("history.flags.title")).html("</h3>");
        if (flagged.isEmpty()) {
            w.html("<p class=\"muted\">").text(w.t("history.flags.none", history.persistentProblemMeasurements())).html("</p>");
        } else {
            w.html("<div class=\"flags\"><ul>");
            for (FactorRow row : flagged) {
                PersistentProblem flag = row.persistentProblem().orElseThrow();
                StringBuilder evidence = new StringBuilder();
                for (int i = 0; i < flag.dates().size(); i++) {
                    evidence.append(i > 0 ? ", " : "").append(w.date(flag.dates().get(i))).append("\u00a0(").append(flag.codes().get(i)).append(')');
                }
                w.html("<li>").text(w.t("history.flag", flag.message().in(w.locale), row.label().in(w.locale), flag.measurements(), evidence.toString()))
                        .html("</li>");
            }
            w.html("</ul></div>");
        }

        w.html("<h3>").text(w.t("print.meeting.history")).html("</h3>");
        if (history.columns().isEmpty()) {
            w.html("<p class=\"muted\">").text(w.t("history.empty")).html("</p></div>");
            return;
        }
        grid(w, history);
        w.html("</div>");
    }

    private void grid(W w, ScoreHistory history) {
        List<HistoryColumn> columns = history.columns().subList(0, Math.min(MAX_COLUMNS, history.columns().size()));
        int width = columns.size() + 2;
        w.html("<table class=\"grid\"><thead><tr><th class=\"factor\">").text(w.t("history.col.factor")).html("</th>");
        for (HistoryColumn column : columns) {
            w.html("<th>").text(w.date(column.measuredAt())).html("<span class=\"who\">").text(column.author()).html("</span></th>");
        }
        w.html("<th class=\"trend\">").text(w.t("history.col.trend")).html("</th></tr></thead><tbody>");
        Map<String, ScoreCell> legend = new LinkedHashMap<>();
        for (HistorySection section : history.sections()) {
            w.html("<tr><td class=\"section\" colspan=\"").html(String.valueOf(width)).html("\">").text(section.title().in(w.locale))
                    .html("</td></tr>");
            for (FactorRow row : section.rows()) {
                w.html("<tr><td class=\"label").html(row.removed() ? " removed" : "").html("\">").text(row.label().in(w.locale)
                        + (row.removed() ? " (" + w.t("history.removed") + ")" : "")).html("</td>");
                for (int i = 0; i < columns.size(); i++) {
                    Optional<ScoreCell> cell = row.cells().get(i);
                    if (cell.isEmpty()) {
                        w.html("<td class=\"none\">–</td>");
                        continue;
                    }
                    ScoreCell value = cell.get();
                    legend.putIfAbsent(value.code() + "|" + value.colour(), value);
                    w.html("<td class=\"cell\" style=\"").text(PrintColours.style(value.colour())).html("\">").text(value.code()).html("</td>");
                }
                w.html("<td class=\"trend\" style=\"color: ").html(switch (row.trend()) {
                    case BETTER -> PrintColours.text(Colour.GREEN);
                    case WORSE -> PrintColours.text(Colour.RED);
                    default -> "#5f6368";
                }).html("\">").text(marker(row.trend())).html("</td></tr>");
            }
        }
        w.html("</tbody></table>");
        if (history.columns().size() > columns.size()) {
            w.html("<p class=\"muted\">").text(w.t("print.meeting.olderColumns", history.columns().size() - columns.size())).html("</p>");
        }
        w.html("<div class=\"legend\"><span class=\"muted\">").text(w.t("print.meeting.legend") + ": ").html("</span>");
        for (ScoreCell value : legend.values()) {
            w.html("<span class=\"entry\"><span class=\"chip\" style=\"").text(PrintColours.style(value.colour())).html("\">")
                    .text(value.code()).html("</span> ").text(value.label().in(w.locale)).html("</span> ");
        }
        for (Trend trend : Trend.values()) {
            w.html("<span class=\"entry\"><b>").text(marker(trend)).html("</b> ").text(w.t("print.meeting.trend." + trend.name())).html("</span> ");
        }
        w.html("</div>");
    }

    private static String question(W w, AgendaEntry entry) {
        return w.t("committee.question." + entry.question().name()) + (entry.questionText() == null ? "" : " – " + entry.questionText());
    }

    private static String decision(W w, DecisionView d) {
        return w.t("committee.outcome." + d.outcome().name()) + " (" + w.date(d.decidedOn()) + ") – " + d.motivation();
    }

    static String marker(Trend trend) {
        return switch (trend) {
            case BETTER -> "▲";
            case WORSE -> "▼";
            case UNCHANGED -> "=";
            case UNKNOWN -> "·";
        };
    }

    /** Collects the XHTML; {@link #text} escapes, {@link #html} is for fixed markup only. */
    private final class W {

        final StringBuilder out = new StringBuilder(32_768);
        final Locale locale;
        private final DateTimeFormatter dateFormat;
        private final DateTimeFormatter dateTimeFormat;

        W(Locale locale) {
            this.locale = locale;
            this.dateFormat = EvaluationPdf.translatedFormat(i18n, locale, "print.format.date", "dd/MM/yyyy");
            this.dateTimeFormat = EvaluationPdf.translatedFormat(i18n, locale, "print.format.dateTime", "dd/MM/yyyy HH:mm");
        }

        String t(String key, Object... params) {
            return i18n.getTranslation(key, locale, params);
        }

        W html(String markup) {
            out.append(markup);
            return this;
        }

        W text(String text) {
            out.append(Xml.escape(text));
            return this;
        }

        /** A date that never breaks across lines (no-break spaces, as in "23\u00a0nov.\u00a02026"). */
        String date(LocalDate date) {
            return date == null ? "—" : dateFormat.format(date).replace(' ', '\u00a0');
        }

        String date(Instant instant) {
            return instant == null ? "—" : date(instant.atZone(EvaluationPdf.ZONE).toLocalDate());
        }

        String dateTime(Instant instant) {
            return dateTimeFormat.format(instant.atZone(EvaluationPdf.ZONE));
        }
    }
}
