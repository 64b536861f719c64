package org.parcours.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.catalog.FormCatalog;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationDetails;
import org.parcours.evaluations.EvaluationService;
import org.parcours.formdef.Colour;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.parcours.ui.renderer.ScaleColours;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
class EvaluationPdfTests {

    private static final String TRICKY = "<b>bold?</b> & \"quotes\" l’avis";

    @Autowired
    EvaluationPdf pdf;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    FormCatalog catalog;

    @Autowired
    TestData data;

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    private EvaluationDetails filledImasp(String lastName) {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, lastName);
        return evaluations.save(evaluations.blank(client.id(), "imasp"), Map.of(
                "illness", "B", "homeless", "C", "hygiene", "A", "moving_eviction", "NVT",
                "comment", TRICKY + "\nSuivi à 3 mois : Noël, élève, père, naïf",
                "track", "social-professional",
                "period_from", "2025-01-15",
                "referrals", "1", "referrals.1.referral_type", "training", "referrals.1.referral_from", "2025-02-01"));
    }

    @Test
    void aFilledEvaluationShowsHeaderGridAndAnswersPrintedLiterally() throws IOException {
        EvaluationDetails saved = filledImasp("Dupré");
        EvaluationDetails opened = evaluations.open(saved.id().orElseThrow());

        byte[] bytes = pdf.evaluation(opened, Locale.FRENCH, Set.of("WORKER"));

        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = text(bytes);
        assertThat(text).contains("DUPRÉ Test", "17/05/1980", "Version du formulaire", String.valueOf(opened.form().versionNumber()),
                "IMASP – activation sociale et professionnelle",
                "Maladie / hospitalisation", "Déménagement / expulsion", "Facteurs médicaux / psychiques",
                TRICKY, "Suivi à 3 mois : Noël, élève, père, naïf", "Activation sociale et professionnelle", "15/01/2025",
                "Formation", "01/02/2025", "page 1 / ", TestUsers.WORKER_NORTH);
        // hidden by its rule (track is not social-only)
        assertThat(text).doesNotContain("Raison de l’activation sociale uniquement", "Raison de l'activation sociale uniquement");
        assertThat(text).doesNotContain("Formulaire vierge");
        Files.createDirectories(Path.of("/tmp/print"));
        Files.write(Path.of("/tmp/print/imasp-filled.pdf"), bytes);
        Files.writeString(Path.of("/tmp/print/imasp-filled.txt"), text);
    }

    @Test
    void theSameEvaluationPrintsInDutchAndEnglish() throws IOException {
        EvaluationDetails opened = evaluations.open(filledImasp("Lang").id().orElseThrow());

        assertThat(text(pdf.evaluation(opened, Locale.of("nl"), Set.of("WORKER")))).contains("Ziekte / hospitalisatie", "Opleiding", "15-01-2025", "pagina 1 / ");
        assertThat(text(pdf.evaluation(opened, Locale.ENGLISH, Set.of("WORKER")))).contains("Illness / hospitalisation", "Form version", "page 1 / ");
    }

    @Test
    void aBlankFormHasEveryItemAndNoAnswers() throws IOException {
        filledImasp("BlankCheck");

        byte[] bytes = pdf.blank(catalog.current("imasp"), Locale.FRENCH, Set.of("WORKER"));

        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = text(bytes);
        assertThat(text).contains("Formulaire vierge", "Maladie / hospitalisation", "Commentaire",
                "Raison de l'activation sociale uniquement", "Activation sociale uniquement", "Orientations");
        assertThat(text).doesNotContain("bold?", "BLANKCHECK", "15/01/2025");
        Files.createDirectories(Path.of("/tmp/print"));
        Files.write(Path.of("/tmp/print/imasp-blank.pdf"), bytes);
    }

    @Test
    void itemsReservedToOtherRolesAreLeftOut() throws IOException {
        byte[] bytes = pdf.blank(catalog.current("casu"), Locale.FRENCH, Set.of("WORKER"));
        Files.createDirectories(Path.of("/tmp/print"));
        Files.write(Path.of("/tmp/print/casu-blank.pdf"), bytes);
        String forWorker = text(bytes);
        String forCommittee = text(pdf.blank(catalog.current("casu"), Locale.FRENCH, Set.of("COMMITTEE")));

        assertThat(forWorker).contains("Téléphone");
        assertThat(forCommittee).doesNotContain("Téléphone").contains("Adresse");
    }

    @Test
    void theDownloadIsForSignedInWorkersOfTheClientsTeam() throws Exception {
        EvaluationDetails saved = filledImasp("Http");
        long id = saved.id().orElseThrow();

        MockHttpServletResponse own = mvc.perform(get("/print/evaluations/" + id + ".pdf").with(worker())).andReturn().getResponse();
        assertThat(own.getStatus()).isEqualTo(200);
        assertThat(own.getContentType()).isEqualTo("application/pdf");
        assertThat(own.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline").contains("evaluation-" + id + "-http.pdf");
        assertThat(text(own.getContentAsByteArray())).contains("HTTP Test");
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE actor = ? AND target_type = 'evaluation' AND target_id = ?"
                + " AND action = 'EVALUATION_READ' ORDER BY id", String.class, TestUsers.WORKER_NORTH, String.valueOf(id)))
                .containsExactly("opened", "printed PDF (revision 1, fr)");

        MockHttpServletResponse revision = mvc.perform(get("/print/evaluations/" + id + ".pdf").param("revision", "1").param("lang", "en")
                .with(worker())).andReturn().getResponse();
        assertThat(revision.getStatus()).isEqualTo(200);
        assertThat(text(revision.getContentAsByteArray())).contains("Form version", "Illness / hospitalisation");
        assertThat(mvc.perform(get("/print/evaluations/" + id + ".pdf").param("revision", "9").with(worker())).andReturn().getResponse().getStatus()).isEqualTo(404);

        MockHttpServletResponse otherTeam = mvc.perform(get("/print/evaluations/" + id + ".pdf")
                .with(user(TestUsers.WORKER_SOUTH).roles("WORKER"))).andReturn().getResponse();
        assertThat(otherTeam.getStatus()).isEqualTo(404);
        assertThat(otherTeam.getContentAsString()).isEqualTo("Not found");
        assertThat(data.auditActions(TestUsers.WORKER_SOUTH, "evaluation", id)).isEmpty();
        assertThat(data.auditActions(TestUsers.WORKER_SOUTH, "client", saved.client().id())).containsExactly("ACCESS_DENIED");

        MockHttpServletResponse anonymous = mvc.perform(get("/print/evaluations/" + id + ".pdf").with(anonymous())).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isIn(302, 401, 403);
        assertThat(anonymous.getContentType()).isNotEqualTo("application/pdf");
        assertThat(anonymous.getContentAsString(StandardCharsets.ISO_8859_1)).doesNotStartWith("%PDF");

        MockHttpServletResponse committee = mvc.perform(get("/print/evaluations/" + id + ".pdf")
                .with(user(TestUsers.COMMITTEE).roles("COMMITTEE"))).andReturn().getResponse();
        assertThat(committee.getStatus()).isEqualTo(403);
        assertThat(data.auditActions(TestUsers.COMMITTEE, "evaluation", id)).isEmpty();
    }

    @Test
    void theBlankFormDownloadTakesALanguage() throws Exception {
        MockHttpServletResponse nl = mvc.perform(get("/print/forms/imasp/blank.pdf").param("lang", "nl").with(worker())).andReturn().getResponse();
        assertThat(nl.getStatus()).isEqualTo(200);
        assertThat(nl.getContentType()).isEqualTo("application/pdf");
        assertThat(nl.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline").contains("imasp-v").contains("-blank.pdf");
        assertThat(text(nl.getContentAsByteArray())).contains("Blanco formulier", "Ziekte / hospitalisatie");

        assertThat(mvc.perform(get("/print/forms/no-such-form/blank.pdf").with(worker())).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/print/forms/imasp/blank.pdf").param("lang", "de").with(worker())).andReturn().getResponse().getStatus()).isEqualTo(400);
        MockHttpServletResponse anonymous = mvc.perform(get("/print/forms/imasp/blank.pdf").with(anonymous())).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isIn(302, 401, 403);
        assertThat(anonymous.getContentAsString(StandardCharsets.ISO_8859_1)).doesNotStartWith("%PDF");
    }

    @Test
    void accentedLettersPrintEvenWithoutAUnicodeFont() throws IOException {
        EvaluationDetails opened = evaluations.open(filledImasp("Noël").id().orElseThrow());

        // the PDF base fonts (Latin-1), as on a machine without DejaVu
        byte[] bytes = EvaluationPdf.render(pdf.evaluationXhtml(opened, Locale.FRENCH, Set.of("WORKER")), Optional.empty());

        assertThat(text(bytes)).contains("NOËL Test", "Suivi à 3 mois : Noël, élève, père, naïf", "Déménagement / expulsion",
                "Éducation des enfants", TRICKY);
    }

    @Test
    void aFilledCasuShowsMoneyChoicesComputedValuesAndRowsForTheLocale() throws IOException {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Lefèvre");
        Map<String, String> answers = pairs(
                "applicant_last_name", "Lefèvre", "applicant_family_situation", "separated",
                "resource_salary", "1234.5", "resource_unemployment", "100", "resource_minimum_income", "0",
                "resource_family_benefits", "0", "resource_housing_benefit", "0", "resource_pension_disability", "0",
                "resource_other", "0", "charge_rent", "650", "charge_energy", "80", "charge_water", "20",
                "charge_insurance", "0", "charge_loans", "0", "charge_other", "0",
                "rent_arrears", "false", "rent_arrears_amount", "99.99",
                "household", "1", "household.1.member_name", "Zoë Lefèvre", "household.1.member_relationship", "child",
                "household.1.member_income", "0");
        long id = evaluations.save(evaluations.blank(client.id(), "casu"), answers).id().orElseThrow();
        EvaluationDetails opened = evaluations.open(id);

        String fr = text(pdf.evaluation(opened, Locale.FRENCH, Set.of("WORKER")));
        assertThat(fr).contains("Séparé(e) ou divorcé(e)", "1 234,50 €", "100,00 €", "650,00 €", "Non", "Zoë Lefèvre", "0,00 €",
                "Le CASU est un imprimé unique");
        // computed values (1334.5 - 750) / 2 people; the arrears amount is hidden (no arrears)
        assertThat(fr).contains("1 334,5", "750", "292,25").doesNotContain("99,99");
        String en = text(pdf.evaluation(opened, Locale.ENGLISH, Set.of("WORKER")));
        assertThat(en).contains("€1,234.50", "Separated or divorced", "No");
        String forCommittee = text(pdf.evaluation(opened, Locale.FRENCH, Set.of("COMMITTEE")));
        assertThat(forCommittee).doesNotContain("Téléphone");
        Files.createDirectories(Path.of("/tmp/print"));
        Files.write(Path.of("/tmp/print/casu-filled.pdf"), pdf.evaluation(opened, Locale.FRENCH, Set.of("WORKER")));
    }

    @Test
    void printColoursAreTheScreenColours() {
        for (Colour colour : Colour.values()) {
            assertThat(PrintColours.background(colour)).isEqualTo(ScaleColours.background(colour));
            assertThat(PrintColours.border(colour)).isEqualTo(ScaleColours.border(colour));
            assertThat(PrintColours.text(colour)).isEqualTo(ScaleColours.text(colour));
        }
    }

    @Test
    void textsAreEscapedForXmlAndCss() {
        assertThat(Xml.escape("<a href='x'>&\"</a>\u0001")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
        assertThat(Xml.cssString("a\"b\\c } é")).isEqualTo("a\\22 b\\5c c \\7d  é");
        assertThat(EvaluationPdf.plainText("Un *deux*\ntrois  \nquatre\n\n- a\n- b <script>x</script> & **gras**"))
                .isEqualTo("Un deux trois\nquatre\n- a\n- b <script>x</script> & gras");
        assertThat(Printouts.fileNamePart("Dupré / ../\"x\"")).isEqualTo("dupre-x");
    }

    /** The signed-in social worker of "Équipe Nord", on each request (the class-level user only reaches the first one). */
    private static org.springframework.test.web.servlet.request.RequestPostProcessor worker() {
        return user(TestUsers.WORKER_NORTH).roles("WORKER");
    }

    private static Map<String, String> pairs(String... keysAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String text(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            // one space for every run of blanks (no-break ones too) and line breaks: labels wrap inside their cells
            return new PDFTextStripper().getText(document).replaceAll("[\\s\\u00a0\\u202f]+", " ");
        }
    }
}
