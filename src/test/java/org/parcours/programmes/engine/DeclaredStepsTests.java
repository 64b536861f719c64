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
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parcours.formdef.programme.Programme;
import org.parcours.formdef.programme.Severity;
import org.parcours.formdef.programme.Transition;
import org.parcours.formdef.programme.Workflow;

/**
 * A workflow of submissions as the contract and aid services use it, without Spring: steps that
 * keep their state, a guard reading the state left, the transition leading to a decision, a step
 * due before the subject's end, and rules reading a policy value an administrator has not set.
 */
class DeclaredStepsTests {

    static final Programme PROGRAMME = programme("""
            rules:
              - id: evaluated-first
                effect: guard
                severity: block
                requires: "state == 'evaluated'"
                message: { fr: "Évaluez d'abord", nl: "Eerst evalueren", en: "Evaluate first" }
              - id: window
                effect: guard
                severity: block
                guards: committee.decide
                requires: "has_measurement && add_period(last_measured, policy.g.unset) >= today"
                message: { fr: "Récent ({policy.g.unset})", nl: "Recent ({policy.g.unset})", en: "Recent ({policy.g.unset})" }
              - id: unset-flag
                effect: flag
                when: "policy.g.unset == ''"
                message: { fr: "F", nl: "F", en: "F" }
              - id: set-flag
                effect: flag
                when: "policy.g.every == 'P2M'"
                message: { fr: "S", nl: "S", en: "S" }
            workflows:
              - id: contract
                title: { fr: "Contrat", nl: "Contract", en: "Contract" }
                subject: submission
                initial: draft
                states:
                  - { id: draft, label: { fr: "B", nl: "O", en: "Draft" } }
                  - { id: signed, label: { fr: "S", nl: "O", en: "Signed" } }
                  - { id: evaluated, label: { fr: "É", nl: "G", en: "Evaluated" } }
                  - { id: renewed, label: { fr: "R", nl: "V", en: "Renewed" } }
                transitions:
                  - id: sign
                    label: { fr: "Signer", nl: "Ondertekenen", en: "Sign" }
                    from: [draft]
                    to: signed
                    roles: [WORKER]
                    records: [signed-on]
                  - id: amend
                    label: { fr: "Avenant", nl: "Aanhangsel", en: "Avenant" }
                    from: [signed, evaluated]
                    roles: [WORKER]
                  - id: evaluate
                    label: { fr: "Évaluer", nl: "Evalueren", en: "Evaluate" }
                    from: [signed]
                    to: evaluated
                    roles: [WORKER]
                    due-before-end: g.first
                  - id: renew
                    label: { fr: "Renouveler", nl: "Verlengen", en: "Renew" }
                    from: [signed, evaluated]
                    to: renewed
                    roles: [WORKER]
                    guards: [evaluated-first]
            """);
    static final Workflow CONTRACT = PROGRAMME.workflow("contract").orElseThrow();
    static final LocalDate TODAY = LocalDate.of(2026, 1, 10);

    WorkflowEngine engine() {
        return new WorkflowEngine(PROGRAMME, CONTRACT, POLICY);
    }

    static Optional<RuleFacts> facts() {
        return Optional.of(RuleFacts.of(client("followed"), List.of(), Optional.of(GRID), POLICY, TODAY));
    }

    @Test
    void theWorkflowSaysItsSubjectAndWhatEachStepRecords() {
        assertThat(CONTRACT.subject()).isEqualTo(Workflow.Subject.SUBMISSION);
        assertThat(CONTRACT.appliesWhen()).isEmpty();
        Transition sign = CONTRACT.transition("sign").orElseThrow();
        assertThat(sign.records("signed-on")).isTrue();
        assertThat(sign.records("reason")).isFalse();
        assertThat(sign.target("draft")).isEqualTo("signed");
        assertThat(CONTRACT.transition("amend").orElseThrow().to()).isEmpty();
    }

    @Test
    void aStepWithoutTargetKeepsTheStateItLeaves() {
        assertThat(engine().check("signed", "amend", Set.of("WORKER"), Optional.empty()).to()).contains("signed");
        assertThat(engine().check("evaluated", "amend", Set.of("WORKER"), Optional.empty()).to()).contains("evaluated");
        assertThat(engine().check("draft", "amend", Set.of("WORKER"), Optional.empty()).outcome())
                .isEqualTo(WorkflowEngine.Outcome.WRONG_STATE);
    }

    @Test
    void aGuardReadsTheStateTheTransitionLeaves() {
        WorkflowEngine.Check early = engine().check("signed", "renew", Set.of("WORKER"), facts());
        assertThat(early.outcome()).isEqualTo(WorkflowEngine.Outcome.GUARD);
        assertThat(early.blocking()).singleElement()
                .satisfies(f -> assertThat(f.message().in(Locale.ENGLISH)).isEqualTo("Evaluate first"));
        assertThat(early.to()).isEmpty();
        WorkflowEngine.Check after = engine().check("evaluated", "renew", Set.of("WORKER"), facts());
        assertThat(after.allowed()).isTrue();
        assertThat(after.blocking()).isEmpty();
        assertThat(after.to()).contains("renewed");
        assertThat(facts().orElseThrow().variables()).containsEntry("state", "");
        assertThat(facts().orElseThrow().inState("signed").variables()).containsEntry("state", "signed");
    }

    @Test
    void theTransitionLeadingToADecisionIsTheFirstDeclaredFromTheState() {
        assertThat(engine().leading("draft", "signed")).map(Transition::id).contains("sign");
        assertThat(engine().leading("signed", "renewed")).map(Transition::id).contains("renew");
        assertThat(engine().leading("signed", "signed")).map(Transition::id).contains("amend");
        assertThat(engine().leading("draft", "renewed")).isEmpty();
        assertThat(engine().leading("renewed", "signed")).isEmpty();
    }

    @Test
    void aStepFallsDueBeforeItsSubjectsEnd() {
        Transition evaluate = CONTRACT.transition("evaluate").orElseThrow();
        assertThat(engine().dueBeforeEnd(evaluate, LocalDate.of(2026, 6, 30))).contains(LocalDate.of(2026, 5, 30));
        assertThat(engine().dueBeforeEnd(CONTRACT.transition("renew").orElseThrow(), LocalDate.of(2026, 6, 30))).isEmpty();
        assertThat(engine().workflow()).isSameAs(CONTRACT);
        assertThat(engine().programme()).isSameAs(PROGRAMME);
    }

    @Test
    void aRuleReadingAnUnsetPolicyValueDoesNotApplyAndAGuardSaysSo() {
        assertThat(POLICY.unset("g.unset")).isTrue();
        assertThat(POLICY.unset("g.every")).isFalse();
        RuleEngine rules = new RuleEngine(PROGRAMME, POLICY);
        RuleFacts none = RuleFacts.of(client("followed"), List.of(), Optional.of(GRID), POLICY, TODAY);
        assertThat(rules.failedGuards("committee.decide", none)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.blocking()).isFalse();
            assertThat(f.ruleId()).isEqualTo("window");
            assertThat(f.message().in(Locale.ENGLISH))
                    .isEqualTo("Rule not applied until an administrator sets g.unset in the policy: Recent (?)");
            assertThat(f.message().in(Locale.FRENCH)).startsWith("Règle non appliquée tant qu'un administrateur n'a pas fixé g.unset");
            assertThat(f.message().in(Locale.of("nl"))).startsWith("Regel niet toegepast zolang een beheerder g.unset");
        });
        RuleFacts recent = RuleFacts.of(client("followed"), List.of(measured("2026-01-01", Map.of("debts", "A"))), Optional.of(GRID),
                POLICY, TODAY);
        assertThat(rules.failedGuards("committee.decide", recent)).extracting(Finding::severity).containsExactly(Severity.INFO);
        assertThat(rules.flags(none)).extracting(Finding::ruleId).containsExactly("set-flag");
        assertThat(rules.unset(PROGRAMME.rule("window").orElseThrow())).containsExactly("g.unset");
        assertThat(rules.unset(PROGRAMME.rule("set-flag").orElseThrow())).isEmpty();
    }
}
