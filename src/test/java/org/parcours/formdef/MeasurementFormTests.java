package org.parcours.formdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parcours.formrun.FormSession;

/**
 * What a measurement form declares for the measurement screen: its own date ({@code measurement.date}),
 * grid sections ({@code layout: grid}) and safe id changes ({@code was:}, {@code retired:}),
 * each checked by the reader with the file, line and column of a mistake.
 */
class MeasurementFormTests {

    private static final String SCALE = """
            scale: abc
            title: { fr: "É", nl: "S", en: "S" }
            values:
              - code: A
                colour: green
                label: { fr: "A", nl: "A", en: "A" }
              - code: NVT
                label: { fr: "N", nl: "N", en: "N" }
            """;

    private static FormDefinition read(String yaml) {
        return new FormReader().read(List.of(new FormSource("scales/abc.yaml", SCALE), new FormSource("m.yaml", yaml))).forms().get("m");
    }

    private static List<FormProblem> problems(String yaml) {
        return catchThrowableOfType(FormDefinitionException.class, () -> read(yaml)).problems();
    }

    private static final String FORM = """
            form: m
            title: { fr: "M", nl: "M", en: "M" }
            retired: [childcare]
            bindings:
              measurement.date: measured_on
            sections:
              - id: when
                title: { fr: "Q", nl: "W", en: "W" }
                items:
                  - id: measured_on
                    type: date
                    default: today
                    max: today
                    label: { fr: "Le", nl: "Op", en: "On" }
              - id: factors
                title: { fr: "F", nl: "F", en: "F" }
                layout: grid
                items:
                  - id: hygiene_care
                    type: scale
                    scale: abc
                    was: [hygien, hygiene]
                    label: { fr: "H", nl: "H", en: "H" }
            """;

    @Test
    void aFormDeclaresItsMeasurementDateGridSectionsAndRenames() {
        FormDefinition form = read(FORM);

        assertThat(form.requireBound(BindingRole.MEASUREMENT_DATE)).isEqualTo("measured_on");
        assertThat(form.measuredOn(Map.of("measured_on", "2011-09-01"))).contains(LocalDate.of(2011, 9, 1));
        assertThat(form.measuredOn(Map.of())).as("unanswered: readers use the submission time").isEmpty();
        assertThat(form.sections()).extracting(Section::grid).containsExactly(false, true);
        assertThat(form.renames().formerIds()).isEqualTo(Map.of("hygiene_care", List.of("hygien", "hygiene")));
        assertThat(form.renames().retired()).containsExactly("childcare");
        assertThat(form.renames().accountsFor("hygiene")).isTrue();
        assertThat(form.renames().accountsFor("childcare")).isTrue();
        assertThat(form.renames().accountsFor("illness")).isFalse();
    }

    @Test
    void aNewSubmissionStartsWithTodayAsItsMeasurementDate() {
        FormSession session = FormSession.start(read(FORM), LocalDate.of(2026, 12, 2));

        assertThat(session.raw("measured_on")).isEqualTo("2026-12-02");
        session.set("measured_on", "2026-12-03");
        assertThat(session.issues("measured_on")).as("not in the future").isNotEmpty();
    }

    @Test
    void renamesChainAcrossVersions() {
        Renames second = new Renames(Map.of("hygien", List.of("hygiene")), java.util.Set.of());
        Renames third = new Renames(Map.of("hygiene_care", List.of("hygien")), java.util.Set.of());

        assertThat(Renames.currentId("hygiene", List.of(second, third))).isEqualTo("hygiene_care");
        assertThat(Renames.currentId("hygien", List.of(third, second))).isEqualTo("hygiene_care");
        assertThat(Renames.currentId("illness", List.of(second, third))).isEqualTo("illness");
    }

    @Test
    void aFormerIdClaimedTwiceOrRetiredAndRenamedAtOnceIsRefusedWhereItIsWritten() {
        String yaml = """
                form: m
                title: { fr: "M", nl: "M", en: "M" }
                retired: [old_b]
                sections:
                  - id: s
                    title: { fr: "S", nl: "S", en: "S" }
                    layout: table
                    items:
                      - id: a
                        type: scale
                        scale: abc
                        was: old_a
                        label: { fr: "A", nl: "A", en: "A" }
                      - id: b
                        type: scale
                        scale: abc
                        was: [old_a, old_b, b]
                        label: { fr: "B", nl: "B", en: "B" }
                """;

        List<FormProblem> problems = problems(yaml);

        assertThat(problems).extracting(p -> p.code(), p -> p.at().line(), p -> p.at().column())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ProblemCode.WRONG_TYPE, 7, 13),
                        org.assertj.core.groups.Tuple.tuple(ProblemCode.RENAME_CONFLICT, 3, 11),
                        org.assertj.core.groups.Tuple.tuple(ProblemCode.RENAME_CONFLICT, 17, 15),
                        org.assertj.core.groups.Tuple.tuple(ProblemCode.RENAME_CONFLICT, 17, 29));
        assertThat(problems).filteredOn(p -> p.at().line() == 17 && p.at().column() == 15).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'old_a' is claimed by 'a' and 'b'"));
        assertThat(problems).filteredOn(p -> p.at().line() == 3).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'old_b' is retired and also the former id of 'b'"));
        assertThat(problems).filteredOn(p -> p.at().line() == 7).singleElement()
                .satisfies(p -> assertThat(p.hint()).contains("layout: grid"));
        assertThat(problems).filteredOn(p -> p.at().column() == 29).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("item 'b' says it was itself"));
    }

    @Test
    void theMeasurementDateRoleNeedsADateItem() {
        String yaml = FORM.replace("measurement.date: measured_on", "measurement.date: hygiene_care");

        assertThat(problems(yaml)).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.BINDING_TYPE);
            assertThat(p.at().line()).isEqualTo(5);
            assertThat(p.message()).contains("measurement.date", "a date");
        });
    }

    @Test
    void theShippedImaspFormDatesItsMeasurementsAndLaysItsFactorsOutAsAGrid() throws Exception {
        List<FormSource> sources = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("forms"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("programmes")).toList()) {
                sources.add(new FormSource(java.nio.file.Path.of("forms").relativize(f).toString(), java.nio.file.Files.readString(f)));
            }
        }
        FormDefinition imasp = new FormReader().read(sources).forms().get("imasp");

        assertThat(imasp.item(imasp.requireBound(BindingRole.MEASUREMENT_DATE))).get().isInstanceOf(DateItem.class);
        assertThat(imasp.sections().stream().filter(Section::grid).flatMap(s -> s.items().stream())
                .filter(ScaleItem.class::isInstance).count()).as("the 16 factors on grid lines").isEqualTo(16);
    }
}
