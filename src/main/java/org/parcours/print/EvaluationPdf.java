package org.parcours.print;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.vaadin.flow.i18n.I18NProvider;

import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationDetails;
import org.parcours.formdef.ChoiceItem;
import org.parcours.formdef.ComputedItem;
import org.parcours.formdef.DateItem;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.Item;
import org.parcours.formdef.LocalizedText;
import org.parcours.formdef.NoteItem;
import org.parcours.formdef.NumberItem;
import org.parcours.formdef.Option;
import org.parcours.formdef.RepeatItem;
import org.parcours.formdef.Scale;
import org.parcours.formdef.ScaleItem;
import org.parcours.formdef.ScaleValue;
import org.parcours.formdef.Section;
import org.parcours.formdef.TextItem;
import org.parcours.formdef.ValueType;
import org.parcours.formdef.YesNoItem;
import org.parcours.formrun.AnswerCodec;
import org.parcours.formrun.FormSession;
import org.springframework.stereotype.Service;

/**
 * PDF printouts (A4) of a filled evaluation and of a blank form: header (form, version, client,
 * author, dates), sections, scale items as a colour-coded grid. Built as XHTML in which every
 * text from forms, answers and translations is escaped, then rendered by openhtmltopdf.
 *
 * <p>Items hidden by their rules (visible-when, section not visible) and items the viewer's roles
 * may not see are left out: those of the printed version, and those a caller names as hidden (an
 * item sensitive in another version of the form, {@code FormDefinition.hiddenFromAnyOf}).
 */
@Service
public class EvaluationPdf {

    /** Dates and times are shown as in the services' offices. */
    static final ZoneId ZONE = ZoneId.of("Europe/Brussels");
    static final String FONT = "Parcours Sans";

    /** Unicode fonts embedded when present (Debian: fonts-dejavu-core); else the PDF base font (Latin-1 only). */
    private static final List<String[]> FONT_CANDIDATES = List.of(
            new String[] {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
            new String[] {"/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"},
            new String[] {"/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"},
            new String[] {"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"});

    private static final int BLANK_REPEAT_ROWS = 3;

    private final I18NProvider i18n;
    private final Clock clock;
    private final Optional<File[]> fonts;

    /** A number as the language writes it: money with two decimals and the euro sign. */
    static String formatNumber(BigDecimal value, NumberItem.Kind kind, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        switch (kind) {
            case INTEGER -> format.setMaximumFractionDigits(0);
            case DECIMAL -> format.setMaximumFractionDigits(10);
            case MONEY -> {
                format.setMinimumFractionDigits(2);
                format.setMaximumFractionDigits(2);
            }
        }
        String text = format.format(value).replace('\u202f', '\u00a0');
        if (kind != NumberItem.Kind.MONEY) {
            return text;
        }
        return locale.getLanguage().equals("en") ? "€" + text : text + "\u00a0€";
    }

    /** A date pattern from the bundles ({@code key}), or {@code fallback} when the translation is not a valid pattern. */
    static DateTimeFormatter translatedFormat(I18NProvider i18n, Locale locale, String key, String fallback) {
        try {
            return DateTimeFormatter.ofPattern(i18n.getTranslation(key, locale), locale);
        } catch (IllegalArgumentException e) {
            return DateTimeFormatter.ofPattern(fallback, locale);
        }
    }

    public EvaluationPdf(I18NProvider i18n, Clock clock) {
        this.i18n = i18n;
        this.clock = clock;
        this.fonts = availableFonts();
    }

    /** The first readable pair of Unicode fonts (regular, bold), shared by every printout. */
    static Optional<File[]> availableFonts() {
        return FONT_CANDIDATES.stream()
                .map(pair -> new File[] {new File(pair[0]), new File(pair[1])})
                .filter(pair -> pair[0].canRead() && pair[1].canRead())
                .findFirst();
    }

    /** The supported language for a requested one: fr, nl or en; French otherwise. */
    public static Locale printLocale(String language) {
        return LocalizedText.LANGUAGES.contains(language) ? Locale.of(language) : Locale.FRENCH;
    }

    /** A filled evaluation (the shown revision), as seen by a user holding {@code roles}. */
    public byte[] evaluation(EvaluationDetails evaluation, Locale locale, Set<String> roles) {
        return evaluation(evaluation, locale, roles, Set.of());
    }

    /** As {@link #evaluation(EvaluationDetails, Locale, Set)}, also leaving out the items of {@code hidden}. */
    public byte[] evaluation(EvaluationDetails evaluation, Locale locale, Set<String> roles, Set<String> hidden) {
        return render(evaluationXhtml(evaluation, locale, roles, hidden));
    }

    /** The current version of a form with empty boxes, to be filled by hand. */
    public byte[] blank(PublishedForm form, Locale locale, Set<String> roles) {
        return render(blankXhtml(form, locale, roles));
    }

    String evaluationXhtml(EvaluationDetails evaluation, Locale locale, Set<String> roles) {
        return evaluationXhtml(evaluation, locale, roles, Set.of());
    }

    String evaluationXhtml(EvaluationDetails evaluation, Locale locale, Set<String> roles, Set<String> hidden) {
        FormDefinition form = evaluation.form().definition();
        FormSession session = FormSession.resume(form, evaluation.answers(), today());
        Writer w = new Writer(locale, roles, hidden, form, Optional.of(session));
        ClientSummary client = evaluation.client();
        String footer = client.fullName() + " – " + form.title().in(locale) + " – " + w.t("print.versionShort", evaluation.form().versionNumber());
        w.begin(form.title().in(locale), footer);
        w.html("<h1>").text(form.title().in(locale)).html("</h1>");
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(w.t("print.client"), w.esc(client.fullName()));
        meta.put(w.t("print.birthDate"), client.birthDate() == null ? "—" : w.esc(w.date(client.birthDate())));
        meta.put(w.t("print.formVersion"), w.esc(String.valueOf(evaluation.form().versionNumber())));
        meta.put(w.t("print.revision"), w.esc(String.valueOf(evaluation.revisionNumber())));
        meta.put(w.t("print.author"), w.esc(evaluation.createdBy().orElse("—")));
        meta.put(w.t("print.status"), w.esc(w.t("print.status." + evaluation.status().name().toLowerCase(Locale.ROOT))));
        meta.put(w.t("print.lastChange"), w.esc(evaluation.updatedAt().map(w::dateTime).orElse("—")));
        meta.put(w.t("print.printedOn"), w.esc(w.dateTime(clock.instant())));
        w.meta(meta);
        w.legends();
        w.sections();
        return w.end();
    }

    /** A table printed under the header of a {@link #document}: title, column headers, rows of plain text. */
    public record Table(String title, List<String> headers, List<List<String>> rows) {
    }

    /**
     * A filled form printed as a document other than an evaluation (a contract, an avenant, an aid
     * request): title, header rows, optional banner, paragraphs and tables before the form's
     * sections, and signature boxes at the end. Every text is escaped. The items of {@code hidden}
     * (sensitive in another version of the form) are left out as well.
     */
    public byte[] document(String heading, String footer, FormDefinition form, Map<String, String> answers, Map<String, String> meta,
                           Optional<String> banner, List<String> paragraphs, List<Table> tables, List<String> signatures,
                           Locale locale, Set<String> roles, Set<String> hidden) {
        return render(documentXhtml(heading, footer, form, answers, meta, banner, paragraphs, tables, signatures, locale, roles, hidden));
    }

    String documentXhtml(String heading, String footer, FormDefinition form, Map<String, String> answers, Map<String, String> meta,
                         Optional<String> banner, List<String> paragraphs, List<Table> tables, List<String> signatures,
                         Locale locale, Set<String> roles, Set<String> hidden) {
        FormSession session = FormSession.resume(form, answers, today());
        Writer w = new Writer(locale, roles, hidden, form, Optional.of(session));
        w.begin(heading, footer);
        w.html("<h1>").text(heading).html("</h1>");
        banner.ifPresent(b -> w.html("<div class=\"banner\">").text(b).html("</div>"));
        Map<String, String> escaped = new LinkedHashMap<>();
        meta.forEach((k, v) -> escaped.put(k, w.esc(v == null || v.isBlank() ? "—" : v)));
        escaped.put(w.t("print.printedOn"), w.esc(w.dateTime(clock.instant())));
        w.meta(escaped);
        for (String paragraph : paragraphs) {
            w.html("<div class=\"note\">").text(paragraph).html("</div>");
        }
        for (Table table : tables) {
            w.html("<h2>").text(table.title()).html("</h2><table class=\"rows\"><tr>");
            table.headers().forEach(h -> w.html("<th>").text(h).html("</th>"));
            w.html("</tr>");
            for (List<String> row : table.rows()) {
                w.html("<tr>");
                row.forEach(cell -> w.html("<td>").text(cell == null ? "" : cell).html("</td>"));
                w.html("</tr>");
            }
            w.html("</table>");
        }
        w.legends();
        w.sections();
        if (!signatures.isEmpty()) {
            w.html("<table class=\"signatures\"><tr>");
            for (String who : signatures) {
                w.html("<td><div class=\"who\">").text(who).html("</div><div class=\"line\">").text(w.t("print.signature.date"))
                        .html("</div><div class=\"sign\">&#160;</div></td>");
            }
            w.html("</tr></table>");
        }
        return w.end();
    }

    String blankXhtml(PublishedForm published, Locale locale, Set<String> roles) {
        FormDefinition form = published.definition();
        Writer w = new Writer(locale, roles, Set.of(), form, Optional.empty());
        w.begin(form.title().in(locale), form.title().in(locale) + " – " + w.t("print.versionShort", published.versionNumber())
                + " – " + w.t("print.blankForm"));
        w.html("<h1>").text(form.title().in(locale)).html("</h1>");
        w.html("<div class=\"banner\">").text(w.t("print.blankForm")).html("</div>");
        Map<String, String> meta = new LinkedHashMap<>();
        String box = "<div class=\"box\">&#160;</div>";
        meta.put(w.t("print.client"), box);
        meta.put(w.t("print.birthDate"), box);
        meta.put(w.t("print.author"), box);
        meta.put(w.t("print.date"), box);
        meta.put(w.t("print.formVersion"), w.esc(String.valueOf(published.versionNumber())));
        meta.put(w.t("print.printedOn"), w.esc(w.dateTime(clock.instant())));
        w.meta(meta);
        w.legends();
        w.sections();
        return w.end();
    }

    private static final org.commonmark.parser.Parser MARKDOWN = org.commonmark.parser.Parser.builder().build();
    /** Markdown as plain text; a soft line break (a newline inside a paragraph) is a space, as on screen. */
    private static final org.commonmark.renderer.text.TextContentRenderer PLAIN_TEXT =
            org.commonmark.renderer.text.TextContentRenderer.builder()
                    .nodeRendererFactory(context -> new org.commonmark.renderer.NodeRenderer() {
                        @Override
                        public Set<Class<? extends org.commonmark.node.Node>> getNodeTypes() {
                            return Set.of(org.commonmark.node.SoftLineBreak.class);
                        }

                        @Override
                        public void render(org.commonmark.node.Node node) {
                            context.getWriter().whitespace();
                        }
                    })
                    .build();

    /** A note's Markdown as plain text (emphasis markers dropped, lists and paragraphs kept as lines); escaped later. */
    static String plainText(String markdown) {
        try {
            return PLAIN_TEXT.render(MARKDOWN.parse(markdown)).strip();
        } catch (RuntimeException e) {
            return markdown;
        }
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    private byte[] render(String xhtml) {
        return render(xhtml, fonts);
    }

    /** Renders with the given Unicode fonts (regular, bold), or with the PDF base fonts when empty. */
    static byte[] render(String xhtml, Optional<File[]> fonts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            PdfResources.restrict(builder);
            fonts.ifPresent(f -> {
                builder.useFont(f[0], FONT, 400, FontStyle.NORMAL, true);
                builder.useFont(f[1], FONT, 700, FontStyle.NORMAL, true);
            });
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---- XHTML -------------------------------------------------------------------------------

    private static final String CSS = """
            @page {
              size: A4;
              margin: 15mm 14mm 18mm 14mm;
              @bottom-left { content: "%s"; font-family: '%s', sans-serif; font-size: 7.5pt; color: #5f6368; }
              @bottom-right { content: "%s " counter(page) " / " counter(pages); font-family: '%s', sans-serif; font-size: 7.5pt; color: #5f6368; }
            }
            body { font-family: '%s', sans-serif; font-size: 9pt; color: #202124; line-height: 1.3; }
            h1 { font-size: 15pt; margin: 0 0 3mm 0; }
            h2 { font-size: 11pt; margin: 5mm 0 1.5mm 0; padding-bottom: 0.8mm; border-bottom: 1pt solid #5f6368; page-break-after: avoid; }
            h3 { font-size: 9.5pt; margin: 3mm 0 1mm 0; page-break-after: avoid; }
            .banner { display: inline-block; border: 1.5pt solid #202124; padding: 1mm 3mm; font-weight: bold; font-size: 10pt; margin-bottom: 3mm; text-transform: uppercase; }
            .description { color: #5f6368; margin: 0 0 1.5mm 0; }
            table { width: 100%%; border-collapse: collapse; }
            tr { page-break-inside: avoid; }
            table.meta { margin-bottom: 3mm; }
            table.meta td { padding: 1mm 2mm 1mm 0; vertical-align: top; border-bottom: 0.5pt solid #dadce0; }
            table.meta td.k { color: #5f6368; width: 22%%; }
            table.meta td.v { width: 28%%; font-weight: bold; }
            table.meta .box { font-weight: normal; }
            .legend { margin: 0 0 2mm 0; font-size: 8pt; }
            .legend .title { color: #5f6368; margin-bottom: 0.8mm; }
            .legend .entry { display: inline-block; margin: 0 4mm 0.8mm 0; }
            .chip { padding: 0.2mm 1.2mm; border: 0.75pt solid #9aa0a6; font-weight: bold; }
            table.grid { border-collapse: separate; border-spacing: 1.2mm 0.9mm; table-layout: fixed; width: 100%%; }
            table.grid td { padding: 0.8mm 1mm; vertical-align: middle; }
            table.grid td.label { padding-left: 0; }
            table.grid td.cell { text-align: center; border: 0.75pt solid #bdc1c6; color: #80868b; font-size: 8pt; height: 4.2mm; padding: 0.4mm 0; }
            table.grid td.chosen { font-weight: bold; border-width: 1.8pt; }
            table.fields td { padding: 1mm 2mm 1mm 0; vertical-align: top; }
            table.fields td.label { width: 38%%; color: #3c4043; }
            table.fields td.value { word-wrap: break-word; }
            .empty { color: #9aa0a6; }
            .box { border: 0.75pt solid #9aa0a6; min-height: 5.5mm; padding: 0.8mm 1.5mm; }
            .box.tall { min-height: 22mm; }
            .box.computed { background-color: #f1f3f4; }
            .unit { color: #9aa0a6; text-align: right; }
            .check { display: inline-block; width: 2.8mm; height: 2.8mm; border: 0.75pt solid #5f6368; margin: 0 1.2mm 0 0; vertical-align: -0.4mm; }
            .option { display: inline-block; margin: 0 4mm 0.8mm 0; }
            .option.line { display: block; }
            .note { background-color: #f8f9fa; border-left: 1.5pt solid #bdc1c6; padding: 1.2mm 2mm; margin: 1mm 0 1.5mm 0; color: #3c4043; }
            table.rows { margin: 0.5mm 0 2mm 0; font-size: 8pt; table-layout: fixed; }
            table.rows th { text-align: left; font-weight: bold; background-color: #f1f3f4; border: 0.5pt solid #bdc1c6; padding: 1mm; vertical-align: bottom; }
            table.rows td { border: 0.5pt solid #bdc1c6; padding: 1mm; vertical-align: top; word-wrap: break-word; }
            table.rows .no { width: 7mm; color: #5f6368; text-align: right; }
            table.rows tr.blank td { height: 7mm; }
            table.signatures { margin-top: 8mm; table-layout: fixed; page-break-inside: avoid; }
            table.signatures td { padding: 0 3mm 0 0; vertical-align: top; }
            table.signatures .who { font-weight: bold; margin-bottom: 1mm; height: 8mm; }
            table.signatures .line { color: #5f6368; margin-bottom: 1mm; }
            table.signatures .sign { border: 0.75pt solid #9aa0a6; height: 24mm; }
            """;

    /** Builds the XHTML of one document. */
    private final class Writer {

        private final StringBuilder out = new StringBuilder(16_384);
        private final Locale locale;
        private final Set<String> roles;
        /** Ids hidden from the viewer by another version of the form. */
        private final Set<String> hidden;
        private final FormDefinition form;
        private final Optional<FormSession> session;
        private final DateTimeFormatter dateFormat;
        private final DateTimeFormatter dateTimeFormat;

        Writer(Locale locale, Set<String> roles, Set<String> hidden, FormDefinition form, Optional<FormSession> session) {
            this.locale = locale;
            this.roles = roles;
            this.hidden = Set.copyOf(hidden);
            this.form = form;
            this.session = session;
            this.dateFormat = translatedFormat(i18n, locale, "print.format.date", "dd/MM/yyyy");
            this.dateTimeFormat = translatedFormat(i18n, locale, "print.format.dateTime", "dd/MM/yyyy HH:mm");
        }

        boolean filled() {
            return session.isPresent();
        }

        String t(String key, Object... params) {
            return i18n.getTranslation(key, locale, params);
        }

        Writer html(String markup) {
            out.append(markup);
            return this;
        }

        Writer text(String text) {
            out.append(esc(text));
            return this;
        }

        String esc(String text) {
            return Xml.escape(text);
        }

        String date(LocalDate date) {
            return dateFormat.format(date);
        }

        String dateTime(Instant instant) {
            return dateTimeFormat.format(instant.atZone(ZONE));
        }

        void begin(String title, String footer) {
            String font = Xml.cssString(FONT);
            out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                    .append(esc(locale.getLanguage())).append("\"><head><meta charset=\"UTF-8\"/><title>").append(esc(title))
                    .append("</title><style>")
                    .append(esc(CSS.formatted(Xml.cssString(footer), font, Xml.cssString(t("print.page")), font, font)))
                    .append("</style></head><body>");
        }

        String end() {
            out.append("</body></html>");
            return out.toString();
        }

        void meta(Map<String, String> entries) {
            html("<table class=\"meta\">");
            List<Map.Entry<String, String>> list = new ArrayList<>(entries.entrySet());
            for (int i = 0; i < list.size(); i += 2) {
                html("<tr>");
                for (int j = i; j < i + 2; j++) {
                    if (j < list.size()) {
                        html("<td class=\"k\">").text(list.get(j).getKey()).html("</td><td class=\"v\">").html(list.get(j).getValue()).html("</td>");
                    } else {
                        html("<td class=\"k\"></td><td class=\"v\"></td>");
                    }
                }
                html("</tr>");
            }
            html("</table>");
        }

        /** The meaning of each scale's codes and colours, once per scale used. */
        void legends() {
            Map<String, Scale> scales = new LinkedHashMap<>();
            form.allItems().filter(ScaleItem.class::isInstance).map(ScaleItem.class::cast)
                    .filter(this::mayBeSeen)
                    .forEach(i -> scales.putIfAbsent(i.scale().id(), i.scale()));
            for (Scale scale : scales.values()) {
                html("<div class=\"legend\"><div class=\"title\">").text(scale.title().in(locale)).html("</div>");
                for (ScaleValue value : scale.values()) {
                    html("<span class=\"entry\">").html(chip(value)).html(" ").text(value.label().in(locale)).html("</span> ");
                }
                html("</div>");
            }
        }

        String chip(ScaleValue value) {
            return "<span class=\"chip\" style=\"" + PrintColours.style(value.colour()) + "\">" + esc(value.code()) + "</span>";
        }

        void sections() {
            for (Section section : form.sections()) {
                if (filled() && !session.get().sectionVisible(section.id())) {
                    continue;
                }
                List<Item> items = section.items().stream().filter(this::shown).toList();
                if (items.isEmpty()) {
                    continue;
                }
                html("<h2>").text(section.title().in(locale)).html("</h2>");
                section.description().ifPresent(d -> html("<div class=\"description\">").html(multiline(d.in(locale))).html("</div>"));
                List<ScaleItem> grid = new ArrayList<>();
                List<Item> fields = new ArrayList<>();
                for (Item item : items) {
                    if (item instanceof ScaleItem scale) {
                        flushFields(fields);
                        if (!grid.isEmpty() && !grid.getFirst().scale().equals(scale.scale())) {
                            flushGrid(grid);
                        }
                        grid.add(scale);
                        continue;
                    }
                    flushGrid(grid);
                    switch (item) {
                        case NoteItem note -> {
                            flushFields(fields);
                            html("<div class=\"note\">").html(multiline(plainText(note.label().in(locale)))).html("</div>");
                        }
                        case RepeatItem repeat -> {
                            flushFields(fields);
                            repeat(repeat);
                        }
                        default -> fields.add(item);
                    }
                }
                flushGrid(grid);
                flushFields(fields);
            }
        }

        /** Whether a top-level item is printed: visible to the viewer's roles and, when filled, by its rules. */
        private boolean shown(Item item) {
            return mayBeSeen(item) && (!filled() || session.get().state(item.id()).visible());
        }

        /** Whether the viewer's roles may see an item: by its own rules, and not hidden by another version's. */
        private boolean mayBeSeen(Item item) {
            return item.rules().visibleToRoles(roles) && !hidden.contains(item.id());
        }

        private void flushGrid(List<ScaleItem> grid) {
            if (grid.isEmpty()) {
                return;
            }
            List<ScaleValue> values = grid.getFirst().scale().values();
            html("<table class=\"grid\"><colgroup><col/>");
            values.forEach(v -> html("<col style=\"width: 15mm\"/>"));
            html("</colgroup>");
            for (ScaleItem item : grid) {
                String chosen = filled() ? session.get().raw(item.id()) : "";
                html("<tr><td class=\"label\">").text(item.label().in(locale)).html("</td>");
                for (ScaleValue value : values) {
                    if (value.code().equals(chosen)) {
                        html("<td class=\"cell chosen\" style=\"background-color: ").html(PrintColours.background(value.colour()))
                                .html("; border-color: ").html(PrintColours.border(value.colour()))
                                .html("; color: ").html(PrintColours.text(value.colour())).html(";\">");
                    } else {
                        html("<td class=\"cell\">");
                    }
                    text(value.code()).html("</td>");
                }
                html("</tr>");
            }
            html("</table>");
            grid.clear();
        }

        private void flushFields(List<Item> fields) {
            if (fields.isEmpty()) {
                return;
            }
            html("<table class=\"fields\">");
            for (Item item : fields) {
                html("<tr><td class=\"label\">").text(item.label().in(locale)).html("</td><td class=\"value\">");
                html(filled() ? filledValue(item, session.get().raw(item.id())) : blankValue(item));
                html("</td></tr>");
            }
            html("</table>");
            fields.clear();
        }

        private void repeat(RepeatItem repeat) {
            List<Item> columns = repeat.items().stream()
                    .filter(c -> !(c instanceof NoteItem) && !(c instanceof RepeatItem))
                    .filter(this::mayBeSeen).toList();
            html("<h3>").text(repeat.label().in(locale)).html("</h3>");
            int rows = filled() ? session.get().rowCount(repeat.id())
                    : Math.min(repeat.max(), Math.max(repeat.min(), BLANK_REPEAT_ROWS));
            if (filled() && rows == 0) {
                html("<div class=\"empty\">").text(t("print.noRows")).html("</div>");
                return;
            }
            html("<table class=\"rows\"><thead><tr><th class=\"no\">#</th>");
            columns.forEach(c -> html("<th>").text(c.label().in(locale)).html("</th>"));
            html("</tr></thead><tbody>");
            for (int row = 1; row <= rows; row++) {
                html(filled() ? "<tr>" : "<tr class=\"blank\">").html("<td class=\"no\">").text(String.valueOf(row)).html("</td>");
                for (Item column : columns) {
                    html("<td>");
                    if (filled()) {
                        String path = repeat.id() + "." + row + "." + column.id();
                        if (session.get().state(path).visible()) {
                            String raw = session.get().raw(path);
                            html(raw.isEmpty() ? "" : filledValue(column, raw));
                        }
                    }
                    html("</td>");
                }
                html("</tr>");
            }
            html("</tbody></table>");
        }

        /** An answer for display, as escaped markup; a dash when unanswered. */
        private String filledValue(Item item, String raw) {
            if (raw.isEmpty()) {
                return "<span class=\"empty\">—</span>";
            }
            return switch (item) {
                case ScaleItem scale -> scale.scale().value(raw)
                        .map(v -> chip(v) + " " + esc(v.label().in(locale))).orElse(esc(raw));
                case ChoiceItem choice -> esc(AnswerCodec.codes(raw, choice.multiple()).stream()
                        .map(code -> choice.options().option(code).map(o -> o.label().in(locale)).orElse(code))
                        .collect(Collectors.joining(", ")));
                case NumberItem number -> esc(AnswerCodec.number(raw, number.kind()).map(v -> number(v, number.kind())).orElse(raw));
                case DateItem ignored -> esc(AnswerCodec.date(raw).map(this::date).orElse(raw));
                case YesNoItem ignored -> esc(yesNo(raw));
                case ComputedItem computed -> esc(computed(computed, raw));
                case TextItem ignored -> multiline(raw);
                case NoteItem ignored -> "";
                case RepeatItem ignored -> esc(raw);
            };
        }

        private String blankValue(Item item) {
            return switch (item) {
                case ChoiceItem choice -> {
                    String cls = choice.options().options().size() > 3 ? "option line" : "option";
                    StringBuilder options = new StringBuilder();
                    for (Option option : choice.options().options()) {
                        options.append("<span class=\"").append(cls).append("\"><span class=\"check\"></span>")
                                .append(esc(option.label().in(locale))).append("</span> ");
                    }
                    yield options.toString();
                }
                case YesNoItem ignored -> "<span class=\"option\"><span class=\"check\"></span>" + esc(t("print.yes"))
                        + "</span> <span class=\"option\"><span class=\"check\"></span>" + esc(t("print.no")) + "</span>";
                case NumberItem number when number.kind() == NumberItem.Kind.MONEY -> "<div class=\"box unit\">€</div>";
                case TextItem text when text.multiline() -> "<div class=\"box tall\">&#160;</div>";
                case ComputedItem ignored -> "<div class=\"box computed\">&#160;</div>";
                default -> "<div class=\"box\">&#160;</div>";
            };
        }

        private String yesNo(String raw) {
            return switch (raw) {
                case "true" -> t("print.yes");
                case "false" -> t("print.no");
                default -> raw;
            };
        }

        private String number(BigDecimal value, NumberItem.Kind kind) {
            return formatNumber(value, kind, locale);
        }

        private String computed(ComputedItem item, String raw) {
            ValueType type;
            try {
                type = form.expressions().computedType(item.id());
            } catch (IllegalArgumentException notCompiled) {
                return raw;
            }
            try {
                return switch (type) {
                    case INTEGER -> number(new BigDecimal(raw), NumberItem.Kind.INTEGER);
                    case DECIMAL -> {
                        NumberFormat format = NumberFormat.getNumberInstance(locale);
                        format.setMinimumFractionDigits(0);
                        format.setMaximumFractionDigits(2);
                        yield format.format(new BigDecimal(raw)).replace('\u202f', '\u00a0');
                    }
                    case BOOLEAN -> yesNo(raw);
                    case DATE -> AnswerCodec.date(raw).map(this::date).orElse(raw);
                    case TEXT_LIST -> String.join(", ", AnswerCodec.codes(raw, true));
                    default -> raw;
                };
            } catch (NumberFormatException e) {
                return raw;
            }
        }

        /** Plain text with its line breaks kept. */
        private String multiline(String text) {
            return esc(text.replace("\r\n", "\n").replace('\r', '\n')).replace("\n", "<br/>");
        }
    }
}
