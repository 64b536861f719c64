package org.parcours.formdef.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.parcours.formdef.programme.ProgrammeReaderTests.POLICY;
import static org.parcours.formdef.programme.ProgrammeReaderTests.forms;
import static org.parcours.formdef.programme.ProgrammeReaderTests.problems;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.parcours.formdef.FormDefinitionException;
import org.parcours.formdef.FormProblem;
import org.parcours.formdef.FormSource;

/** The shapes a programme file can get wrong, each at its place (fixtures from column 1). */
class ProgrammeReaderShapeTests {

    static final String HEAD = """
            programme: grid
            form: grid
            title: { fr: "G", nl: "G", en: "G" }
            """;

    @Test
    void aConditionWrittenAsABlockIsPositionedInsideTheBlock() {
        List<String> found = problems(HEAD + """
                rules:
                  - id: r
                    effect: flag
                    when: |
                      age >= 60 &&
                        agee > 1
                    message: { fr: "M", nl: "M", en: "M" }
                """);
        assertThat(found).singleElement().asString().startsWith("programmes/grid.yaml:9:9: [expression-type]").contains("agee");
    }

    @Test
    void schedulesConditionsAreCheckedToo() {
        List<String> found = problems(HEAD + """
                schedules:
                  - id: s
                    label: { fr: "S", nl: "S", en: "S" }
                    applies-when: "statut == 'followed'"
                    done-when: "answers.nope"
                    first-after: P1M
                    seen-by: [WORKER]
                """);
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).startsWith("programmes/grid.yaml:7:20: [expression-type]").contains("statut");
        assertThat(found.get(1)).startsWith("programmes/grid.yaml:8:17: [expression-type]").contains("answers.nope");
    }

    @Test
    void wrongShapesAreReportedWhereTheyAre() {
        List<String> found = problems("""
                programme: Grid
                form: grid
                form: grid
                title: "G"
                schedules: none
                rules:
                  - just a text
                workflows:
                  - id: w
                    initial: open
                    states:
                      - id: open
                        label: { fr: "O", nl: "O", en: "O" }
                    transitions:
                      - id: t
                        label: { fr: "T", nl: "T", en: "T" }
                        from: [open]
                        to: open
                        roles: [WORKER]
                      - id: t
                        label: { fr: "T", nl: "T", en: "T" }
                        from: [open]
                        to: open
                        roles: [WORKER]
                  - id: w
                    title: { fr: "W", nl: "W", en: "W" }
                    initial: open
                    states:
                      - id: open
                        label: { fr: "O", nl: "O", en: "O" }
                      - id: open
                        label: { fr: "O", nl: "O", en: "O" }
                    transitions:
                      - id: t
                        label: { fr: "T", nl: "T", en: "T" }
                        from: [open]
                        to: open
                        roles: [WORKER]
                """);
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:1:12: [invalid-id] id 'Grid' is not valid"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:3:1: [duplicate-key] key 'form' appears twice"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:4:8: [wrong-type] 'title' must give a text per language"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:5:12: [wrong-type] 'schedules' must be a list"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:7:5: [wrong-type] expected a rule with keys"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:9:5: [missing-key] missing 'title'"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:20:13: [duplicate-id] transition 't' appears twice"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:25:9: [duplicate-id] workflow 'w' appears twice"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:31:13: [duplicate-id] state 'open' appears twice"));
        assertThat(found).noneMatch(p -> p.contains("unknown state"));
    }

    @Test
    void problemsOfSeveralFilesComeSortedByFileLineAndColumn() {
        FormDefinitionException e = catchThrowableOfType(FormDefinitionException.class, () -> new ProgrammeReader().read(List.of(
                new FormSource("programmes/b.yaml", HEAD.replace("grid", "b").replace("form: b", "form: nope")),
                new FormSource("programmes/a.yaml", "programme: a\nform: grid\ntitle: x\n")), forms(), Optional.of(POLICY)));
        assertThat(e.problems()).extracting(FormProblem::toString).extracting(p -> p.substring(0, p.indexOf(' ')))
                .containsExactly("programmes/a.yaml:3:8:", "programmes/b.yaml:2:7:");
    }

    @Test
    void aStateThatIsNotDeclaredIsNotKept() {
        List<String> found = problems(HEAD + """
                workflows:
                  - id: w
                    title: { fr: "W", nl: "W", en: "W" }
                    initial: open
                    states:
                      - id: open
                        label: { fr: "O", nl: "O", en: "O" }
                    transitions:
                      - id: t
                        label: { fr: "T", nl: "T", en: "T" }
                        from: [open, ghost]
                        to: open
                        roles: [WORKER]
                        guards: []
                """);
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:14:22: [unknown-state] unknown state 'ghost'"));
        assertThat(found).anyMatch(p -> p.startsWith("programmes/grid.yaml:17:17: [empty-list] 'guards' is empty"));
    }
}
