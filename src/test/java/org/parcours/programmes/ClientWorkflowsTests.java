package org.parcours.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.NewClient;
import org.parcours.evaluations.EvaluationService;
import org.parcours.testsupport.MutableClock;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.access.AccessDeniedException;

/**
 * The shipped budget guidance's client workflow (forms/programmes/budget-guidance.yaml) fired by
 * the service: it applies once the guidance has started, offers "agree" then "close", refuses the
 * closing with the guard's message while a part of the budget is fragile, stores and audits each
 * transition, and keeps a worker of another team out.
 */
@SpringBootTest
class ClientWorkflowsTests {

    static final Instant NOW = LocalDate.of(2026, 11, 23).atTime(10, 0).toInstant(ZoneOffset.UTC);

    @TestConfiguration
    static class FixedDay {
        @Bean
        @Primary
        MutableClock fixedClock() {
            return new MutableClock(NOW);
        }
    }

    @Autowired
    ClientService clients;
    @Autowired
    EvaluationService evaluations;
    @Autowired
    ClientWorkflows workflows;
    @Autowired
    TestData data;

    private <T> T asWorker(java.util.function.Supplier<T> action) {
        return data.as(TestUsers.WORKER_NORTH, "WORKER", action::get);
    }

    @Test
    void theGuidanceIsAgreedThenClosedOnlyOnceNoPartOfTheBudgetIsAProblem() {
        ClientSummary client = asWorker(() -> clients.create(new NewClient("Ana", "Guidance", LocalDate.of(1980, 1, 1),
                data.teamId(TestUsers.TEAM_NORTH), null, LocalDate.of(2026, 9, 1))));
        assertThat(asWorker(() -> workflows.of(client.id()))).as("not started yet: no budget guidance submitted").isEmpty();

        asWorker(() -> evaluations.submit(evaluations.blank(client.id(), "budget-guidance"),
                Map.of("income_management", "OK", "fixed_charges", "OK", "debts", "FRAGILE", "paperwork", "OK")));
        ClientWorkflows.Standing open = asWorker(() -> workflows.of(client.id())).getFirst();
        assertThat(open.programmeId()).isEqualTo("budget-guidance");
        assertThat(open.state()).isEqualTo("open");
        assertThat(open.offers()).extracting(ClientWorkflows.Offer::transitionId).containsExactly("agree");
        assertThat(open.offers().getFirst().due()).as("the plan within budget.first_within of the follow-up start")
                .contains(LocalDate.of(2026, 10, 1));
        assertThatThrownBy(() -> asWorker(() -> workflows.fire(client.id(), "budget-guidance", "guidance", "close")))
                .isInstanceOf(WorkflowRefusedException.class);

        ClientWorkflows.Fired agreed = asWorker(() -> workflows.fire(client.id(), "budget-guidance", "guidance", "agree"));
        assertThat(agreed.standing().state()).isEqualTo("agreed");
        assertThat(agreed.standing().enteredOn()).contains(LocalDate.of(2026, 11, 23));
        assertThat(agreed.standing().offers()).extracting(ClientWorkflows.Offer::transitionId).containsExactly("close");

        assertThatThrownBy(() -> asWorker(() -> workflows.fire(client.id(), "budget-guidance", "guidance", "close")))
                .isInstanceOf(WorkflowRefusedException.class)
                .satisfies(e -> assertThat(((WorkflowRefusedException) e).rules()).singleElement()
                        .satisfies(m -> assertThat(m.in(Locale.ENGLISH)).contains("no fragile or critical part of the budget")));
        assertThat(asWorker(() -> workflows.of(client.id())).getFirst().state()).as("nothing changed").isEqualTo("agreed");

        asWorker(() -> evaluations.submit(evaluations.blank(client.id(), "budget-guidance"),
                Map.of("income_management", "OK", "fixed_charges", "OK", "debts", "OK", "paperwork", "OK")));
        assertThat(asWorker(() -> workflows.fire(client.id(), "budget-guidance", "guidance", "close")).standing().state())
                .isEqualTo("closed");
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "client", client.id()))
                .filteredOn("WORKFLOW_TRANSITION"::equals).hasSize(2);

        assertThatThrownBy(() -> data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> workflows.of(client.id())))
                .isInstanceOf(org.parcours.clients.ClientNotFoundException.class);
    }

    @Test
    void aCommitteeMemberMayNotFireTheGuidanceTransitions() {
        // the committee sees no team's client file: its member cannot reach the workflow at all
        ClientSummary client = asWorker(() -> clients.create(new NewClient("Bo", "Guidance", LocalDate.of(1980, 1, 1),
                data.teamId(TestUsers.TEAM_NORTH), null, LocalDate.of(2026, 9, 1))));
        asWorker(() -> evaluations.submit(evaluations.blank(client.id(), "budget-guidance"),
                Map.of("income_management", "OK", "fixed_charges", "OK", "debts", "OK", "paperwork", "OK")));
        assertThatThrownBy(() -> data.as(TestUsers.COMMITTEE, "COMMITTEE", () -> workflows.fire(client.id(), "budget-guidance",
                "guidance", "agree"))).isInstanceOfAny(AccessDeniedException.class, org.parcours.clients.ClientNotFoundException.class);
        assertThat(asWorker(() -> workflows.of(client.id())).getFirst().state()).isEqualTo("open");
    }
}
