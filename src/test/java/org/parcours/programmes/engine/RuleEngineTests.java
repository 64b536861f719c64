package org.parcours.programmes.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parcours.programmes.engine.EngineFixtures.GRID;
import static org.parcours.programmes.engine.EngineFixtures.POLICY;
import static org.parcours.programmes.engine.EngineFixtures.client;
import static org.parcours.programmes.engine.EngineFixtures.measured;
import static org.parcours.programmes.engine.EngineFixtures.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.parcours.formdef.LocalizedText;
import org.parcours.formdef.programme.Effect;
import org.parcours.formdef.programme.Programme;
import org.parcours.formdef.programme.Severity;

/** Rules over a client and their measurement history, evaluated without Spring. */
class RuleEngineTests {

    static final Programme RULES = programme("""
            rules:
              - id: old
                effect: set-status
                status: social-only
                when: "status == 'followed' && (age >= policy.g.age || permanently_unfit)"
                message: { fr: "Dès {policy.g.age} ans", nl: "Vanaf {policy.g.age} jaar", en: "From age {policy.g.age}" }
              - id: stuck
                effect: flag
                severity: warn
                each: factor
                when: "factor_run >= policy.g.runs"
                message: { fr: "Bloqué", nl: "Vast", en: "Stuck" }
              - id: grant
                effect: guard
                severity: block
                guards: committee.grant-social-only
                requires: "max_problem_run >= policy.g.runs"
                message: { fr: "Il faut {policy.g.runs} mesures", nl: "{policy.g.runs} metingen nodig", en: "{policy.g.runs} measurements needed" }
              - id: fresh
                effect: guard
                severity: warn
                guards: committee.decide
                requires: "has_measurement && add_period(last_measured, policy.g.fresh) >= today"
                message: { fr: "Un IMASP de moins de {policy.g.fresh}", nl: "Een MPSA van minder dan {policy.g.fresh}", en: "An IMASP less than {policy.g.fresh} old" }
              - id: answered
                effect: flag
                when: "has_measurement && answers.closed && answers.amount > 10.0 && answers.visits == 2 && 'rent' in answers.topics && answers.remark == 'ok' && answers.review_date > today"
                message: { fr: "R", nl: "R", en: "R" }
            """);
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    static List<Measured> problems(int consecutive) {
        List<Measured> history = new java.util.ArrayList<>();
        history.add(measured("2025-01-01", Map.of("debts", "A", "income", "C")));
        for (int i = 0; i < consecutive; i++) {
            history.add(measured("2025-0" + (i + 2) + "-01", Map.of("debts", "C", "income", i == consecutive - 1 ? "A" : "C")));
        }
        return history;
    }

    static RuleFacts facts(ClientFacts client, List<Measured> history) {
        return RuleFacts.of(client, history, Optional.of(GRID), POLICY, TODAY);
    }

    @Test
    void aClientReachingTheAgeBecomesSocialOnlyOnTheBirthdayItself() {
        RuleEngine engine = new RuleEngine(RULES, POLICY);
        ClientFacts turning = new ClientFacts(1, "A", Optional.of(TODAY.minusYears(60)), "followed", Optional.empty(), Optional.empty(),
                Optional.empty());
        ClientFacts dayBefore = new ClientFacts(1, "A", Optional.of(TODAY.minusYears(60).plusDays(1)), "followed", Optional.empty(),
                Optional.empty(), Optional.empty());
        assertThat(engine.status(facts(turning, List.of()))).contains("social-only");
        assertThat(engine.status(facts(dayBefore, List.of()))).isEmpty();
        Finding finding = engine.statusFinding(facts(turning, List.of())).orElseThrow();
        assertThat(finding.message().in(Locale.FRENCH)).isEqualTo("Dès 60 ans");
        assertThat(finding.message().in(Locale.of("nl"))).isEqualTo("Vanaf 60 jaar");
        assertThat(finding.effect()).isEqualTo(Effect.SET_STATUS);
        assertThat(finding.blocking()).isFalse();
        assertThat(engine.statusFinding(facts(dayBefore, List.of()))).isEmpty();
        ClientFacts already = new ClientFacts(1, "A", Optional.of(TODAY.minusYears(70)), "social-only", Optional.empty(),
                Optional.empty(), Optional.empty());
        assertThat(engine.status(facts(already, List.of()))).as("the rule holds only for a followed file").isEmpty();
    }

    @Test
    void permanentlyUnfitCountsFromItsDate() {
        RuleEngine engine = new RuleEngine(RULES, POLICY);
        ClientFacts since = new ClientFacts(1, "A", Optional.of(LocalDate.of(1990, 1, 1)), "followed", Optional.empty(),
                Optional.empty(), Optional.of(TODAY));
        ClientFacts later = new ClientFacts(1, "A", Optional.empty(), "followed", Optional.empty(), Optional.empty(),
                Optional.of(TODAY.plusDays(1)));
        assertThat(engine.status(facts(since, List.of()))).contains("social-only");
        assertThat(engine.status(facts(later, List.of()))).isEmpty();
        assertThat(later.age(TODAY)).as("unknown birth date").isEqualTo(-1);
    }

    @Test
    void persistentProblemIsFlaggedPerFactorFromTheNewestConsecutiveMeasurements() {
        RuleEngine engine = new RuleEngine(RULES, POLICY);
        List<Finding> two = engine.flags(facts(client("followed"), problems(2)));
        assertThat(two).noneMatch(f -> f.ruleId().equals("stuck"));
        List<Finding> three = engine.flags(facts(client("followed"), problems(3)));
        assertThat(three).filteredOn(f -> f.ruleId().equals("stuck")).singleElement().satisfies(f -> {
            assertThat(f.factor()).contains("debts");
            assertThat(f.factorRun()).isEqualTo(3);
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.programmeId()).isEqualTo("grid");
        });
        RuleFacts facts = facts(client("followed"), problems(3));
        assertThat(facts.problemRuns()).containsEntry("debts", 3L).containsEntry("income", 0L);
        assertThat(facts.variables()).containsEntry("max_problem_run", 3L).containsEntry("measurements", 4L);
    }

    @Test
    void aMeasurementWithoutTheAnswerEndsTheRun() {
        List<Measured> history = List.of(measured("2025-03-01", Map.of("debts", "C")), measured("2025-04-01", Map.of("income", "A")),
                measured("2025-05-01", Map.of("debts", "C")));
        assertThat(RuleFacts.problemRuns(history.reversed(), Optional.of(GRID))).containsEntry("debts", 1L);
        assertThat(RuleFacts.problemRuns(List.of(measured("2025-05-01", Map.of("debts", "X"))), Optional.empty()))
                .as("an unknown code is no problem").containsEntry("debts", 0L);
    }

    @Test
    void theGrantGuardFailsWithTwoAndHoldsWithThree() {
        RuleEngine engine = new RuleEngine(RULES, POLICY);
        List<Finding> failed = engine.failedGuards("committee.grant-social-only", facts(client("followed"), problems(2)));
        assertThat(failed).singleElement().satisfies(f -> {
            assertThat(f.blocking()).isTrue();
            assertThat(f.message().in(Locale.ENGLISH)).isEqualTo("3 measurements needed");
        });
        assertThat(engine.failedGuards("committee.grant-social-only", facts(client("followed"), problems(3)))).isEmpty();
        assertThat(engine.failedGuards("committee.propose", facts(client("followed"), problems(0)))).isEmpty();
    }

    @Test
    void freshnessReadsTheLastMeasurementAndPeriodsAreWrittenInWords() {
        RuleEngine engine = new RuleEngine(RULES, POLICY);
        List<Finding> none = engine.failedGuards("committee.decide", facts(client("followed"), List.of()));
        assertThat(none).singleElement().satisfies(f -> {
            assertThat(f.blocking()).as("a warning guard").isFalse();
            assertThat(f.message().in(Locale.FRENCH)).isEqualTo("Un IMASP de moins de 6 mois");
            assertThat(f.message().in(Locale.of("nl"))).isEqualTo("Een MPSA van minder dan 6 maanden");
            assertThat(f.message().in(Locale.ENGLISH)).isEqualTo("An IMASP less than 6 months old");
        });
        assertThat(engine.failedGuards("committee.decide", facts(client("followed"), List.of(measured("2025-12-01", Map.of())))))
                .isEmpty();
        assertThat(engine.failedGuards("committee.decide", facts(client("followed"), List.of(measured("2025-11-30", Map.of())))))
                .hasSize(1);
        assertThat(RuleEngine.readable("P3Y", "fr")).isEqualTo("3 ans");
        assertThat(RuleEngine.readable("P1Y2M", "en")).isEqualTo("1 year 2 months");
        assertThat(RuleEngine.readable("P1M", "nl")).isEqualTo("1 maand");
        assertThat(RuleEngine.readable("P1D", "fr")).isEqualTo("1 jour");
        assertThat(RuleEngine.readable("P0D", "en")).isEqualTo("0 days");
        assertThat(RuleEngine.readable("P2Y", "nl")).isEqualTo("2 jaar");
        assertThat(RuleEngine.readable("60", "en")).isEqualTo("60");
        assertThat(new RuleEngine(RULES, POLICY).fill(LocalizedText.of("{policy.g.none}", "x", "y")).in(Locale.FRENCH)).isEqualTo("?");
    }

    @Test
    void answersOfTheNewestMeasurementAreTyped() {
        RuleEngine engine = new RuleEngine(RULES, POLICY);
        Map<String, String> answers = Map.of("closed", "true", "amount", "12.50", "visits", "2", "topics", "food,rent",
                "remark", "ok", "review_date", "2026-07-01");
        assertThat(engine.flags(facts(client("followed"), List.of(measured("2026-05-01", answers)))))
                .anyMatch(f -> f.ruleId().equals("answered"));
        assertThat(engine.flags(facts(client("followed"), List.of(measured("2026-05-01", answers),
                measured("2026-05-02", Map.of("closed", "false")))))).noneMatch(f -> f.ruleId().equals("answered"));
        assertThat(RuleFacts.answer(GRID.item("amount").orElseThrow(), "oops")).contains(0.0);
        assertThat(RuleFacts.answer(GRID.item("visits").orElseThrow(), null)).contains(0L);
        assertThat(RuleFacts.answer(GRID.item("topics").orElseThrow(), "")).contains(List.of());
        assertThat(RuleFacts.answer(GRID.item("review_date").orElseThrow(), "bad")).contains(java.time.Instant.EPOCH);
        assertThat(RuleFacts.date("2026-01-02")).contains(LocalDate.of(2026, 1, 2));
        assertThat(RuleFacts.date("")).isEmpty();
    }

    @Test
    void perFactorVariablesNameTheFactor() {
        RuleFacts facts = facts(client("followed"), problems(3));
        assertThat(facts.forFactor("debts")).containsEntry("factor", "debts").containsEntry("factor_run", 3L);
        assertThat(facts.forFactor("unknown")).containsEntry("factor_run", 0L);
        assertThat(facts.variables()).containsEntry("status", "followed").containsEntry("age", 56L)
                .containsEntry("permanently_unfit", false).containsEntry("has_measurement", true)
                .containsEntry("policy.g.runs", 3L).containsEntry("policy.g.fresh", "P6M");
    }

    @Test
    void theFirstHoldingStatusRuleSetsTheStatusWhateverFlagsHoldBeforeIt() {
        Programme ordered = programme("""
                rules:
                  - id: any
                    effect: flag
                    when: "true"
                    message: { fr: "F", nl: "F", en: "F" }
                  - id: never
                    effect: set-status
                    status: followed
                    when: "false"
                    message: { fr: "N", nl: "N", en: "N" }
                  - id: always
                    effect: set-status
                    status: social-only
                    when: "true"
                    message: { fr: "A", nl: "A", en: "A" }
                """);
        RuleEngine engine = new RuleEngine(ordered, POLICY);
        assertThat(engine.status(facts(client("followed"), List.of()))).contains("social-only");
        assertThat(engine.statusFinding(facts(client("followed"), List.of()))).get().extracting(Finding::ruleId).isEqualTo("always");
        assertThat(engine.flags(facts(client("followed"), List.of()))).extracting(Finding::ruleId).containsExactly("any", "always");
    }

    @Test
    void factorsOfOlderVersionsAndClosedFilesAreKnown() {
        assertThat(RuleFacts.problemRuns(List.of(measured("2025-05-01", Map.of("debts", "C"))), Optional.empty()))
                .as("the factors of the measurement's own version without a layout").containsEntry("debts", 1L).containsEntry("income", 0L);
        assertThat(RuleFacts.problemRuns(List.of(), Optional.of(GRID))).containsOnlyKeys("debts", "income");
        assertThat(client("closed").closed()).isTrue();
        assertThat(client("followed").closed()).isFalse();
        RuleFacts noLayout = RuleFacts.of(client("followed"), List.of(measured("2025-05-01", Map.of("remark", "x"))), Optional.empty(), POLICY, TODAY);
        assertThat(noLayout.variables()).containsEntry("answers.remark", "x");
    }
}
