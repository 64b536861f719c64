package org.parcours.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientStatus;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.NewClient;
import org.parcours.committee.AgendaQuestion;
import org.parcours.committee.DecisionOutcome;
import org.parcours.committee.MeetingService;
import org.parcours.committee.MeetingService.DecisionInput;
import org.parcours.committee.RuleRefusedException;
import org.parcours.evaluations.EvaluationService;
import org.parcours.programmes.engine.ScheduleEngine;
import org.parcours.testsupport.MutableClock;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.parcours.worklist.WorklistService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The declared IMASP rules enforced by the services, on a fixed day: a client turning 60 becomes
 * social-only with an audit row and leaves the 4-monthly IMASP worklist for the 3-yearly review;
 * the committee's "social activation only" grant is refused with two persistent measurements and
 * accepted with three, or with a written override reason (audited).
 */
@SpringBootTest
class ProgrammeEnforcementTests {

    static final Instant NOW = LocalDate.of(2026, 11, 23).atTime(10, 0).toInstant(ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

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
    MeetingService meetings;
    @Autowired
    WorklistService worklists;
    @Autowired
    StatusRules statusRules;
    @Autowired
    ProgrammeService programmes;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;

    private ClientSummary client(String name, LocalDate birth, LocalDate followUp) {
        return data.as(TestUsers.WORKER_NORTH, "WORKER", () -> clients.create(new NewClient("Jan", name, birth,
                data.teamId(TestUsers.TEAM_NORTH), null, followUp)));
    }

    @Test
    void aClientTurningSixtyBecomesSocialOnlyWithAnAuditRowAndMovesToTheThreeYearlyReview() {
        ClientSummary turning = client("Zestig", TODAY.minusYears(60), LocalDate.of(2026, 7, 1));
        ClientSummary younger = client("Negenenvijftig", TODAY.minusYears(60).plusDays(1), LocalDate.of(2026, 7, 1));
        assertThat(data.as(TestUsers.WORKER_NORTH, "WORKER", () -> worklists.forCurrentUser()).due())
                .as("both are due for their first IMASP").filteredOn(d -> d.clientId() == turning.id() || d.clientId() == younger.id())
                .extracting(ScheduleEngine.Due::scheduleId).containsExactly("follow-up", "follow-up");

        statusRules.applyToEveryClient();

        ClientSummary after = data.as(TestUsers.WORKER_NORTH, "WORKER", () -> clients.requireVisible(turning.id()));
        assertThat(after.status()).isEqualTo(ClientStatus.SOCIAL_ACTIVATION_ONLY);
        assertThat(after.statusSince()).isEqualTo(TODAY);
        assertThat(after.statusReason()).startsWith("À partir de 60 ans");
        assertThat(data.as(TestUsers.WORKER_NORTH, "WORKER", () -> clients.requireVisible(younger.id())).status())
                .isEqualTo(ClientStatus.FOLLOWED);
        assertThat(data.auditActions(StatusRules.ACTOR, "client", turning.id())).containsExactly("CLIENT_STATUS_BY_RULE");
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_event WHERE actor = ? AND target_id = ?", String.class,
                StatusRules.ACTOR, String.valueOf(turning.id()))).contains("FOLLOWED -> SOCIAL_ACTIVATION_ONLY");

        assertThat(data.as(TestUsers.WORKER_NORTH, "WORKER", () -> worklists.forCurrentUser()).due())
                .as("no more on the worklist: the review is in 3 years").noneMatch(d -> d.clientId() == turning.id())
                .anyMatch(d -> d.clientId() == younger.id());
        assertThat(new ScheduleEngine(programmes.programme("imasp").orElseThrow(), programmes.policy())
                .dues(ProgrammeService.facts(after), List.of(), programmes.ruleFacts(programmes.programme("imasp").orElseThrow(),
                        ProgrammeService.facts(after), List.of(), TODAY), TODAY))
                .singleElement().satisfies(d -> {
                    assertThat(d.scheduleId()).isEqualTo("social-only-review");
                    assertThat(d.due()).isEqualTo(TODAY.plusYears(3));
                });
        assertThat(statusRules.applyToEveryClient()).as("applied once").isZero();
    }

    private void measure(ClientSummary client, String illness) {
        data.as(TestUsers.WORKER_NORTH, "WORKER", () -> evaluations.submit(evaluations.blank(client.id(), "imasp"),
                Map.of("illness", illness, "homeless", "A")));
    }

    private long socialOnlyItem(ClientSummary client) {
        long meeting = data.as(TestUsers.COMMITTEE, "COMMITTEE", () -> meetings.create(TODAY, List.of("Alice", "Bob")).id());
        return data.as(TestUsers.WORKER_NORTH, "WORKER", () -> meetings.propose(meeting, client.id(), AgendaQuestion.SOCIAL_ONLY, null));
    }

    @Test
    void aSocialOnlyGrantNeedsThreeConsecutivePersistentMeasurements() {
        ClientSummary two = client("Twee", LocalDate.of(1980, 1, 1), LocalDate.of(2025, 1, 1));
        measure(two, "A");
        measure(two, "B");
        measure(two, "C");
        long twoItem = socialOnlyItem(two);
        assertThatThrownBy(() -> data.as(TestUsers.COMMITTEE, "COMMITTEE", () -> meetings.recordDecision(twoItem,
                new DecisionInput(DecisionOutcome.GRANTED, "Problème persistant", null))))
                .isInstanceOfSatisfying(RuleRefusedException.class, e -> {
                    assertThat(e.rules()).singleElement().satisfies(r -> assertThat(r.message().in(Locale.ENGLISH)).isEqualTo(
                            "The committee grants social activation only after at least 3 consecutive measurements showing a persistent problem"));
                    assertThat(e.messageKey()).isEqualTo("committee.error.rule");
                });
        assertThat(data.count("committee_decision WHERE agenda_item_id = " + twoItem)).as("nothing recorded").isZero();
        assertThat(data.as(TestUsers.COMMITTEE, "COMMITTEE", () -> meetings.recordDecision(twoItem,
                new DecisionInput(DecisionOutcome.REFUSED, "Pas encore", null))).outcome()).as("a refusal is not guarded")
                .isEqualTo(DecisionOutcome.REFUSED);

        ClientSummary three = client("Drie", LocalDate.of(1980, 1, 1), LocalDate.of(2025, 1, 1));
        measure(three, "B");
        measure(three, "B");
        measure(three, "C");
        long threeItem = socialOnlyItem(three);
        assertThat(data.as(TestUsers.COMMITTEE, "COMMITTEE", () -> meetings.recordDecision(threeItem,
                new DecisionInput(DecisionOutcome.GRANTED, "Problème persistant", null))).outcome()).isEqualTo(DecisionOutcome.GRANTED);
    }

    @Test
    void anOverrideNeedsAWrittenReasonAndIsAudited() {
        ClientSummary none = client("Geen", LocalDate.of(1980, 1, 1), LocalDate.of(2025, 1, 1));
        long item = socialOnlyItem(none);
        assertThatThrownBy(() -> data.as(TestUsers.COMMITTEE, "COMMITTEE", () -> meetings.recordDecision(item,
                new DecisionInput(DecisionOutcome.GRANTED, "Oui", null, "  ")))).isInstanceOf(RuleRefusedException.class);
        assertThat(data.as(TestUsers.COMMITTEE, "COMMITTEE", () -> meetings.recordDecision(item,
                new DecisionInput(DecisionOutcome.GRANTED, "Oui", null, "Rapport médical joint au dossier"))).outcome())
                .isEqualTo(DecisionOutcome.GRANTED);
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_event WHERE action = 'RULE_OVERRIDDEN' AND target_id = ?", String.class,
                String.valueOf(item))).contains("imasp/social-only-grant-needs-persistent-problem", "Rapport médical joint au dossier");
    }
}
