package org.parcours.formdef.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.parcours.formdef.FormBundle;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormDefinitionException;
import org.parcours.formdef.FormProblem;
import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;
import org.parcours.formdef.Policy;
import org.parcours.formdef.ProblemCode;

/**
 * The programme reader without Spring: the shipped declarations, and each problem at its file,
 * line and column. Fixtures start at column 1 so positions can be read off the text.
 */
class ProgrammeReaderTests {

    static final String SCALE = """
            scale: abc
            title: { fr: "É", nl: "S", en: "S" }
            values:
              - code: A
                colour: green
                label: { fr: "a", nl: "a", en: "a" }
              - code: C
                colour: red
                problem: true
                label: { fr: "c", nl: "c", en: "c" }
            """;
    static final String FORM = """
            form: grid
            title: { fr: "Grille", nl: "Rooster", en: "Grid" }
            sections:
              - id: s
                title: { fr: "S", nl: "S", en: "S" }
                items:
                  - id: debts
                    type: scale
                    scale: abc
                    label: { fr: "Dettes", nl: "Schulden", en: "Debts" }
                  - id: review_date
                    type: date
                    label: { fr: "Revue", nl: "Herziening", en: "Review" }
                  - id: closed
                    type: yes-no
                    label: { fr: "Clos", nl: "Afgesloten", en: "Closed" }
            """;
    static final Policy POLICY = new Policy("p", Map.of("g.first", "P1M", "g.every", "P2M", "g.runs", "3", "g.label", "x"));

    static Map<String, FormDefinition> forms() {
        return new FormReader().read(List.of(new FormSource("scales/abc.yaml", SCALE), new FormSource("grid.yaml", FORM))).forms();
    }

    static List<Programme> read(String yaml) {
        return new ProgrammeReader().read(List.of(new FormSource("programmes/grid.yaml", yaml)), forms(), Optional.of(POLICY));
    }

    static List<String> problems(String yaml) {
        FormDefinitionException e = catchThrowableOfType(FormDefinitionException.class, () -> read(yaml));
        assertThat(e).as("the declaration is refused").isNotNull();
        return e.problems().stream().map(FormProblem::toString).toList();
    }

    static final String VALID = """
            programme: grid
            form: grid
            title: { fr: "G", nl: "G", en: "G" }
            schedules:
              - id: follow
                label: { fr: "À faire", nl: "Te doen", en: "Due" }
                applies-when: "status == 'followed'"
                from: follow-up-start
                first-after: g.first
                every: P2M
                done-when: "!answers.closed"
                seen-by: [WORKER]
              - id: review
                label: { fr: "Revue", nl: "Herziening", en: "Review" }
                before-end-of: review_date
                ahead: P1M
                seen-by: [WORKER, ADMIN]
            rules:
              - id: stuck
                effect: flag
                severity: warn
                each: factor
                when: "factor_run >= policy.g.runs"
                message: { fr: "Bloqué {policy.g.runs}", nl: "Vast {policy.g.runs}", en: "Stuck {policy.g.runs}" }
              - id: needs-two
                effect: guard
                severity: block
                requires: "measurements >= 2"
                message: { fr: "Deux", nl: "Twee", en: "Two" }
              - id: old
                effect: set-status
                status: social-only
                when: "age >= 60"
                message: { fr: "Vieux", nl: "Oud", en: "Old" }
              - id: agenda
                effect: guard
                severity: warn
                guards: committee.decide
                requires: "has_measurement && add_period(last_measured, 'P6M') >= today"
                message: { fr: "Frais", nl: "Vers", en: "Fresh" }
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
                    from: [open, agreed]
                    to: closed
                    roles: [ADMIN]
                    guards: [needs-two]
                    records: [closed_on]
            """;

    @Test
    void readsAValidDeclaration() {
        Programme p = read(VALID).getFirst();
        assertThat(p.id()).isEqualTo("grid");
        assertThat(p.formKey()).isEqualTo("grid");
        assertThat(p.schedules()).extracting(Schedule::id).containsExactly("follow", "review");
        Schedule follow = p.schedules().getFirst();
        assertThat(follow.from()).isEqualTo(Anchor.FOLLOW_UP_START);
        assertThat(follow.firstAfter().written()).isEqualTo("g.first");
        assertThat(follow.firstAfter().literal()).isFalse();
        assertThat(follow.firstAfter().resolve(POLICY)).isEqualTo(java.time.Period.ofMonths(1));
        assertThat(follow.every().orElseThrow().resolve(POLICY)).isEqualTo(java.time.Period.ofMonths(2));
        assertThat(follow.seenBy()).containsExactly("WORKER");
        assertThat(follow.doneWhen()).isPresent();
        Schedule review = p.schedules().get(1);
        assertThat(review.beforeItem()).contains("review_date");
        assertThat(review.every()).isEmpty();
        assertThat(p.rules()).extracting(Rule::id).containsExactly("stuck", "needs-two", "old", "agenda");
        assertThat(p.rule("stuck").orElseThrow().eachFactor()).isTrue();
        assertThat(p.rule("stuck").orElseThrow().severity()).isEqualTo(Severity.WARN);
        assertThat(p.rule("old").orElseThrow().status()).contains("social-only");
        assertThat(p.rule("old").orElseThrow().severity()).as("info by default").isEqualTo(Severity.INFO);
        assertThat(p.guarding("committee.decide")).extracting(Rule::id).containsExactly("agenda");
        assertThat(p.guarding("committee.propose")).isEmpty();
        Workflow w = p.workflow("file").orElseThrow();
        assertThat(w.initial()).isEqualTo("open");
        assertThat(w.states().keySet()).containsExactly("open", "agreed", "closed");
        assertThat(w.from("agreed")).extracting(Transition::id).containsExactly("close");
        assertThat(w.from("open")).extracting(Transition::id).containsExactly("agree", "close");
        assertThat(w.terminal("closed")).isTrue();
        assertThat(w.terminal("open")).isFalse();
        Transition close = w.transition("close").orElseThrow();
        assertThat(close.guards()).containsExactly("needs-two");
        assertThat(close.records()).containsExactly("closed_on");
        assertThat(close.roles()).containsExactly("ADMIN");
        assertThat(w.transition("agree").orElseThrow().dueWithin().orElseThrow().written()).isEqualTo("g.every");
        assertThat(w.transition("nope")).isEmpty();
        assertThat(p.workflow("nope")).isEmpty();
    }

    @Test
    void unknownFormKeyAndPolicyValueAreReportedAtTheirPlace() {
        assertThat(problems("""
                programme: grid
                form: gird
                title: { fr: "G", nl: "G", en: "G" }
                schedules:
                  - id: s
                    label: { fr: "S", nl: "S", en: "S" }
                    first-after: g.frist
                    seen-by: [WORKER]
                    colour: red
                """)).containsExactly(
                "programmes/grid.yaml:2:7: [unknown-form] unknown form 'gird' (name a form of the forms folder: grid)",
                "programmes/grid.yaml:7:18: [unknown-policy-value] policy.yaml has no value 'g.frist' (write an ISO period such as P3M, or add the value to policy.yaml)",
                "programmes/grid.yaml:9:5: [unknown-key] unknown key 'colour' in a schedule (allowed keys: ahead, applies-when, before-end-of, done-when, every, first-after, from, id, label, seen-by)");
    }

    @Test
    void aBrokenConditionIsReportedAtItsColumn() {
        List<String> found = problems("""
                programme: grid
                form: grid
                title: { fr: "G", nl: "G", en: "G" }
                rules:
                  - id: r
                    effect: flag
                    when: "agee >= 60"
                    message: { fr: "M", nl: "M", en: "M" }
                  - id: t
                    effect: flag
                    when: "age >= ("
                    message: { fr: "M", nl: "M", en: "M" }
                  - id: u
                    effect: flag
                    when: "age + 1"
                    message: { fr: "M", nl: "M", en: "M" }
                """);
        assertThat(found).hasSize(3);
        assertThat(found.get(0)).startsWith("programmes/grid.yaml:7:12: [expression-type] condition \"agee >= 60\"").contains("agee");
        assertThat(found.get(1)).startsWith("programmes/grid.yaml:11:").contains("[expression-syntax]");
        assertThat(found.get(2)).startsWith("programmes/grid.yaml:15:12: [expression-type] the condition must give true or false, not int");
    }

    @Test
    void effectsSeveritiesAndTheirKeysMustMatch() {
        List<String> found = problems("""
                programme: grid
                form: grid
                title: { fr: "G", nl: "G", en: "G" }
                rules:
                  - id: a
                    effect: shout
                    when: "true"
                    message: { fr: "M", nl: "M", en: "M" }
                  - id: b
                    effect: guard
                    severity: loud
                    when: "true"
                    message: { fr: "M", nl: "M" }
                  - id: c
                    effect: set-status
                    status: retired
                    when: "true"
                    guards: committee.decide
                    message: { fr: "M {policy.g.nope}", nl: "M", en: "M" }
                  - id: c
                    effect: guard
                    guards: committee.dance
                    each: row
                    requires: "true"
                    message: { fr: "M", nl: "M", en: "M" }
                """);
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:6:13: [wrong-type] unknown effect 'shout'"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:11:15: [wrong-type] unknown severity 'loud'"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:12:5: [conflicting-keys] 'when' in a rule of effect 'guard'"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:9:5: [missing-key] missing 'requires'"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:13:14: [missing-translation] 'message' has no en text"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:16:13: [wrong-type] unknown status 'retired'"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:18:5: [conflicting-keys] 'guards' in a rule that is no guard"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:19:14: [unknown-policy-value]"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:20:9: [duplicate-id] rule 'c' appears twice"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:22:13: [unknown-rule] unknown action 'committee.dance'"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:23:11: [wrong-type] unknown 'each: row'"));
    }

    @Test
    void workflowStatesRulesAndRolesAreChecked() {
        List<String> found = problems("""
                programme: grid
                form: grid
                title: { fr: "G", nl: "G", en: "G" }
                rules:
                  - id: f
                    effect: flag
                    when: "true"
                    message: { fr: "M", nl: "M", en: "M" }
                workflows:
                  - id: w
                    title: { fr: "W", nl: "W", en: "W" }
                    initial: start
                    states:
                      - id: open
                        label: { fr: "O", nl: "O", en: "O" }
                    transitions:
                      - id: go
                        label: { fr: "G", nl: "G", en: "G" }
                        from: [open, limbo]
                        to: gone
                        roles: [BOSS]
                        guards: [f, g]
                        due-within: P2Q
                """);
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:12:14: [unknown-state] unknown state 'start' (states: open)"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:19:22: [unknown-state] unknown state 'limbo'"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:20:13: [unknown-state] unknown state 'gone'"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:21:17: [unknown-role] unknown role 'BOSS'"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:22:18: [unknown-rule] rule 'f' is no guard"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:22:21: [unknown-rule] unknown rule 'g'"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:23:21: [wrong-type] 'P2Q' is not an ISO-8601 period"));
    }

    @Test
    void scheduleShapesAreChecked() {
        List<String> found = problems("""
                programme: grid
                form: grid
                title: { fr: "G", nl: "G", en: "G" }
                schedules:
                  - id: a
                    label: { fr: "S", nl: "S", en: "S" }
                    before-end-of: debts
                    every: P1M
                    ahead: P1M
                    seen-by: [WORKER]
                  - id: a
                    label: { fr: "S", nl: "S", en: "S" }
                    from: birthday
                    first-after: g.label
                    ahead: P1M
                    seen-by: []
                """);
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:7:20: [unknown-item] 'debts' is not a date item of form 'grid'"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:8:5: [conflicting-keys] 'every' with 'before-end-of'"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:11:9: [duplicate-id] schedule 'a' appears twice"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:13:11: [wrong-type] unknown start 'birthday'"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:14:18: [wrong-type] policy value 'g.label' = 'x' is not a period"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:15:5: [conflicting-keys] 'ahead' without 'before-end-of'"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:16:14: [empty-list] 'seen-by' is empty"));
    }

    @Test
    void aDocumentThatIsNoProgrammeAndBadYamlAreRefused() {
        assertThat(problems("form: grid\n")).containsExactly(
                "programmes/grid.yaml:1:1: [unknown-document] this document is not a programme (start it with 'programme: <id>' and name its form with 'form: <form id>')");
        assertThat(problems("programme: [\n")).first().asString().startsWith("programmes/grid.yaml:2:1: [yaml-syntax]");
        assertThat(problems(VALID + "---\n" + VALID)).anyMatch(p -> p.contains("[duplicate-id] programme 'grid' is defined twice"));
    }

    /** The shipped forms folder: every programme reads with the shipped forms and policy. */
    @Test
    void shippedProgrammesRead() throws IOException {
        Path dir = Path.of("forms");
        List<FormSource> shared = new ArrayList<>();
        List<FormSource> forms = new ArrayList<>();
        List<FormSource> programmes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String name = dir.relativize(f).toString();
                FormSource source = new FormSource(name, Files.readString(f));
                if (name.startsWith("programmes/")) {
                    programmes.add(source);
                } else if (name.contains("/") || name.equals("policy.yaml")) {
                    shared.add(source);
                } else {
                    forms.add(source);
                }
            }
        }
        List<FormSource> all = new ArrayList<>(shared);
        all.addAll(forms);
        FormBundle bundle = new FormReader().read(all);
        List<Programme> read = new ProgrammeReader().read(programmes, bundle.forms(), bundle.policy());
        assertThat(read).extracting(Programme::id).contains("imasp");
        Programme imasp = read.stream().filter(p -> p.id().equals("imasp")).findFirst().orElseThrow();
        assertThat(imasp.guarding("committee.grant-social-only")).hasSize(1);
        assertThat(ProblemCode.UNKNOWN_FORM.code()).isEqualTo("unknown-form");
    }

    @Test
    void workflowSubjectsStepsDeadlinesAndRecordsAreChecked() {
        List<String> found = problems("""
                programme: grid
                form: grid
                title: { fr: "G", nl: "G", en: "G" }
                workflows:
                  - id: w
                    title: { fr: "W", nl: "W", en: "W" }
                    subject: client-file
                    initial: open
                    states:
                      - id: open
                        label: { fr: "O", nl: "O", en: "O" }
                    transitions:
                      - id: stay
                        label: { fr: "S", nl: "S", en: "S" }
                        from: [open]
                        roles: [WORKER]
                        due-before-end: P1Q
                        records: [Signed_On]
                  - id: v
                    title: { fr: "V", nl: "V", en: "V" }
                    subject: submission
                    applies-when: "has_measurement"
                    initial: open
                    states:
                      - id: open
                        label: { fr: "O", nl: "O", en: "O" }
                    transitions:
                      - id: keep
                        label: { fr: "K", nl: "K", en: "K" }
                        from: [open]
                        roles: [WORKER]
                """);
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:7:14: [wrong-type] unknown subject 'client-file'"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:17:25: [wrong-type] 'P1Q' is not an ISO-8601 period"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:18:19: [invalid-id] 'Signed_On' is not a name of what is recorded"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:22:5: [conflicting-keys] 'applies-when' in a workflow of submissions"));
        assertThat(found).as("a step without 'to' keeps its state").noneMatch(p -> p.contains("'to'"));
        assertThat(found).hasSize(4);
    }
}
