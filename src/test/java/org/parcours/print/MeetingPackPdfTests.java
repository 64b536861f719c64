package org.parcours.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientSummary;
import org.parcours.committee.AgendaQuestion;
import org.parcours.committee.HistoryService;
import org.parcours.committee.MeetingService;
import org.parcours.committee.MeetingService.MeetingSummary;
import org.parcours.evaluations.EvaluationService;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
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
class MeetingPackPdfTests {

    private static final String TRICKY = "<b>Loyer</b> & \"urgence\" l’avis";

    @Autowired
    MeetingService meetings;

    @Autowired
    HistoryService histories;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    Printouts printouts;

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

    /** A meeting with two clients of team Nord, the first with three IMASP measurements, the second with none. */
    private long meetingWithTwoClients(String prefix) {
        ClientSummary measured = data.client(TestUsers.TEAM_NORTH, prefix + "Mesuré");
        String[][] rounds = {{"A", "C", "NVT"}, {"B", "C", "B"}, {"C", "C", "A"}};
        for (String[] codes : rounds) {
            evaluations.submit(evaluations.blank(measured.id(), "imasp"), Map.of("illness", codes[0], "homeless", codes[1], "hygiene", codes[2]));
        }
        ClientSummary unmeasured = data.client(TestUsers.TEAM_NORTH, prefix + "Vide");
        MeetingSummary meeting = data.as(TestUsers.COMMITTEE, "COMMITTEE",
                () -> meetings.create(LocalDate.now().plusDays(3), List.of("Alice Martin", "Bob Peeters")));
        meetings.propose(meeting.id(), measured.id(), AgendaQuestion.OTHER, TRICKY);
        meetings.propose(meeting.id(), unmeasured.id(), AgendaQuestion.CONTRACT_RENEWAL, null);
        return meeting.id();
    }

    @Test
    void thePackHasTheAgendaThenEachClientsProposalFlagsAndColouredHistory() throws IOException {
        long id = meetingWithTwoClients("Pack");

        Printouts.Printout printout = data.as(TestUsers.COMMITTEE, "COMMITTEE", () -> printouts.meeting(id, java.util.Locale.FRENCH));

        byte[] bytes = printout.bytes();
        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(printout.fileName()).startsWith("committee-").endsWith("-" + id + ".pdf");
        String text = text(bytes);
        assertThat(text).contains("Ordre du jour (2 points)", "Président", TestUsers.COMMITTEE, "Alice Martin, Bob Peeters",
                "PACKMESURÉ Test", "PACKVIDE Test", TRICKY, "Renouvellement du contrat", TestUsers.WORKER_NORTH,
                "Problèmes persistants", "Historique des scores", "Maladie / hospitalisation", "Sans-abri", "Hygiène",
                "Tendance", "Aucune mesure soumise pour ce dossier.", "page 1 / ", "Légende");
        // agenda first, then one page per item in agenda order; the second client has no measurement: no grid
        assertThat(text.indexOf("1. PACKMESURÉ Test")).isGreaterThan(text.indexOf("Ordre du jour"));
        assertThat(text.indexOf("2. PACKVIDE Test")).isGreaterThan(text.indexOf("1. PACKMESURÉ Test"));
        assertThat(text.indexOf("Aucune mesure soumise")).isGreaterThan(text.indexOf("2. PACKVIDE Test"));
        long flagged = histories.history(jdbc.queryForObject("SELECT id FROM client WHERE last_name = 'PackMesuré'", Long.class),
                "imasp").history().flagged().size();
        assertThat(flagged).as("homeless C three times").isEqualTo(1);
        assertThat(text).contains("Sans-abri : Problématique persistante", "Sans-abri C C C =", "Maladie / hospitalisation C B A ▼");
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE actor = ? AND target_type = 'committee_meeting' AND target_id = ?"
                + " AND action = 'MEETING_PRINTED'", String.class, TestUsers.COMMITTEE, String.valueOf(id)))
                .containsExactly("printed meeting pack (2 items, fr)");
        Files.createDirectories(Path.of("/tmp/print"));
        Files.write(Path.of("/tmp/print/meeting-pack.pdf"), bytes);
        Files.writeString(Path.of("/tmp/print/meeting-pack.txt"), text);
    }

    @Test
    void onlyTheCommitteeAndAdministratorsDownloadThePack() throws Exception {
        long id = meetingWithTwoClients("Http");

        MockHttpServletResponse committee = mvc.perform(get("/print/meetings/" + id + ".pdf")
                .with(user(TestUsers.COMMITTEE).roles("COMMITTEE"))).andReturn().getResponse();
        assertThat(committee.getStatus()).isEqualTo(200);
        assertThat(committee.getContentType()).isEqualTo("application/pdf");
        assertThat(committee.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline").contains("-" + id + ".pdf");
        assertThat(text(committee.getContentAsByteArray())).contains("HTTPMESURÉ Test", TRICKY);

        MockHttpServletResponse english = mvc.perform(get("/print/meetings/" + id + ".pdf").param("lang", "en")
                .with(user(TestUsers.ADMIN).roles("ADMIN"))).andReturn().getResponse();
        assertThat(english.getStatus()).isEqualTo(200);
        assertThat(text(english.getContentAsByteArray())).contains("Agenda (2 items)", "Illness / hospitalisation", "Score history");

        MockHttpServletResponse worker = mvc.perform(get("/print/meetings/" + id + ".pdf")
                .with(user(TestUsers.WORKER_NORTH).roles("WORKER"))).andReturn().getResponse();
        assertThat(worker.getStatus()).isEqualTo(403);
        assertThat(worker.getContentAsString(StandardCharsets.ISO_8859_1)).doesNotStartWith("%PDF");
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "committee_meeting", id)).containsExactly("ACCESS_DENIED");

        MockHttpServletResponse anonymous = mvc.perform(get("/print/meetings/" + id + ".pdf").with(anonymous())).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isIn(302, 401, 403);
        assertThat(anonymous.getContentAsString(StandardCharsets.ISO_8859_1)).doesNotStartWith("%PDF");

        assertThat(mvc.perform(get("/print/meetings/999999999.pdf").with(user(TestUsers.COMMITTEE).roles("COMMITTEE")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    private static String text(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document).replaceAll("[\\s\\u00a0\\u202f]+", " ");
        }
    }
}
