package org.parcours.committee.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.committee.AgendaQuestion;
import org.parcours.committee.MeetingService;
import org.parcours.committee.MeetingService.MeetingSummary;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.COMMITTEE)
class MeetingViewTests extends SpringBrowserlessTest {

    @Autowired
    MeetingService meetings;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ClientService clients;

    @Test
    void eachAgendaItemShowsTheRuleFlagsOfItsClientOnTheMeetingDate() {
        MeetingSummary meeting = meetings.create(LocalDate.now(), List.of("Alice"));
        ClientSummary client = data.client(TestUsers.TEAM_SOUTH, "UiMeetingFlags");
        long item = data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> {
            clients.recordPermanentlyUnfit(client.id(), LocalDate.now().minusYears(1));
            return meetings.propose(meeting.id(), client.id(), AgendaQuestion.AID_REQUEST, null);
        });

        navigate(MeetingView.class, Map.of(MeetingView.MEETING_ID, String.valueOf(meeting.id())));

        Div flags = find(Div.class).id("agenda-flags-" + item);
        assertThat(find(ListItem.class).from(flags).id("agenda-rule-" + item + "-social-only-automatic").getText())
                .contains("inapte", "activation sociale uniquement").doesNotContain("R3");
    }

    @Test
    void theCommitteeRecordsADecisionOnAnAgendaItemThatWarnsOfAMissingImasp() {
        MeetingSummary meeting = meetings.create(LocalDate.now(), List.of("Alice", "Bob"));
        ClientSummary client = data.client(TestUsers.TEAM_SOUTH, "UiDecision");
        long item = data.as(TestUsers.WORKER_SOUTH, "WORKER",
                () -> meetings.propose(meeting.id(), client.id(), AgendaQuestion.AID_REQUEST, "Facture d’énergie"));

        navigate(MeetingView.class, Map.of(MeetingView.MEETING_ID, String.valueOf(meeting.id())));
        Div imasp = find(Div.class).id("agenda-imasp-" + item);
        assertThat(imasp.getElement().getAttribute("data-imasp")).isEqualTo("MISSING");
        assertThat(imasp.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(find(Span.class).id("agenda-question-" + item).getText()).contains("Facture d’énergie");
        assertThat(find(Div.class).withId("agenda-flags-" + item).exists()).isFalse();

        test(find(Button.class).id("agenda-decide-" + item)).click();
        test(find(Button.class).id("decision-save")).click();
        assertThat(find(RadioButtonGroup.class).id("decision-outcome").isInvalid()).isTrue();
        test(find(RadioButtonGroup.class).id("decision-outcome")).selectItem("Accordé");
        test(find(TextArea.class).id("decision-motivation")).setValue("Situation urgente");
        test(find(Button.class).id("decision-save")).click();

        assertThat(find(Span.class).id("agenda-outcome-" + item).getText()).isEqualTo("Accordé");
        assertThat(jdbc.queryForObject("SELECT outcome FROM committee_decision WHERE agenda_item_id = ?", String.class, item))
                .isEqualTo("GRANTED");
        assertThat(jdbc.queryForObject("SELECT motivation FROM committee_decision WHERE agenda_item_id = ?", String.class, item))
                .isEqualTo("Situation urgente");

        test(find(Button.class).id("meeting-close")).click();
        test(find(Button.class).id("meeting-close-confirm")).click();
        assertThat(find(Button.class).withId("agenda-decide-" + item).exists()).isFalse();
        assertThat(find(Button.class).withId("agenda-correct-" + item).exists()).isTrue();
    }
}
