package org.parcours.committee.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.clients.ClientSummary;
import org.parcours.committee.AgendaQuestion;
import org.parcours.committee.DecisionOutcome;
import org.parcours.committee.MeetingService;
import org.parcours.committee.MeetingService.DecisionInput;
import org.parcours.committee.MeetingService.FollowUp;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.COMMITTEE)
class FollowUpViewTests extends SpringBrowserlessTest {

    @Autowired
    TestData data;

    @Autowired
    MeetingService meetings;

    @Test
    void theDecisionsToNotifyAndThoseInTheirContestPeriodAreListedAndARowOpensItsMeeting() {
        LocalDate day = LocalDate.now().minusDays(1);
        var meeting = meetings.create(day, List.of("Alice"));
        ClientSummary notify = data.client(TestUsers.TEAM_NORTH, "UiFollowNotify");
        ClientSummary contest = data.client(TestUsers.TEAM_NORTH, "UiFollowContest");
        long notifyItem = data.as(TestUsers.WORKER_NORTH, "WORKER",
                () -> meetings.propose(meeting.id(), notify.id(), AgendaQuestion.AID_REQUEST, null));
        long contestItem = data.as(TestUsers.WORKER_NORTH, "WORKER",
                () -> meetings.propose(meeting.id(), contest.id(), AgendaQuestion.SOCIAL_ONLY, null));
        meetings.recordDecision(notifyItem, new DecisionInput(DecisionOutcome.REFUSED, "Non", null));
        var granted = meetings.recordDecision(contestItem, new DecisionInput(DecisionOutcome.GRANTED, "Oui", null,
                "No IMASP yet: decided on the medical report")); // the declared grant rule needs 3 persistent measurements
        meetings.recordNotification(granted.id(), day);

        navigate(FollowUpView.class);

        @SuppressWarnings("unchecked")
        Grid<FollowUp> grid = find(Grid.class).id("follow-up-grid");
        List<FollowUp> ours = java.util.stream.IntStream.range(0, test(grid).size())
                .mapToObj(i -> test(grid).getRow(i)).filter(f -> f.clientName().startsWith("UIFOLLOW")).toList();
        assertThat(ours).extracting(FollowUp::clientName).containsExactly(notify.fullName(), contest.fullName());
        int row = java.util.stream.IntStream.range(0, test(grid).size())
                .filter(i -> test(grid).getRow(i).clientName().equals(contest.fullName())).findFirst().orElseThrow();
        assertThat(test(grid).getCellText(row, 1)).as("the contest deadline, in French").contains(String.valueOf(day.plusMonths(2).getYear()));
        assertThat(test(grid).getCellText(row, 3)).isEqualTo("Statut d’activation sociale uniquement");
        assertThat(find(Paragraph.class).id("follow-up-summary").getText()).contains("à notifier");
        test(find(Checkbox.class).id("follow-up-final")).click();
        assertThat(test(grid).size()).isGreaterThanOrEqualTo(2);

        test(grid).clickRow(row);
        assertThat(getCurrentView()).isInstanceOf(MeetingView.class);
    }

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void workersCannotOpenTheFollowUp() {
        try {
            navigate(FollowUpView.class);
        } catch (RuntimeException | AssertionError refused) {
            // the router refuses; either way the view must not be shown
        }
        assertThat(getCurrentView()).isNotInstanceOf(FollowUpView.class);
    }
}
