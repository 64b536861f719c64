package org.parcours.programmes.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parcours.programmes.engine.EngineFixtures.GRID;
import static org.parcours.programmes.engine.EngineFixtures.POLICY;
import static org.parcours.programmes.engine.EngineFixtures.client;
import static org.parcours.programmes.engine.EngineFixtures.measured;
import static org.parcours.programmes.engine.EngineFixtures.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parcours.formdef.programme.Programme;
import org.parcours.formdef.programme.Transition;
import org.parcours.formdef.programme.Workflow;

/** Declared workflows: states, roles and guards, without Spring. */
class WorkflowEngineTests {

    static final Programme PROGRAMME = programme("""
            rules:
              - id: two
                effect: guard
                severity: block
                requires: "measurements >= 2"
                message: { fr: "Deux mesures", nl: "Twee metingen", en: "Two measurements" }
              - id: hint
                effect: guard
                severity: warn
                requires: "max_problem_run == 0"
                message: { fr: "Encore un problème", nl: "Nog een probleem", en: "Still a problem" }
            workflows:
              - id: file
                title: { fr: "Dossier", nl: "Dossier", en: "File" }
                initial: open
                states:
                  - id: open
                    label: { fr: "Ouvert", nl: "Open", en: "Open" }
                  - id: agreed
                    label: { fr: "Convenu", nl: "Afgesproken", en: "Agreed" }
                  - id: closed
                    label: { fr: "Clos", nl: "Afgesloten", en: "Closed" }
                transitions:
                  - id: agree
                    label: { fr: "Convenir", nl: "Afspreken", en: "Agree" }
                    from: [open]
                    to: agreed
                    roles: [WORKER, ADMIN]
                    due-within: g.every
                  - id: close
                    label: { fr: "Clore", nl: "Afsluiten", en: "Close" }
                    from: [agreed]
                    to: closed
                    roles: [WORKER]
                    guards: [two, hint]
            """);
    static final Workflow FILE = PROGRAMME.workflow("file").orElseThrow();
    static final LocalDate TODAY = LocalDate.of(2026, 1, 10);

    static Optional<RuleFacts> facts(List<Measured> history) {
        return Optional.of(RuleFacts.of(client("followed"), history, Optional.of(GRID), POLICY, TODAY));
    }

    WorkflowEngine engine() {
        return new WorkflowEngine(PROGRAMME, FILE, POLICY);
    }

    @Test
    void anAllowedTransitionGivesItsTargetState() {
        WorkflowEngine.Check check = engine().check("open", "agree", Set.of("WORKER"), Optional.empty());
        assertThat(check.allowed()).isTrue();
        assertThat(check.outcome()).isEqualTo(WorkflowEngine.Outcome.ALLOWED);
        assertThat(check.to()).contains("agreed");
        assertThat(check.failedGuards()).isEmpty();
    }

    @Test
    void unknownTransitionsWrongStatesAndRolesAreRefused() {
        assertThat(engine().check("open", "fly", Set.of("WORKER"), Optional.empty()).outcome())
                .isEqualTo(WorkflowEngine.Outcome.UNKNOWN_TRANSITION);
        WorkflowEngine.Check wrong = engine().check("closed", "agree", Set.of("WORKER"), Optional.empty());
        assertThat(wrong.outcome()).isEqualTo(WorkflowEngine.Outcome.WRONG_STATE);
        assertThat(wrong.to()).isEmpty();
        assertThat(wrong.allowed()).isFalse();
        assertThat(engine().check("open", "agree", Set.of("COMMITTEE"), Optional.empty()).outcome())
                .isEqualTo(WorkflowEngine.Outcome.ROLE);
        assertThat(engine().check("open", "agree", Set.of(), Optional.empty()).outcome()).isEqualTo(WorkflowEngine.Outcome.ROLE);
    }

    @Test
    void aFailingBlockingGuardRefusesWithItsMessageAndAWarningDoesNot() {
        List<Measured> one = List.of(measured("2026-01-01", Map.of("debts", "C")));
        WorkflowEngine.Check refused = engine().check("agreed", "close", Set.of("WORKER"), facts(one));
        assertThat(refused.outcome()).isEqualTo(WorkflowEngine.Outcome.GUARD);
        assertThat(refused.failedGuards()).extracting(Finding::ruleId).containsExactly("two", "hint");
        assertThat(refused.failedGuards().getFirst().message().in(java.util.Locale.ENGLISH)).isEqualTo("Two measurements");
        List<Measured> two = List.of(measured("2026-01-01", Map.of("debts", "C")), measured("2025-12-01", Map.of("debts", "A")));
        WorkflowEngine.Check warned = engine().check("agreed", "close", Set.of("WORKER"), facts(two));
        assertThat(warned.allowed()).isTrue();
        assertThat(warned.to()).contains("closed");
        assertThat(warned.failedGuards()).extracting(Finding::ruleId).containsExactly("hint");
        List<Measured> clean = List.of(measured("2026-01-01", Map.of("debts", "A")), measured("2025-12-01", Map.of("debts", "A")));
        assertThat(engine().check("agreed", "close", Set.of("WORKER"), facts(clean)).failedGuards()).isEmpty();
    }

    @Test
    void guardsWithoutFactsFailAndDeadlinesFollowThePolicy() {
        WorkflowEngine.Check blind = engine().check("agreed", "close", Set.of("WORKER"), Optional.empty());
        assertThat(blind.outcome()).isEqualTo(WorkflowEngine.Outcome.GUARD);
        assertThat(blind.failedGuards()).hasSize(2);
        Transition agree = FILE.transition("agree").orElseThrow();
        assertThat(engine().deadline(agree, LocalDate.of(2026, 1, 31))).contains(LocalDate.of(2026, 3, 31));
        assertThat(engine().deadline(FILE.transition("close").orElseThrow(), TODAY)).isEmpty();
        assertThat(engine().available("open", Set.of("ADMIN"))).extracting(Transition::id).containsExactly("agree");
        assertThat(engine().available("agreed", Set.of("ADMIN"))).isEmpty();
        assertThat(engine().available("agreed", Set.of("WORKER"))).extracting(Transition::id).containsExactly("close");
    }
}
