package org.parcours.programmes.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parcours.programmes.engine.ShippedProgrammesTests.POLICY;
import static org.parcours.programmes.engine.ShippedProgrammesTests.TODAY;
import static org.parcours.programmes.engine.ShippedProgrammesTests.client;
import static org.parcours.programmes.engine.ShippedProgrammesTests.dues;
import static org.parcours.programmes.engine.ShippedProgrammesTests.facts;
import static org.parcours.programmes.engine.ShippedProgrammesTests.form;
import static org.parcours.programmes.engine.ShippedProgrammesTests.programme;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parcours.formdef.programme.Programme;

/** The budget guidance, a programme added as files only (its form, scale, programme and policy numbers), without Spring. */
class BudgetGuidanceProgrammeTests {

    static final Programme BUDGET = programme("budget-guidance");

    static Measured budget(LocalDate day, String debts) {
        return new Measured(day.atTime(9, 0).toInstant(ZoneOffset.UTC), form("budget-guidance"),
                Map.of("debts", debts, "income_management", "OK", "fixed_charges", "OK", "paperwork", "OK"));
    }

    @Test
    void budgetGuidanceIsDueWithinAMonthThenEveryTwoMonths() {
        ClientFacts c = client(LocalDate.of(1990, 1, 1), "followed", null, LocalDate.of(2026, 10, 15));
        assertThat(dues(BUDGET, c, List.of())).as("a client who has not started the guidance").isEmpty();
        assertThat(dues(BUDGET, c, List.of(budget(LocalDate.of(2026, 11, 1), "FRAGILE"))).getFirst().due())
                .isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(dues(BUDGET, client(LocalDate.of(1990, 1, 1), "social-only", TODAY, LocalDate.of(2026, 10, 15)),
                List.of(budget(LocalDate.of(2026, 11, 1), "OK")))).as("whatever the activation status").hasSize(1);
        assertThat(BUDGET.schedules().getFirst().firstAfter().resolve(POLICY)).isEqualTo(java.time.Period.ofMonths(1));
    }

    @Test
    void budgetGuidanceFlagsALastingDifficultyAndItsWorkflowRefusesToCloseWhileOneRemains() {
        ClientFacts c = client(LocalDate.of(1990, 1, 1), "followed", null, LocalDate.of(2026, 1, 1));
        List<Measured> lasting = List.of(budget(LocalDate.of(2026, 9, 1), "FRAGILE"), budget(LocalDate.of(2026, 11, 1), "CRITICAL"));
        assertThat(new RuleEngine(BUDGET, POLICY).flags(facts(BUDGET, c, lasting, TODAY))).singleElement().satisfies(f -> {
            assertThat(f.factor()).contains("debts");
            assertThat(f.message().in(Locale.of("nl"))).isEqualTo("Blijvende moeilijkheid: kwetsbaar of kritiek bij de laatste 2 gesprekken");
        });
        WorkflowEngine workflow = new WorkflowEngine(BUDGET, BUDGET.workflow("guidance").orElseThrow(), POLICY);
        assertThat(workflow.check("open", "agree", Set.of("WORKER"), Optional.empty()).to()).contains("agreed");
        WorkflowEngine.Check refused = workflow.check("agreed", "close", Set.of("WORKER"), Optional.of(facts(BUDGET, c, lasting, TODAY)));
        assertThat(refused.outcome()).isEqualTo(WorkflowEngine.Outcome.GUARD);
        assertThat(refused.failedGuards().getFirst().message().in(Locale.ENGLISH)).startsWith("The guidance is closed once");
        List<Measured> stable = List.of(budget(LocalDate.of(2026, 9, 1), "FRAGILE"), budget(LocalDate.of(2026, 11, 1), "OK"));
        assertThat(workflow.check("agreed", "close", Set.of("WORKER"), Optional.of(facts(BUDGET, c, stable, TODAY))).to()).contains("closed");
    }
}
