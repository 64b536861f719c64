package org.parcours.programmes.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parcours.programmes.engine.EngineFixtures.GRID;
import static org.parcours.programmes.engine.EngineFixtures.POLICY;
import static org.parcours.programmes.engine.EngineFixtures.measured;
import static org.parcours.programmes.engine.EngineFixtures.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.parcours.formdef.programme.Programme;

/** When a declared form falls due, without Spring. */
class ScheduleEngineTests {

    static final Programme PROGRAMME = programme("""
            schedules:
              - id: follow
                label: { fr: "À faire", nl: "Te doen", en: "Due" }
                applies-when: "status == 'followed'"
                from: follow-up-start
                first-after: g.first
                every: g.every
                done-when: "!answers.closed"
                seen-by: [WORKER]
              - id: review
                label: { fr: "Revue", nl: "Herziening", en: "Review" }
                applies-when: "status == 'social-only'"
                from: status-since
                first-after: g.review
                every: g.review
                seen-by: [WORKER]
              - id: once
                label: { fr: "Une fois", nl: "Eenmaal", en: "Once" }
                applies-when: "status == 'closed-never'"
                first-after: P1M
                seen-by: [WORKER]
              - id: before-review
                label: { fr: "Avant la revue", nl: "Voor de herziening", en: "Before the review" }
                applies-when: "status == 'followed'"
                before-end-of: review_date
                ahead: P1M
                seen-by: [ADMIN]
            """);
    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    static ClientFacts client(String status, LocalDate followUp, LocalDate since) {
        return new ClientFacts(3, "MARTIN Anne", Optional.of(LocalDate.of(1980, 1, 1)), status, Optional.ofNullable(since),
                Optional.ofNullable(followUp), Optional.empty());
    }

    static List<ScheduleEngine.Due> dues(ClientFacts client, List<Measured> history) {
        return new ScheduleEngine(PROGRAMME, POLICY).dues(client, history, RuleFacts.of(client, history, Optional.of(GRID), POLICY, TODAY),
                TODAY);
    }

    @Test
    void theFirstFallsDueAfterTheFollowUpStartThenEveryPeriodAfterTheLastDone() {
        ClientFacts c = client("followed", LocalDate.of(2025, 4, 15), null);
        assertThat(dues(c, List.of())).singleElement().satisfies(d -> {
            assertThat(d.scheduleId()).isEqualTo("follow");
            assertThat(d.due()).isEqualTo(LocalDate.of(2025, 5, 15));
            assertThat(d.overdue()).isTrue();
            assertThat(d.clientId()).isEqualTo(3);
            assertThat(d.name()).isEqualTo("MARTIN Anne");
            assertThat(d.programmeId()).isEqualTo("grid");
            assertThat(d.formKey()).isEqualTo("grid");
            assertThat(d.label().in(java.util.Locale.ENGLISH)).isEqualTo("Due");
        });
        ClientFacts onTime = client("followed", LocalDate.of(2025, 5, 1), null);
        assertThat(dues(onTime, List.of()).getFirst().overdue()).as("due today is not overdue").isFalse();
        List<ScheduleEngine.Due> after = dues(c, List.of(measured("2025-05-10", Map.of()), measured("2025-05-20", Map.of())));
        assertThat(after.getFirst().due()).isEqualTo(LocalDate.of(2025, 7, 20));
        assertThat(after.getFirst().overdue()).isFalse();
    }

    @Test
    void onlyEvaluationsThatCountAsDoneAndMadeSinceTheAnchorCount() {
        ClientFacts c = client("followed", LocalDate.of(2025, 4, 15), null);
        assertThat(dues(c, List.of(measured("2025-05-20", Map.of("closed", "true")))).getFirst().due())
                .as("a measurement that does not count as done").isEqualTo(LocalDate.of(2025, 5, 15));
        assertThat(dues(c, List.of(measured("2025-04-14", Map.of()))).getFirst().due())
                .as("made before the follow-up started").isEqualTo(LocalDate.of(2025, 5, 15));
        assertThat(dues(c, List.of(measured("2025-04-15", Map.of()))).getFirst().due())
                .as("made on the start day").isEqualTo(LocalDate.of(2025, 6, 15));
    }

    @Test
    void aSocialOnlyFileIsReviewedFromItsStatusDate() {
        ClientFacts c = client("social-only", LocalDate.of(2020, 1, 1), LocalDate.of(2022, 6, 1));
        assertThat(dues(c, List.of(measured("2021-01-01", Map.of())))).singleElement().satisfies(d -> {
            assertThat(d.scheduleId()).isEqualTo("review");
            assertThat(d.due()).isEqualTo(LocalDate.of(2025, 6, 1));
            assertThat(d.overdue()).isFalse();
        });
        assertThat(dues(c, List.of(measured("2025-05-01", Map.of()))).getFirst().due()).isEqualTo(LocalDate.of(2028, 5, 1));
    }

    @Test
    void closedFilesAndMissingAnchorsHaveNothingDue() {
        assertThat(dues(client("closed", LocalDate.of(2025, 1, 1), null), List.of())).isEmpty();
        assertThat(dues(client("followed", null, null), List.of())).isEmpty();
        assertThat(dues(client("social-only", LocalDate.of(2025, 1, 1), null), List.of())).isEmpty();
    }

    @Test
    void aScheduleWithoutEveryIsDoneOnce() {
        Programme once = programme("""
                schedules:
                  - id: once
                    label: { fr: "Une fois", nl: "Eenmaal", en: "Once" }
                    first-after: P1M
                    seen-by: [WORKER]
                """);
        ClientFacts c = client("followed", LocalDate.of(2025, 4, 1), null);
        ScheduleEngine engine = new ScheduleEngine(once, POLICY);
        assertThat(engine.dues(c, List.of(), RuleFacts.of(c, List.of(), Optional.of(GRID), POLICY, TODAY), TODAY))
                .extracting(ScheduleEngine.Due::due).containsExactly(LocalDate.of(2025, 5, 1));
        List<Measured> done = List.of(measured("2025-05-02", Map.of()));
        assertThat(engine.dues(c, done, RuleFacts.of(c, done, Optional.of(GRID), POLICY, TODAY), TODAY)).isEmpty();
    }

    @Test
    void aReviewFallsDueAheadOfTheDateAnsweredInTheNewestEvaluation() {
        ClientFacts c = client("followed", LocalDate.of(2025, 5, 25), null);
        List<ScheduleEngine.Due> found = dues(c, List.of(measured("2025-05-30", Map.of("review_date", "2025-09-10")),
                measured("2025-05-28", Map.of("review_date", "2025-07-01"))));
        assertThat(found).extracting(ScheduleEngine.Due::scheduleId).containsExactly("follow", "before-review");
        assertThat(found).extracting(ScheduleEngine.Due::due).containsExactly(LocalDate.of(2025, 7, 30), LocalDate.of(2025, 8, 10));
        assertThat(dues(c, List.of(measured("2025-05-30", Map.of())))).extracting(ScheduleEngine.Due::scheduleId)
                .containsExactly("follow");
    }

    @Test
    void duesAreSortedByDateWhateverTheDeclarationOrder() {
        Programme two = programme("""
                schedules:
                  - id: late
                    label: { fr: "L", nl: "L", en: "L" }
                    first-after: P3M
                    seen-by: [WORKER]
                  - id: early
                    label: { fr: "E", nl: "E", en: "E" }
                    first-after: P1M
                    seen-by: [WORKER]
                """);
        ClientFacts c = client("followed", LocalDate.of(2025, 4, 1), null);
        assertThat(new ScheduleEngine(two, POLICY).dues(c, List.of(), RuleFacts.of(c, List.of(), Optional.of(GRID), POLICY, TODAY), TODAY))
                .extracting(ScheduleEngine.Due::scheduleId).containsExactly("early", "late");
    }
}
