package org.parcours.committee.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.clients.ClientSummary;
import org.parcours.committee.AgendaQuestion;
import org.parcours.committee.MeetingService;
import org.parcours.evaluations.EvaluationService;
import org.parcours.clients.ClientService;
import org.parcours.clients.NewClient;
import org.parcours.security.UserAdministration;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The pages follow the committee's rule (docs/decisions/0016) for a committee member and a client
 * of a team the member is not in, on a meeting's agenda: the agenda's histories page links to the
 * client's history with the meeting, that page shows the history and links to the comparison with
 * the meeting; the same page without the meeting says "not found".
 */
@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.COMMITTEE)
class HistoryThroughAgendaUiTests extends SpringBrowserlessTest {

    @Autowired
    TestData data;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    MeetingService meetings;

    @Autowired
    UserAdministration administration;

    @Autowired
    ClientService clients;

    private ClientSummary client;
    private long meeting;

    @BeforeEach
    void aClientOfATeamTheCommitteeMemberIsNotInOnTheAgenda() {
        // the demo committee member belongs to Nord and Sud: the client is in a team of its own
        client = data.as(TestUsers.ADMIN, "ADMIN", () -> {
            long team = administration.createTeam("Équipe Agenda " + System.nanoTime() % 1_000_000).id();
            ClientSummary created = clients.create(new NewClient("Test", "UiAgendaAilleurs", LocalDate.of(1980, 5, 17), team));
            evaluations.submit(evaluations.blank(created.id(), "imasp"), Map.of("illness", "C"));
            evaluations.submit(evaluations.blank(created.id(), "imasp"), Map.of("illness", "B"));
            return created;
        });
        meeting = meetings.create(LocalDate.now().plusDays(2), List.of("Alice Martin")).id();
        data.as(TestUsers.ADMIN, "ADMIN", () -> meetings.propose(meeting, client.id(), AgendaQuestion.CONTRACT_RENEWAL, null));
    }

    @Test
    void throughTheAgendaTheHistoryAndItsComparisonOpenAndWithoutItTheClientIsNotFound() {
        navigate(AgendaHistoriesView.class, Map.of(AgendaHistoriesView.MEETING_ID, String.valueOf(meeting)));
        RouterLink toHistory = find(RouterLink.class).all().stream()
                .filter(l -> l.getHref().startsWith("clients/" + client.id() + "/history")).findFirst().orElseThrow();
        assertThat(toHistory.getHref()).contains("meeting=" + meeting);

        UI.getCurrent().navigate("clients/" + client.id() + "/history", QueryParameters.fromString("meeting=" + meeting));
        assertThat(find(H2.class).id("history-title").getText()).contains("UIAGENDAAILLEURS");
        assertThat(find(RouterLink.class).id("history-compare").getHref()).contains("meeting=" + meeting);

        UI.getCurrent().navigate("clients/" + client.id() + "/history/compare", QueryParameters.fromString("a=1&b=0&form=imasp&meeting=" + meeting));
        assertThat(find(H2.class).id("compare-title").getText()).contains("UIAGENDAAILLEURS");

        UI.getCurrent().navigate("clients/" + client.id() + "/history", QueryParameters.empty());
        assertThat(find(Paragraph.class).withId("history-not-found").exists()).isTrue();
    }
}
