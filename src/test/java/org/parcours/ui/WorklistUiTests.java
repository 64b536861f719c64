package org.parcours.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.NewClient;
import org.parcours.evaluations.EvaluationService;
import org.parcours.home.ui.HomeView;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.parcours.programmes.engine.ScheduleEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** The worker's home page lists what falls due according to forms/policy.yaml, and the drafts in progress. */
@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.WORKER_SOUTH)
class WorklistUiTests extends SpringBrowserlessTest {

    @Autowired
    ClientService clients;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    TestData data;

    @Test
    @SuppressWarnings("unchecked")
    void aClientFollowedForLongerThanThePolicyPeriodIsOverdueAndDraftsAreListed() {
        ClientSummary late = clients.create(new NewClient("Léa", "Retard", LocalDate.of(1985, 1, 1), data.teamId(TestUsers.TEAM_SOUTH),
                null, LocalDate.now().minusMonths(4)));
        ClientSummary recent = clients.create(new NewClient("Tom", "Recent", LocalDate.of(1985, 1, 1), data.teamId(TestUsers.TEAM_SOUTH),
                null, LocalDate.now().minusDays(3)));
        long draft = evaluations.save(evaluations.blank(recent.id(), "casu"), Map.of("applicant_first_name", "Tom")).id().orElseThrow();

        navigate(HomeView.class);

        Grid<ScheduleEngine.Due> due = find(Grid.class).id("worklist-due");
        List<ScheduleEngine.Due> items = due.getGenericDataView().getItems().toList();
        assertThat(items).filteredOn(d -> d.clientId() == late.id()).singleElement().satisfies(d -> {
            assertThat(d.overdue()).isTrue();
            assertThat(d.due()).isEqualTo(LocalDate.now().minusMonths(4).plusMonths(3));
        });
        assertThat(items).noneMatch(d -> d.clientId() == recent.id());
        assertThat(find(Span.class).id("worklist-overdue").getText()).endsWith("en retard");
        Grid<org.parcours.evaluations.EvaluationSummary> inProgress = find(Grid.class).id("worklist-in-progress");
        List<Long> drafts = inProgress.getGenericDataView().getItems().map(s -> s.id()).toList();
        assertThat(drafts).contains(draft);
        // a draft says whose it is: the client's name comes first, as in the list of evaluations due
        assertThat(test(inProgress).getCellText(drafts.indexOf(draft), 0)).isEqualTo("RECENT Tom");
    }
}
