package org.parcours.print;

import java.io.File;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.i18n.I18NProvider;

import org.parcours.audit.AuditEntry;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.HouseholdMember;
import org.parcours.committee.MeetingService.FollowUp;
import org.parcours.formdef.ChoiceItem;
import org.parcours.formdef.ComputedItem;
import org.parcours.formdef.DateItem;
import org.parcours.formdef.NumberItem;
import org.parcours.formdef.ScaleItem;
import org.parcours.formdef.YesNoItem;
import org.parcours.formrun.AnswerCodec;
import org.parcours.privacy.SubjectAccess;
import org.parcours.privacy.SubjectAccess.Report;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subject access document (GDPR art. 15) as a readable A4 PDF, beside the JSON of the privacy
 * page: the client file, every submitted form with its item labels and values, the committee's
 * decisions, the legal hold, and who read or changed the file (the audit trail). Administrators
 * only and audited, both by {@link SubjectAccess}. Every text is escaped ({@link Xml}).
 */
@Service
public class SubjectAccessPdf {

    private final SubjectAccess subjectAccess;
    private final I18NProvider i18n;
    private final Optional<File[]> fonts = EvaluationPdf.availableFonts();

    SubjectAccessPdf(SubjectAccess subjectAccess, I18NProvider i18n) {
        this.subjectAccess = subjectAccess;
        this.i18n = i18n;
    }

    @Transactional
    public Printouts.Printout pdf(long clientId, Locale locale) {
        Report report = subjectAccess.report(clientId, locale, "PDF");
        return new Printouts.Printout(EvaluationPdf.render(xhtml(report, locale), fonts), "client-" + clientId + "-subject-access.pdf");
    }

    private static final String CSS = """
            @page {
              size: A4;
              margin: 14mm 12mm 16mm 12mm;
              @bottom-left { content: "%s"; font-family: '%s', sans-serif; font-size: 7.5pt; color: #5f6368; }
              @bottom-right { content: "%s " counter(page) " / " counter(pages); font-family: '%s', sans-serif; font-size: 7.5pt; color: #5f6368; }
            }
            body { font-family: '%s', sans-serif; font-size: 9pt; color: #202124; line-height: 1.3; }
            h1 { font-size: 15pt; margin: 0 0 2mm 0; }
            h2 { font-size: 12pt; margin: 5mm 0 2mm 0; padding-bottom: 0.8mm; border-bottom: 1pt solid #5f6368; page-break-after: avoid; }
            h3 { font-size: 10pt; margin: 4mm 0 1mm 0; page-break-after: avoid; }
            p.intro { color: #5f6368; margin: 0 0 3mm 0; }
            table { width: 100%%; border-collapse: collapse; }
            tr { page-break-inside: avoid; }
            table.meta td { padding: 1mm 2mm 1mm 0; vertical-align: top; border-bottom: 0.5pt solid #dadce0; }
            table.meta td.k { color: #5f6368; width: 32%%; }
            table.rows th { text-align: left; background-color: #f1f3f4; border: 0.5pt solid #bdc1c6; padding: 1.2mm; font-size: 8pt; }
            table.rows td { border: 0.5pt solid #bdc1c6; padding: 1.2mm; vertical-align: top; word-wrap: break-word; }
            table.rows td.k { width: 45%%; }
            table.log { font-size: 7.5pt; table-layout: fixed; }
            table.log th.when { width: 24mm; }
            table.log th.who { width: 24mm; }
            .muted { color: #5f6368; }
            tr.review td { background-color: #fef7e0; }
            span.review { font-size: 7pt; font-weight: bold; color: #8a5a00; white-space: nowrap; }
            .hold { border-left: 2pt solid #b3261e; background-color: #fce8e6; padding: 1.2mm 2.5mm; margin: 2mm 0; }
            """;

    String xhtml(Report report, Locale locale) {
        W w = new W(locale);
        ClientSummary c = report.client();
        String title = w.t("print.sar.title", c.fullName());
        String font = Xml.cssString(EvaluationPdf.FONT);
        String css = CSS.formatted(Xml.cssString(w.t("print.sar.footer", c.fullName(), w.dateTime(report.generatedAt()))), font,
                Xml.cssString(w.t("print.page")), font, font);
        w.html("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .text(locale.getLanguage()).html("\"><head><meta charset=\"UTF-8\"/><title>").text(title)
                .html("</title><style>").text(css).html("</style></head><body>");
        w.html("<h1>").text(title).html("</h1><p class=\"intro\">")
                .text(w.t("print.sar.intro", w.dateTime(report.generatedAt()), report.generatedBy())).html("</p>");
        w.html(report.legalHold() ? "<p class=\"hold\">" : "<p>").text(w.t(report.legalHold() ? "print.sar.hold" : "print.sar.noHold"))
                .html("</p>");

        w.html("<h2>").text(w.t("print.sar.file")).html("</h2>");
        Map<String, String> file = new LinkedHashMap<>();
        file.put(w.t("client.lastName"), c.lastName());
        file.put(w.t("client.firstName"), c.firstName());
        file.put(w.t("client.birthDate"), w.date(c.birthDate()));
        file.put(w.t("client.nrn"), c.nationalRegisterNumber());
        file.put(w.t("client.phone"), c.phone());
        file.put(w.t("client.email"), c.email());
        file.put(w.t("client.address"), c.address());
        file.put(w.t("client.team"), c.teamName());
        file.put(w.t("client.responsibleWorker"), c.responsibleWorkerName() == null ? w.t("client.noResponsibleWorker") : c.responsibleWorkerName());
        file.put(w.t("client.followUpStart"), w.date(c.followUpStart()));
        file.put(w.t("client.status"), c.status() == null ? "—" : w.t("client.status." + c.status().name()));
        file.put(w.t("client.statusSince"), w.date(c.statusSince()));
        file.put(w.t("client.statusReason"), c.statusReason());
        for (HouseholdMember m : c.household()) {
            file.put(w.t("print.sar.householdMember", m.fullName()), w.date(m.birthDate()));
        }
        w.html("<table class=\"meta\">");
        file.forEach((k, v) -> w.html("<tr><td class=\"k\">").text(k).html("</td><td>").text(v == null || v.isBlank() ? "—" : v).html("</td></tr>"));
        w.html("</table>");

        w.html("<h2>").text(w.t("print.sar.forms", report.submissions().size())).html("</h2>");
        if (report.submissions().isEmpty()) {
            w.html("<p class=\"muted\">").text(w.t("print.sar.none")).html("</p>");
        } else if (report.submissions().stream().anyMatch(f -> f.answers().stream().anyMatch(SubjectAccess.Answer::review))) {
            w.html("<p class=\"intro\">").text(w.t("print.sar.reviewIntro")).html("</p>");
        }
        for (SubjectAccess.Form f : report.submissions()) {
            w.html("<h3>").text(f.formTitle() + " – " + w.t("print.sar.number", f.id())).html("</h3><p class=\"muted\">")
                    .text(w.t("print.sar.submittedVersion", w.dateTime(f.submittedAt()), f.submittedBy() == null ? "—" : f.submittedBy(),
                            f.revision(), f.formVersion()))
                    .html("</p><table class=\"rows\"><tr><th>").text(w.t("print.sar.item")).html("</th><th>").text(w.t("print.sar.value"))
                    .html("</th></tr>");
            for (SubjectAccess.Answer a : f.answers()) {
                w.html(a.review() ? "<tr class=\"review\"><td class=\"k\">" : "<tr><td class=\"k\">").text(a.label());
                if (a.review()) {
                    w.html(" <span class=\"review\">").text(w.t("print.sar.reviewMark")).html("</span>");
                }
                w.html("</td><td>").text(w.shown(a)).html("</td></tr>");
            }
            w.html("</table>");
        }

        w.html("<h2>").text(w.t("print.sar.decisions", report.decisions().size())).html("</h2>");
        if (report.decisions().isEmpty()) {
            w.html("<p class=\"muted\">").text(w.t("print.sar.none")).html("</p>");
        } else {
            w.html("<table class=\"rows\"><tr><th>").text(w.t("print.sar.meeting")).html("</th><th>").text(w.t("print.sar.question"))
                    .html("</th><th>").text(w.t("print.sar.outcome")).html("</th></tr>");
            for (FollowUp d : report.decisions()) {
                w.html("<tr><td>").text(w.date(d.meetingDate())).html("</td><td>").text(w.t("committee.question." + d.question().name()))
                        .html("</td><td>").text(w.t("committee.outcome." + d.outcome().name()) + " (" + w.date(d.decidedOn()) + ")")
                        .html("</td></tr>");
            }
            w.html("</table>");
        }

        w.html("<h2>").text(w.t("print.sar.log", report.accessLog().size())).html("</h2><p class=\"intro\">").text(w.t("print.sar.logIntro"))
                .html("</p><table class=\"rows log\"><tr><th class=\"when\">").text(w.t("print.sar.when")).html("</th><th class=\"who\">").text(w.t("print.sar.who"))
                .html("</th><th>").text(w.t("print.sar.what")).html("</th></tr>");
        for (AuditEntry row : report.accessLog()) {
            w.html("<tr><td>").text(w.dateTime(row.occurredAt())).html("</td><td>").text(row.actor()).html("</td><td>")
                    .text(row.action() + " – " + row.targetType() + " " + row.targetId() + (row.detail() == null ? "" : ": " + row.detail()))
                    .html("</td></tr>");
        }
        w.html("</table></body></html>");
        return w.out.toString();
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

        String date(LocalDate date) {
            return date == null ? "—" : dateFormat.format(date);
        }

        String dateTime(Instant instant) {
            return instant == null ? "—" : dateTimeFormat.format(instant.atZone(EvaluationPdf.ZONE));
        }

        /** A computed value (a total, a remaining income): a number in the language's format, yes or no, else as stored. */
        private String computed(String raw) {
            if (raw.equals("true") || raw.equals("false")) {
                return t(raw.equals("true") ? "print.yes" : "print.no");
            }
            try {
                java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
                format.setMaximumFractionDigits(2);
                return format.format(new java.math.BigDecimal(raw)).replace('\u202f', '\u00a0');
            } catch (NumberFormatException notANumber) {
                return raw;
            }
        }

        /** An answer as the person reads it: the labels of codes, numbers and dates in the language's format, yes or no. */
        String shown(SubjectAccess.Answer answer) {
            String raw = answer.value();
            if (raw == null || raw.isEmpty()) {
                return "—";
            }
            return answer.definition().map(item -> switch (item) {
                case ScaleItem scale -> scale.scale().value(raw).map(v -> v.code() + " – " + v.label().in(locale)).orElse(raw);
                case ChoiceItem choice -> AnswerCodec.codes(raw, choice.multiple()).stream()
                        .map(code -> choice.options().option(code).map(o -> o.label().in(locale)).orElse(code))
                        .collect(Collectors.joining(", "));
                case NumberItem number -> AnswerCodec.number(raw, number.kind()).map(v -> EvaluationPdf.formatNumber(v, number.kind(), locale))
                        .orElse(raw);
                case DateItem ignored -> AnswerCodec.date(raw).map(this::date).orElse(raw);
                case ComputedItem ignored -> computed(raw);
                case YesNoItem ignored -> switch (raw) {
                    case "true" -> t("print.yes");
                    case "false" -> t("print.no");
                    default -> raw;
                };
                default -> raw;
            }).orElse(raw);
        }
    }
}
