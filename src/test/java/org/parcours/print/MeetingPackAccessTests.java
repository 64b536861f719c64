package org.parcours.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientSummary;
import org.parcours.committee.AgendaQuestion;
import org.parcours.committee.MeetingService;
import org.parcours.evaluations.EvaluationService;
import org.parcours.security.Role;
import org.parcours.security.UserAccounts;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The meeting pack follows the committee's rule (docs/decisions/0016): a committee member of
 * another team than the client's gets the client's score history in the pack of a meeting whose
 * agenda holds the client, as on the agenda's histories page.
 */
@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
class MeetingPackAccessTests {

    @Autowired
    MeetingService meetings;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    Printouts printouts;

    @Autowired
    UserAccounts accounts;

    @Autowired
    TestData data;

    @Test
    void aCommitteeMemberOfAnotherTeamGetsTheHistoryOfAClientOnTheAgenda() throws IOException {
        String member = "csouth" + System.nanoTime() % 1_000_000;
        data.as(TestUsers.ADMIN, "ADMIN", () -> accounts.create(member, TestUsers.PASSWORD, "Comité Sud", Set.of(Role.COMMITTEE),
                Set.of(TestUsers.TEAM_SOUTH)));
        ClientSummary north = data.client(TestUsers.TEAM_NORTH, "PackNord");
        evaluations.submit(evaluations.blank(north.id(), "imasp"), Map.of("illness", "C", "homeless", "B"));
        long meeting = data.as(member, "COMMITTEE", () -> meetings.create(LocalDate.now().plusDays(2), List.of("Alice Martin"))).id();
        meetings.propose(meeting, north.id(), AgendaQuestion.CONTRACT_RENEWAL, null);

        byte[] pack = data.as(member, "COMMITTEE", () -> printouts.meeting(meeting, java.util.Locale.FRENCH)).bytes();

        String text;
        try (var document = Loader.loadPDF(pack)) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("PACKNORD Test", "Historique des scores", "Maladie / hospitalisation")
                .doesNotContain("Historique non disponible");
    }
}
