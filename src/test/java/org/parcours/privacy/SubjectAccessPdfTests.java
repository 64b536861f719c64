package org.parcours.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.parcours.aid.AidService;
import org.parcours.aid.AidServiceTests;
import org.parcours.clients.ClientSummary;
import org.parcours.contracts.ContractDetails;
import org.parcours.contracts.ContractService;
import org.parcours.contracts.ContractServiceTests;
import org.parcours.evaluations.EvaluationService;
import org.parcours.print.SubjectAccessPdf;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subject access for a client with an IMASP history (two measurements, one amended), a signed MASP
 * contract and a submitted CASU request: the JSON holds every answer stored in the database, and
 * the readable PDF (print module) shows the same labels and values, in the language asked.
 */
@SpringBootTest
@WithUserDetails(TestUsers.ADMIN)
class SubjectAccessPdfTests {

    private static final Map<String, String> FIRST = Map.of("illness", "B", "homeless", "A", "comment", "Lives in a caravan since spring");
    private static final Map<String, String> SECOND = Map.of("illness", "A", "homeless", "B", "comment", "Found a flat with the social agency");

    @Autowired
    SubjectAccess subjectAccess;

    @Autowired
    SubjectAccessPdf pdf;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    ContractService contracts;

    @Autowired
    AidService aid;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theJsonHoldsEveryStoredAnswerAndThePdfShowsTheLabelsAndValuesAndIsAudited() throws Exception {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Sarpdf");
        data.as(TestUsers.WORKER_NORTH, "WORKER", () -> {
            evaluations.submit(evaluations.blank(client.id(), "imasp"), FIRST);
            long second = evaluations.submit(evaluations.blank(client.id(), "imasp"), SECOND).id().orElseThrow();
            var amended = evaluations.amend(second, "the housing answer was wrong");
            Map<String, String> corrected = new java.util.HashMap<>(amended.answers());
            corrected.put("homeless", "C");
            evaluations.submit(amended, corrected);
            ContractDetails draft = contracts.draft(client.id());
            contracts.sign(draft.id(), draft.lockVersion(), ContractServiceTests.text(LocalDate.now().minusDays(2), 6), LocalDate.now());
            var request = aid.create(client.id());
            Map<String, String> casu = new java.util.HashMap<>(AidServiceTests.casu("food", null, "fsl-energy", "300.00"));
            casu.putAll(Map.of("household", "1", "household.1.member_name", "Odile Sarpdf", "household.1.member_relationship", "child"));
            return aid.submit(request.id(), request.lockVersion(), casu);
        });
        data.client(TestUsers.TEAM_NORTH, "Sarneighbour");

        JsonNode json = JsonMapper.builder().build().readTree(subjectAccess.export(client.id(), Locale.ENGLISH));

        // every answer of the latest submitted revision of each submission, as the database holds it
        List<Map<String, Object>> stored = jdbc.queryForList("""
                SELECT s.id AS submission, a.item_id AS item, a.answer_value AS value FROM submission s
                JOIN submission_revision r ON r.submission_id = s.id
                JOIN submission_answer a ON a.revision_id = r.id
                WHERE s.client_id = ? AND r.submitted_at IS NOT NULL AND r.revision_number = (SELECT MAX(r2.revision_number)
                  FROM submission_revision r2 WHERE r2.submission_id = s.id AND r2.submitted_at IS NOT NULL)""", client.id());
        List<String> inJson = new ArrayList<>();
        json.get("submissions").forEach(f -> f.get("answers").forEach(a -> inJson.add(a.get("item").asString() + "=" + a.get("value").asString())));
        assertThat(stored).hasSizeGreaterThan(20);
        assertThat(inJson).containsAll(stored.stream().map(r -> r.get("item") + "=" + r.get("value")).toList());
        assertThat(json.get("submissions")).hasSize(4);
        assertThat(inJson).contains("homeless=C").doesNotContain("homeless=B");
        // the client file and the form versions as the database holds them
        assertThat(json.get("client").get("lastName").asString()).isEqualTo(jdbc.queryForObject("SELECT last_name FROM client WHERE id = ?",
                String.class, client.id()));
        List<String> versions = jdbc.queryForList("SELECT CONCAT(v.form_key, ' v', v.version_number) FROM submission s"
                + " JOIN form_version v ON v.id = s.form_version_id WHERE s.client_id = ?", String.class, client.id());
        json.get("submissions").forEach(f -> assertThat(f.get("form").asString() + " v" + f.get("formVersion").asInt()).isIn(versions));
        // answers in the form's order; what is about other people (declared third-party) and free texts marked for review, not the rest
        JsonNode casu = null;
        for (JsonNode f : json.get("submissions")) {
            if (f.get("form").asString().equals("casu")) {
                casu = f;
            }
        }
        List<String> casuItems = new ArrayList<>();
        casu.get("answers").forEach(a -> casuItems.add(a.get("item").asString()));
        assertThat(casuItems.subList(0, 3)).containsExactly("applicant_last_name", "applicant_first_name", "applicant_birth_date");
        assertThat(casuItems.indexOf("household.1.member_name")).isGreaterThan(casuItems.indexOf("applicant_birth_date"))
                .isLessThan(casuItems.indexOf("resource_salary"));
        assertThat(casuItems.indexOf("schemes.1.scheme")).isLessThan(casuItems.indexOf("schemes.1.motivation"))
                .isLessThan(casuItems.indexOf("schemes.2.scheme"));
        Map<String, Boolean> review = new java.util.HashMap<>();
        json.get("submissions").forEach(f -> f.get("answers").forEach(a -> review.put(a.get("item").asString(), a.has("review"))));
        assertThat(review).containsEntry("comment", true).containsEntry("schemes.1.motivation", true).containsEntry("situation_assessment", true)
                .containsEntry("household.1.member_name", true).containsEntry("household.1.member_relationship", true)
                .containsEntry("applicant_last_name", false).containsEntry("schemes.1.scheme", false).containsEntry("illness", false)
                .containsEntry("worker_opinion", false);

        byte[] bytes = pdf.pdf(client.id(), Locale.ENGLISH).bytes();
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "subject-access-" + client.id() + ".pdf");
        Files.write(file, bytes);
        String text;
        try (PDDocument document = Loader.loadPDF(bytes)) {
            text = new PDFTextStripper().getText(document).replaceAll("[\\s\\u00a0\\u202f]+", " ");
        }
        assertThat(text).contains("Data held on", "SARPDF", "Client file", "Submitted forms (4)", "Who read or changed the file",
                "Lives in a caravan since spring", "Found a flat with the social agency", "Pay the rent every month",
                "The file is not under legal hold", TestUsers.WORKER_NORTH, "EVALUATION_SUBMITTED");
        json.get("submissions").forEach(f -> assertThat(text).contains(f.get("formTitle").asString()));
        assertThat(text).as("codes shown by their labels, a repeat row by its label and number").contains(
                "Illness / hospitalisation A – No obstacle", "Homeless C – Obstacle, employment temporarily impossible", "Food aid", "Favourable", "Rent and service charges €450.00",
                "(Requests, 1)", "Full name (Other household members, 1) to review", "Odile Sarpdf", "Read them before handing this document over");
        assertThat(text.toLowerCase(Locale.ROOT)).as("the other client's file is not in it").doesNotContain("sarneighbour");

        String french;
        try (PDDocument document = Loader.loadPDF(pdf.pdf(client.id(), Locale.FRENCH).bytes())) {
            french = new PDFTextStripper().getText(document).replaceAll("[\\s\\u00a0\\u202f]+", " ");
        }
        assertThat(french).contains("Données détenues sur", "Formulaires soumis (4)", "Maladie / hospitalisation", "450,00 €", "38,88",
                "à relire").as("a computed amount in the language's format").doesNotContain("38.88");

        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE action = 'SUBJECT_ACCESS_EXPORTED' AND target_id = ?", String.class,
                String.valueOf(client.id()))).hasSize(3).anySatisfy(d -> assertThat(d).startsWith("subject access export (PDF): 4 submissions"));
    }

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void aWorkerCannotPrintASubjectAccess() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "SarpdfWorker");
        assertThatThrownBy(() -> pdf.pdf(client.id(), Locale.ENGLISH)).isInstanceOf(AccessDeniedException.class);
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "client", client.id())).contains("ACCESS_DENIED");
    }
}
