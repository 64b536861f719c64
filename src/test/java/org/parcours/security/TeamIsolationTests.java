package org.parcours.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.QueryParameters;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parcours.ParcoursApplication;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.ClientUpdate;
import org.parcours.committee.AgendaQuestion;
import org.parcours.committee.HistoryService;
import org.parcours.committee.MeetingService;
import org.parcours.evaluations.EvaluationDetails;
import org.parcours.evaluations.EvaluationService;
import org.parcours.print.Printouts;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * IDOR: a worker of Équipe Nord tries, by id, every view and service operation that reads or
 * changes one client's data, on a client, evaluations and a draft of Équipe Sud. Each attempt is
 * refused the same way as an unknown id, shows none of the other team's data, changes nothing,
 * and leaves an ACCESS_DENIED row in the audit trail. (The print endpoints over HTTP: also
 * print.EvaluationPdfTests; routes by role: RouteAccessTests.)
 */
@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.WORKER_NORTH)
class TeamIsolationTests extends SpringBrowserlessTest {

    /** Équipe Sud's data, created once (by Sud's worker) for all cases. */
    record South(long client, String lastName, long evaluation, long draft, long northClient, long meeting) {
    }

    private static South south;

    @Autowired
    TestData data;

    @Autowired
    ClientService clients;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    HistoryService history;

    @Autowired
    MeetingService meetings;

    @Autowired
    Printouts printouts;

    @Autowired
    JdbcTemplate jdbc;

    private South south() {
        if (south == null) {
            String lastName = "Sudsecret" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
            ClientSummary client = data.client(TestUsers.TEAM_SOUTH, lastName);
            long evaluation = data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> evaluations.submit(evaluations.blank(client.id(), "imasp"),
                    Map.of("illness", "B", "comment", "confidentiel " + lastName))).id().orElseThrow();
            long draft = data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> evaluations.save(evaluations.blank(client.id(), "imasp"),
                    Map.of("illness", "C"))).id().orElseThrow();
            long north = data.client(TestUsers.TEAM_NORTH, "Nordvisible").id();
            long meeting = data.as(TestUsers.ADMIN, "ADMIN", () -> meetings.create(LocalDate.now().plusDays(20), List.of("Présidente"))).id();
            south = new South(client.id(), lastName, evaluation, draft, north, meeting);
        }
        return south;
    }

    /** One way of reaching Équipe Sud's data by id. */
    @FunctionalInterface
    interface Attempt {
        void run(TeamIsolationTests test, South south) throws Exception;
    }

    static Stream<Arguments> attempts() {
        return Stream.of(
                // views (browserless): the page says "not found or no access" and shows nothing of the file
                Arguments.of("view ClientView", (Attempt) (t, s) -> t.view("clients/" + s.client(), "client-not-found")),
                Arguments.of("view EvaluationView", (Attempt) (t, s) -> t.view("evaluations/" + s.evaluation(), "evaluation-problem")),
                Arguments.of("view EvaluationView revision", (Attempt) (t, s) -> t.view("evaluations/" + s.evaluation() + "?revision=1", "evaluation-problem")),
                Arguments.of("view EvaluationView draft", (Attempt) (t, s) -> t.view("evaluations/" + s.draft(), "evaluation-problem")),
                Arguments.of("view EvaluationView new", (Attempt) (t, s) -> t.view("clients/" + s.client() + "/new/imasp", "evaluation-problem")),
                Arguments.of("view HistoryView", (Attempt) (t, s) -> t.view("clients/" + s.client() + "/history", "history-not-found")),
                Arguments.of("view MeasurementCompareView", (Attempt) (t, s) -> t.view("clients/" + s.client() + "/history/compare", null)),
                Arguments.of("view ClientCompareView", (Attempt) (t, s) -> t.view("committee/compare?left=" + s.northClient() + "&right=" + s.client(), null)),
                // services: refused like an unknown id
                Arguments.of("read client", (Attempt) (t, s) -> assertThatThrownBy(() -> t.clients.open(s.client())).isInstanceOf(RuntimeException.class)),
                Arguments.of("update client", (Attempt) (t, s) -> {
                    ClientSummary real = t.data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> t.clients.requireVisible(s.client()));
                    assertThatThrownBy(() -> t.clients.update(s.client(), ClientUpdate.of(real).withPhone("+32 470 00 00 00")))
                            .isInstanceOf(RuntimeException.class);
                    assertThat(t.data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> t.clients.requireVisible(s.client())).phone()).isEqualTo(real.phone());
                }),
                Arguments.of("record unfit", (Attempt) (t, s) -> assertThatThrownBy(() -> t.clients.recordPermanentlyUnfit(s.client(), LocalDate.now().minusDays(1)))
                        .isInstanceOf(RuntimeException.class)),
                Arguments.of("read evaluation", (Attempt) (t, s) -> assertThatThrownBy(() -> t.evaluations.open(s.evaluation())).isInstanceOf(RuntimeException.class)),
                Arguments.of("read revision", (Attempt) (t, s) -> assertThatThrownBy(() -> t.evaluations.openRevision(s.evaluation(), 1)).isInstanceOf(RuntimeException.class)),
                Arguments.of("list evaluations", (Attempt) (t, s) -> assertThatThrownBy(() -> t.evaluations.ofClient(s.client())).isInstanceOf(RuntimeException.class)),
                Arguments.of("start evaluation", (Attempt) (t, s) -> assertThatThrownBy(() -> t.evaluations.blank(s.client(), "imasp")).isInstanceOf(RuntimeException.class)),
                Arguments.of("save other team's draft", (Attempt) (t, s) -> {
                    EvaluationDetails theirs = t.data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> t.evaluations.open(s.draft()));
                    assertThatThrownBy(() -> t.evaluations.save(theirs, Map.of("illness", "A"))).isInstanceOf(RuntimeException.class);
                    assertThat(t.data.answerRows(s.draft())).containsEntry("illness", "C");
                }),
                Arguments.of("submit other team's draft", (Attempt) (t, s) -> {
                    EvaluationDetails theirs = t.data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> t.evaluations.open(s.draft()));
                    assertThatThrownBy(() -> t.evaluations.submit(theirs, Map.of("illness", "A"))).isInstanceOf(RuntimeException.class);
                    assertThat(t.data.answerRows(s.draft())).containsEntry("illness", "C");
                }),
                Arguments.of("amend evaluation", (Attempt) (t, s) -> assertThatThrownBy(() -> t.evaluations.amend(s.evaluation(), "tentative"))
                        .isInstanceOf(RuntimeException.class)),
                Arguments.of("score history", (Attempt) (t, s) -> assertThatThrownBy(() -> t.history.history(s.client(), "imasp")).isInstanceOf(RuntimeException.class)),
                Arguments.of("propose to committee", (Attempt) (t, s) -> assertThatThrownBy(() -> t.meetings.propose(s.meeting(), s.client(), AgendaQuestion.SOCIAL_ONLY, null))
                        .isInstanceOf(RuntimeException.class)),
                Arguments.of("print evaluation", (Attempt) (t, s) -> assertThatThrownBy(() -> t.printouts.evaluation(s.evaluation(), null, Locale.FRENCH))
                        .isInstanceOf(RuntimeException.class)),
                Arguments.of("print revision", (Attempt) (t, s) -> assertThatThrownBy(() -> t.printouts.evaluation(s.evaluation(), 1, Locale.FRENCH))
                        .isInstanceOf(RuntimeException.class)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void aWorkerOfAnotherTeamIsRefusedAndTheAttemptIsAudited(String name, Attempt attempt) throws Exception {
        South s = south();
        long deniedBefore = denied();

        attempt.run(this, s);

        assertThat(denied()).as("ACCESS_DENIED rows written for " + TestUsers.WORKER_NORTH).isGreaterThan(deniedBefore);
    }

    /** Opens the address as the browser would, and checks the refusal page shows none of the other team's data. */
    private void view(String location, String messageId) {
        String[] parts = location.split("\\?", 2);
        UI.getCurrent().navigate(parts[0], parts.length > 1 ? QueryParameters.fromString(parts[1]) : QueryParameters.empty());
        String page = page().getTextRecursively();
        assertThat(page).contains("pas accès").doesNotContain(south.lastName().toUpperCase(Locale.ROOT), "confidentiel");
        if (messageId != null) {
            assertThat(find(com.vaadin.flow.component.Component.class).withId(messageId).exists()).as(messageId).isTrue();
        }
    }

    private Element page() {
        Element top = getCurrentView().getElement();
        while (top.getParent() != null && !"body".equals(top.getParent().getTag())) {
            top = top.getParent();
        }
        return top;
    }

    private long denied() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'ACCESS_DENIED'", Long.class,
                TestUsers.WORKER_NORTH);
    }
}
