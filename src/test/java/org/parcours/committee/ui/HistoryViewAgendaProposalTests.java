package org.parcours.committee.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.clients.ClientSummary;
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
@WithUserDetails(TestUsers.WORKER_NORTH)
class HistoryViewAgendaProposalTests extends SpringBrowserlessTest {

    @Autowired
    MeetingService meetings;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aWorkerProposesAClientToAnOpenMeetingFromItsHistory() {
        MeetingSummary meeting = data.as(TestUsers.COMMITTEE, "COMMITTEE", () -> meetings.create(LocalDate.now().plusDays(400), List.of("Alice")));
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "UiPropose");
        navigate(HistoryView.class, Map.of(HistoryView.CLIENT_ID, String.valueOf(client.id())));

        test(find(Button.class).id("propose-to-committee")).click();
        @SuppressWarnings("unchecked")
        Select<MeetingSummary> select = find(Select.class).id("propose-meeting");
        select.setValue(select.getListDataView().getItems().filter(m -> m.id() == meeting.id()).findFirst().orElseThrow());
        test(find(Button.class).id("propose-save")).click();
        assertThat(find(Select.class).id("propose-question").isInvalid()).isTrue();
        test(find(Select.class).id("propose-question")).selectItem("Renouvellement du contrat");
        test(find(TextArea.class).id("propose-text")).setValue("Fin du contrat en juin");
        test(find(Button.class).id("propose-save")).click();

        assertThat(jdbc.queryForObject("SELECT question FROM committee_agenda_item WHERE meeting_id = ? AND client_id = ?",
                String.class, meeting.id(), client.id())).isEqualTo("CONTRACT_RENEWAL");
        assertThat(find(Button.class).withId("propose-save").exists()).isFalse();
    }
}
