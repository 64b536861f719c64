package org.parcours.formrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.parcours.formdef.FormBundle;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;
import org.parcours.formdef.LocalizedText;

/**
 * The runtime of a form being filled, without Spring: defaults, visibility, required rules,
 * computed values, answer checks, repeats, storage and the real CASU budget.
 *
 * <p>Forms are small inline YAML read by the real {@link FormReader}.
 */
class FormSessionTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    // ---- defaults, visibility, required ---------------------------------------------------------

    @Test
    void startAppliesTheDefaults() {
        FormSession session = FormSession.start(form("""
                      - id: track
                        type: choice
                        default: social
                        label: { fr: "V", nl: "V", en: "V" }
                        options:
                          - code: social
                            label: { fr: "S", nl: "S", en: "S" }
                          - code: work
                            label: { fr: "W", nl: "W", en: "W" }
                      - id: children
                        type: integer
                        default: 2
                        label: { fr: "E", nl: "K", en: "C" }
                      - id: rent
                        type: money
                        default: 0.00
                        label: { fr: "L", nl: "H", en: "R" }
                      - id: consent
                        type: yes-no
                        default: true
                        label: { fr: "A", nl: "A", en: "A" }
                      - id: comment
                        type: text
                        label: { fr: "C", nl: "C", en: "C" }
                      - id: household
                        type: repeat
                        min: 2
                        label: { fr: "F", nl: "G", en: "H" }
                        items:
                          - id: relationship
                            type: text
                            default: child
                            label: { fr: "L", nl: "R", en: "R" }
                """), TODAY);

        assertThat(session.raw("track")).isEqualTo("social");
        assertThat(session.raw("children")).isEqualTo("2");
        assertThat(session.raw("rent")).isEqualTo("0.00");
        assertThat(session.raw("consent")).isEqualTo("true");
        assertThat(session.raw("comment")).isEmpty();
        assertThat(session.rowCount("household")).isEqualTo(2);
        assertThat(session.raw("household")).isEqualTo("2");
        assertThat(session.raw("household.1.relationship")).isEqualTo("child");
        assertThat(session.raw("household.2.relationship")).isEqualTo("child");
        assertThat(session.state("comment")).isEqualTo(new ItemState(true, false, ""));
        assertThat(session.formatIssues()).isEmpty();
    }

    @Test
    void visibleWhenTogglesAndSetReturnsOnlyThePathsThatChanged() {
        FormSession session = FormSession.start(form("""
                      - id: track
                        type: choice
                        label: { fr: "V", nl: "V", en: "V" }
                        options:
                          - code: social-only
                            label: { fr: "S", nl: "S", en: "S" }
                          - code: work
                            label: { fr: "W", nl: "W", en: "W" }
                      - id: reason
                        type: text
                        visible-when: "track == 'social-only'"
                        label: { fr: "R", nl: "R", en: "R" }
                      - id: comment
                        type: text
                        label: { fr: "C", nl: "C", en: "C" }
                """), TODAY);
        assertThat(session.state("reason").visible()).isFalse();

        assertThat(session.set("track", "social-only")).containsExactlyInAnyOrder("track", "reason");
        assertThat(session.state("reason")).isEqualTo(new ItemState(true, false, ""));

        // an answer nobody reads changes nothing else
        assertThat(session.set("comment", "hello")).containsExactly("comment");
        assertThat(session.set("reason", "over 60")).containsExactly("reason");
        // the same visibility: the dependent is not reported
        assertThat(session.set("track", "social-only")).containsExactly("track");

        assertThat(session.set("track", "work")).containsExactlyInAnyOrder("track", "reason");
        assertThat(session.state("reason")).isEqualTo(new ItemState(false, false, "over 60"));
        assertThat(session.set("track", "")).containsExactly("track");
    }

    @Test
    void aHiddenSectionHidesItsItems() {
        FormDefinition form = read("""
                form: t
                title: { fr: "T", nl: "T", en: "T" }
                sections:
                  - id: main
                    title: { fr: "S", nl: "S", en: "S" }
                    items:
                      - id: age
                        type: integer
                        label: { fr: "A", nl: "L", en: "A" }
                  - id: senior
                    title: { fr: "S", nl: "S", en: "S" }
                    visible-when: "age >= 60"
                    items:
                      - id: pension
                        type: money
                        required: true
                        label: { fr: "P", nl: "P", en: "P" }
                """);
        FormSession session = FormSession.start(form, TODAY);

        assertThat(session.sectionVisible("main")).isTrue();
        assertThat(session.sectionVisible("senior")).isFalse();
        assertThat(session.validate()).isEmpty();

        assertThat(session.set("age", "61")).containsExactlyInAnyOrder("age", "section:senior");
        assertThat(session.sectionVisible("senior")).isTrue();
        assertThat(session.validate()).extracting(Issue::path, Issue::kind).containsExactly(tuple("pension", Issue.Kind.REQUIRED));
    }

    @Test
    void requiredWhenFollowsItsExpression() {
        FormSession session = FormSession.start(form("""
                      - id: arrears
                        type: yes-no
                        label: { fr: "I", nl: "A", en: "A" }
                      - id: arrears_amount
                        type: money
                        required-when: "arrears"
                        label: { fr: "M", nl: "B", en: "A" }
                      - id: name
                        type: text
                        required: true
                        label: { fr: "N", nl: "N", en: "N" }
                """), TODAY);
        assertThat(session.state("arrears_amount").required()).isFalse();
        assertThat(session.state("name").required()).isTrue();
        assertThat(session.validate()).extracting(Issue::path, Issue::kind).containsExactly(tuple("name", Issue.Kind.REQUIRED));

        assertThat(session.set("arrears", "true")).containsExactlyInAnyOrder("arrears", "arrears_amount");
        assertThat(session.state("arrears_amount")).isEqualTo(new ItemState(true, true, ""));
        assertThat(session.validate()).extracting(Issue::path, Issue::kind).containsExactly(
                tuple("arrears_amount", Issue.Kind.REQUIRED), tuple("name", Issue.Kind.REQUIRED));

        session.set("arrears_amount", "120.00");
        session.set("name", "Dupont");
        assertThat(session.validate()).isEmpty();
        assertThat(session.set("arrears", "false")).containsExactlyInAnyOrder("arrears", "arrears_amount");
        assertThat(session.state("arrears_amount").required()).isFalse();
    }

    @Test
    void hiddenItemsAreNeverRequired() {
        FormSession session = FormSession.start(form("""
                      - id: rent_arrears
                        type: yes-no
                        label: { fr: "I", nl: "A", en: "A" }
                      - id: months
                        type: integer
                        required: true
                        visible-when: "rent_arrears"
                        label: { fr: "M", nl: "M", en: "M" }
                """), TODAY);

        assertThat(session.state("months")).isEqualTo(new ItemState(false, true, ""));
        assertThat(session.validate()).isEmpty();
        assertThat(session.issues("months")).isEmpty();

        session.set("rent_arrears", "true");
        assertThat(session.validate()).extracting(Issue::path, Issue::kind).containsExactly(tuple("months", Issue.Kind.REQUIRED));

        // a hidden answer that is wrong is not checked either
        session.set("months", "x");
        session.set("rent_arrears", "false");
        assertThat(session.validate()).isEmpty();
        assertThat(session.issues("months")).isEmpty();
    }

    // ---- computed values ----------------------------------------------------------------------

    @Test
    void aComputedValueStaysEmptyWhileAnInputIsUnansweredAndChainedValuesFollow() {
        FormSession session = FormSession.start(form("""
                      - id: salary
                        type: money
                        label: { fr: "S", nl: "L", en: "S" }
                      - id: benefits
                        type: money
                        label: { fr: "A", nl: "U", en: "B" }
                      - id: total
                        type: computed
                        expression: "salary + benefits"
                        label: { fr: "T", nl: "T", en: "T" }
                      - id: doubled
                        type: computed
                        expression: "total * 2.0"
                        label: { fr: "D", nl: "D", en: "D" }
                      - id: comment
                        type: text
                        label: { fr: "C", nl: "C", en: "C" }
                """), TODAY);
        assertThat(session.raw("total")).isEmpty();
        assertThat(session.raw("doubled")).isEmpty();

        assertThat(session.set("salary", "10")).containsExactly("salary");
        assertThat(session.raw("total")).isEmpty();

        assertThat(session.set("benefits", "2.5")).containsExactlyInAnyOrder("benefits", "total", "doubled");
        assertThat(session.raw("total")).isEqualTo("12.50");
        assertThat(session.raw("doubled")).isEqualTo("25.00");
        assertThat(session.state("total")).isEqualTo(new ItemState(true, false, "12.50"));

        assertThat(session.set("comment", "x")).containsExactly("comment");
        assertThat(session.set("salary", "20.00")).containsExactlyInAnyOrder("salary", "total", "doubled");
        assertThat(session.raw("doubled")).isEqualTo("45.00");

        assertThat(session.set("benefits", "")).containsExactlyInAnyOrder("benefits", "total", "doubled");
        assertThat(session.raw("total")).isEmpty();
        assertThat(session.raw("doubled")).isEmpty();

        assertThatThrownBy(() -> session.set("total", "3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void computedValuesOfOtherTypesAreStoredAsText() {
        FormSession session = FormSession.start(form("""
                      - id: first
                        type: text
                        label: { fr: "P", nl: "V", en: "F" }
                      - id: children
                        type: integer
                        label: { fr: "E", nl: "K", en: "C" }
                      - id: start
                        type: date
                        label: { fr: "D", nl: "B", en: "S" }
                      - id: greeting
                        type: computed
                        expression: "'Bonjour ' + first"
                        label: { fr: "B", nl: "H", en: "H" }
                      - id: people
                        type: computed
                        expression: "children + 1"
                        label: { fr: "P", nl: "P", en: "P" }
                      - id: many
                        type: computed
                        expression: "people > 3"
                        label: { fr: "N", nl: "V", en: "M" }
                      - id: started
                        type: computed
                        expression: "start"
                        label: { fr: "D", nl: "B", en: "S" }
                """), TODAY);

        session.set("first", "Ana");
        session.set("children", "3");
        session.set("start", "2026-01-31");

        assertThat(session.raw("greeting")).isEqualTo("Bonjour Ana");
        assertThat(session.raw("people")).isEqualTo("4");
        assertThat(session.raw("many")).isEqualTo("true");
        assertThat(session.raw("started")).isEqualTo("2026-01-31");
    }

    // ---- answer checks ------------------------------------------------------------------------

    @Test
    void limitsPatternsDatesAndConstraintsGiveTheirIssues() {
        FormSession session = FormSession.start(form("""
                      - id: months
                        type: integer
                        min: 1
                        max: 120
                        label: { fr: "M", nl: "M", en: "M" }
                      - id: ratio
                        type: decimal
                        min: -1.5
                        label: { fr: "R", nl: "R", en: "R" }
                      - id: rent
                        type: money
                        max: 5000.00
                        label: { fr: "L", nl: "H", en: "R" }
                      - id: phone
                        type: text
                        max-length: 12
                        pattern: '[0-9 ]+'
                        pattern-message: { fr: "Chiffres", nl: "Cijfers", en: "Digits" }
                        label: { fr: "T", nl: "T", en: "P" }
                      - id: postcode
                        type: text
                        pattern: '[0-9]{4}'
                        label: { fr: "C", nl: "P", en: "P" }
                      - id: start
                        type: date
                        min: 2020-01-01
                        max: today
                        label: { fr: "D", nl: "B", en: "S" }
                      - id: end
                        type: date
                        min: today
                        constraints:
                          - expression: "end >= start"
                            message: { fr: "La fin suit le début", nl: "Het einde volgt op het begin", en: "The end follows the start" }
                        label: { fr: "F", nl: "E", en: "E" }
                      - id: amount
                        type: money
                        constraints:
                          - expression: "amount > 0.0"
                            message: { fr: "Plus que 0", nl: "Meer dan 0", en: "More than 0" }
                          - expression: "amount <= rent"
                            message: { fr: "Pas plus que le loyer", nl: "Niet meer dan de huur", en: "Not more than the rent" }
                        label: { fr: "M", nl: "B", en: "A" }
                """), TODAY);

        session.set("months", "0");
        assertThat(issues(session, "months")).containsExactly(tuple(Issue.Kind.BELOW_MIN, List.of("1")));
        session.set("months", "121");
        assertThat(issues(session, "months")).containsExactly(tuple(Issue.Kind.ABOVE_MAX, List.of("120")));
        session.set("months", "120");
        assertThat(session.issues("months")).isEmpty();
        session.set("months", "1.5");
        assertThat(issues(session, "months")).containsExactly(tuple(Issue.Kind.NOT_A_WHOLE_NUMBER, List.of()));

        session.set("ratio", "-1.6");
        assertThat(issues(session, "ratio")).containsExactly(tuple(Issue.Kind.BELOW_MIN, List.of("-1.5")));
        session.set("ratio", "-1.5");
        assertThat(session.issues("ratio")).isEmpty();

        session.set("rent", "5000.01");
        assertThat(issues(session, "rent")).containsExactly(tuple(Issue.Kind.ABOVE_MAX, List.of("5000.00")));
        session.set("rent", "700");

        session.set("phone", "04 12 A");
        assertThat(session.issues("phone")).singleElement().satisfies(issue -> {
            assertThat(issue.kind()).isEqualTo(Issue.Kind.PATTERN);
            assertThat(issue.message()).contains(LocalizedText.of("Chiffres", "Cijfers", "Digits"));
        });
        session.set("phone", "04 12 34 56 789");
        assertThat(issues(session, "phone")).containsExactly(tuple(Issue.Kind.TOO_LONG, List.of("12")));
        session.set("phone", "0412 34 56");
        assertThat(session.issues("phone")).isEmpty();
        session.set("postcode", "45A");
        assertThat(issues(session, "postcode")).containsExactly(tuple(Issue.Kind.PATTERN, List.of("[0-9]{4}")));

        session.set("start", "2019-12-31");
        assertThat(issues(session, "start")).containsExactly(tuple(Issue.Kind.DATE_BEFORE_MIN, List.of("2020-01-01")));
        session.set("start", "2026-11-24");
        assertThat(issues(session, "start")).containsExactly(tuple(Issue.Kind.DATE_AFTER_MAX, List.of("2026-11-23")));
        session.set("start", "2026-11-23");
        assertThat(session.issues("start")).isEmpty();
        session.set("start", "23/11/2026");
        assertThat(issues(session, "start")).containsExactly(tuple(Issue.Kind.NOT_A_DATE, List.of()));
        session.set("start", "2026-02-30"); // shaped like a date, no such day
        assertThat(issues(session, "start")).containsExactly(tuple(Issue.Kind.NOT_A_DATE, List.of()));
        session.set("start", "+2026-11-23x");
        assertThat(issues(session, "start")).containsExactly(tuple(Issue.Kind.NOT_A_DATE, List.of()));

        session.set("start", "2026-11-23");
        session.set("end", "2026-11-22");
        assertThat(session.issues("end")).extracting(Issue::kind, Issue::arguments, Issue::message).containsExactly(
                tuple(Issue.Kind.DATE_BEFORE_MIN, List.of("2026-11-23"), Optional.empty()),
                tuple(Issue.Kind.CONSTRAINT, List.of(), Optional.of(LocalizedText.of("La fin suit le début",
                        "Het einde volgt op het begin", "The end follows the start"))));
        session.set("end", "2026-12-01");
        assertThat(session.issues("end")).isEmpty();

        session.set("amount", "0");
        assertThat(session.issues("amount")).extracting(Issue::kind, i -> i.message().orElseThrow().in(java.util.Locale.ENGLISH))
                .containsExactly(tuple(Issue.Kind.CONSTRAINT, "More than 0"));
        session.set("amount", "800");
        assertThat(session.issues("amount")).extracting(i -> i.message().orElseThrow().in(java.util.Locale.ENGLISH))
                .containsExactly("Not more than the rent");
        session.set("amount", "650");
        assertThat(session.issues("amount")).isEmpty();

        // an unanswered item has no answer problems; validate() gathers those of the whole form in form order
        session.set("amount", "");
        assertThat(session.issues("amount")).isEmpty();
        session.set("months", "0");
        assertThat(session.validate()).extracting(Issue::path, Issue::kind).containsExactly(
                tuple("months", Issue.Kind.BELOW_MIN), tuple("postcode", Issue.Kind.PATTERN));
    }

    @Test
    void choicesAndMultiChoicesAreCheckedAgainstTheirOptions() {
        FormSession session = FormSession.start(form("""
                      - id: needs
                        type: multi-choice
                        label: { fr: "B", nl: "N", en: "N" }
                        options:
                          - code: food
                            label: { fr: "A", nl: "V", en: "F" }
                          - code: fsl
                            label: { fr: "L", nl: "W", en: "H" }
                      - id: food_detail
                        type: text
                        visible-when: "'food' in needs"
                        label: { fr: "D", nl: "D", en: "D" }
                """), TODAY);

        assertThat(session.set("needs", "fsl,food")).containsExactlyInAnyOrder("needs", "food_detail");
        assertThat(session.state("food_detail").visible()).isTrue();
        assertThat(session.issues("needs")).isEmpty();
        session.set("needs", "fsl,car");
        assertThat(issues(session, "needs")).containsExactly(tuple(Issue.Kind.NOT_AN_OPTION, List.of("car")));
        assertThat(session.state("food_detail").visible()).isFalse();
    }

    // ---- repeats ------------------------------------------------------------------------------

    private static final String HOUSEHOLD = """
                  - id: household
                    type: repeat
                    min: 1
                    max: 3
                    label: { fr: "F", nl: "G", en: "H" }
                    items:
                      - id: name
                        type: text
                        required: true
                        label: { fr: "N", nl: "N", en: "N" }
                      - id: income
                        type: money
                        label: { fr: "R", nl: "I", en: "I" }
                      - id: share
                        type: computed
                        expression: "income / 2.0"
                        label: { fr: "P", nl: "D", en: "S" }
                      - id: income_source
                        type: text
                        visible-when: "income > 0.0"
                        label: { fr: "O", nl: "B", en: "S" }
                  - id: members
                    type: computed
                    expression: "size(household) + 1"
                    label: { fr: "M", nl: "L", en: "M" }
                  - id: alone
                    type: yes-no
                    visible-when: "size(household) == 1"
                    label: { fr: "S", nl: "A", en: "A" }
            """;

    @Test
    void repeatsStartAtTheirMinimumAndAddAndRemoveRowsWithinTheirLimits() {
        FormSession session = FormSession.start(form(HOUSEHOLD), TODAY);
        assertThat(session.rowCount("household")).isEqualTo(1);
        assertThat(session.raw("members")).isEqualTo("2");
        assertThat(session.state("alone").visible()).isTrue();

        // the new row's paths are new states too
        assertThat(session.addRow("household")).containsExactlyInAnyOrder("household", "members", "alone",
                "household.2.name", "household.2.income", "household.2.share", "household.2.income_source");
        assertThat(session.rowCount("household")).isEqualTo(2);
        assertThat(session.raw("members")).isEqualTo("3");
        assertThat(session.state("alone").visible()).isFalse();

        assertThat(session.set("household.2.name", "Léa")).containsExactly("household.2.name");
        assertThat(session.set("household.2.income", "300")).containsExactlyInAnyOrder("household.2.income",
                "household.2.share", "household.2.income_source");
        assertThat(session.raw("household.2.name")).isEqualTo("Léa");
        assertThat(session.raw("household.2.share")).isEqualTo("150.00");
        assertThat(session.state("household.2.income_source").visible()).isTrue();
        assertThat(session.state("household.1.income_source").visible()).isFalse();
        assertThat(session.raw("household.1.share")).isEmpty();

        session.addRow("household");
        assertThat(session.raw("members")).isEqualTo("4");
        assertThatThrownBy(() -> session.addRow("household")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("maximum of 3");
        assertThatThrownBy(() -> session.set("household.4.name", "x")).isInstanceOf(IllegalArgumentException.class);

        // removing row 1 shifts the rows after it
        session.set("household.1.name", "Jean");
        assertThat(session.removeRow("household", 1)).contains("household", "members");
        assertThat(session.rowCount("household")).isEqualTo(2);
        assertThat(session.raw("members")).isEqualTo("3");
        assertThat(session.raw("household.1.name")).isEqualTo("Léa");
        assertThat(session.raw("household.1.share")).isEqualTo("150.00");
        assertThat(session.state("household.1.income_source").visible()).isTrue();
        assertThat(session.raw("household.2.name")).isEmpty();
        assertThatThrownBy(() -> session.raw("household.3.name")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> session.removeRow("household", 3)).isInstanceOf(IllegalArgumentException.class);

        session.removeRow("household", 2);
        assertThat(session.raw("members")).isEqualTo("2");
        assertThat(session.state("alone").visible()).isTrue();
        assertThatThrownBy(() -> session.removeRow("household", 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("minimum of 1");
        assertThat(session.rowCount("household")).isEqualTo(1);
        assertThatThrownBy(() -> session.addRow("members")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aValueReadingTheComputedValuesOfRowsFollowsAddedAndRemovedRows() {
        FormDefinition form = form("""
                      - id: earners
                        type: computed
                        expression: "size(household.filter(r, r.share > 0.0))"
                        label: { fr: "A", nl: "V", en: "E" }
                      - id: household
                        type: repeat
                        label: { fr: "F", nl: "G", en: "H" }
                        items:
                          - id: income
                            type: money
                            default: 0.00
                            label: { fr: "R", nl: "I", en: "I" }
                          - id: share
                            type: computed
                            expression: "income / 2.0"
                            label: { fr: "P", nl: "D", en: "S" }
                """);
        FormSession session = FormSession.start(form, TODAY);
        assertThat(session.raw("earners")).isEqualTo("0");

        session.addRow("household");
        session.set("household.1.income", "100");
        assertThat(session.raw("earners")).isEqualTo("1");
        session.addRow("household");
        assertThat(session.raw("earners")).isEqualTo("1");
        session.set("household.2.income", "50");
        assertThat(session.raw("earners")).isEqualTo("2");

        session.set("household.1.income", "0");
        assertThat(session.raw("earners")).isEqualTo("1");
        // the earner (row 2) becomes row 1, the other row goes
        assertThat(session.removeRow("household", 1)).contains("household", "household.1.share", "household.2.share");
        assertThat(session.raw("household.1.share")).isEqualTo("25.00");
        assertThat(session.raw("earners")).isEqualTo("1");
        session.removeRow("household", 1);
        assertThat(session.raw("earners")).isEqualTo("0");

        // the rows' values are computed before the value reading them, whatever the order of the form
        Map<String, String> stored = Map.of("household", "2", "household.1.income", "10", "household.2.income", "0");
        assertThat(FormSession.resume(form, stored, TODAY).raw("earners")).isEqualTo("1");
        FormSession started = FormSession.start(form, TODAY);
        started.addRow("household");
        started.set("household.1.income", "10");
        started.addRow("household");
        assertThat(started.raw("earners")).isEqualTo("1");
    }

    @Test
    void rowItemsAreValidatedWithTheirRowPath() {
        FormSession session = FormSession.start(form(HOUSEHOLD), TODAY);
        session.addRow("household");
        session.set("household.1.name", "Jean");
        session.set("household.2.income", "12,50");

        assertThat(session.validate()).extracting(Issue::path, Issue::kind).containsExactly(
                tuple("household.2.name", Issue.Kind.REQUIRED),
                tuple("household.2.income", Issue.Kind.NOT_A_NUMBER));
        assertThat(session.issues("household.2.income")).extracting(Issue::kind).containsExactly(Issue.Kind.NOT_A_NUMBER);
    }

    @Test
    void aStoredFormWithFewerRowsThanTheMinimumIsNotValid() {
        FormDefinition form = form(HOUSEHOLD);
        FormSession session = FormSession.resume(form, Map.of(), TODAY);

        assertThat(session.rowCount("household")).isZero();
        assertThat(session.raw("members")).isEqualTo("1");
        assertThat(session.validate()).extracting(Issue::path, Issue::kind, Issue::arguments)
                .containsExactly(tuple("household", Issue.Kind.TOO_FEW_ROWS, List.of("1")));
    }

    // ---- storage ------------------------------------------------------------------------------

    @Test
    void answersToStoreHoldAnswersRowCountsAndComputedValuesAndResumeGivesTheSameState() {
        FormDefinition form = form(HOUSEHOLD, """
                  - id: rent
                    type: money
                    default: 0.00
                    label: { fr: "L", nl: "H", en: "R" }
                  - id: per_person
                    type: computed
                    expression: "rent / double(members)"
                    label: { fr: "P", nl: "P", en: "P" }
                  - id: comment
                    type: text
                    label: { fr: "C", nl: "C", en: "C" }
            """);
        FormSession session = FormSession.start(form, TODAY);
        session.addRow("household");
        session.set("household.1.name", "Jean");
        session.set("household.1.income", "100");
        session.set("household.2.name", "Léa");
        session.set("rent", "900");
        session.set("alone", "false");
        session.set("comment", "");

        Map<String, String> stored = session.answersToStore();

        assertThat(stored).containsExactlyInAnyOrderEntriesOf(Map.of(
                "household", "2",
                "household.1.name", "Jean",
                "household.1.income", "100",
                "household.1.share", "50.00",
                "household.2.name", "Léa",
                "members", "3",
                "alone", "false",
                "rent", "900",
                "per_person", "300.00"));

        FormSession resumed = FormSession.resume(form, stored, TODAY);
        assertThat(resumed.answersToStore()).isEqualTo(stored);
        for (String path : List.of("household", "household.1.name", "household.1.income", "household.1.share",
                "household.1.income_source", "household.2.name", "household.2.income", "household.2.share",
                "household.2.income_source", "members", "alone", "rent", "per_person", "comment")) {
            assertThat(resumed.state(path)).as(path).isEqualTo(session.state(path));
        }
        assertThat(resumed.validate()).isEqualTo(session.validate());

        // a computed value in storage is not trusted: it is computed again
        Map<String, String> tampered = new java.util.HashMap<>(stored);
        tampered.put("per_person", "1.00");
        assertThat(FormSession.resume(form, tampered, TODAY).raw("per_person")).isEqualTo("300.00");
    }

    @Test
    void resumeDoesNotApplyDefaultsToACleanedAnswer() {
        FormDefinition form = form("""
                      - id: rent
                        type: money
                        default: 0.00
                        label: { fr: "L", nl: "H", en: "R" }
                """);
        FormSession session = FormSession.start(form, TODAY);
        session.set("rent", "");

        assertThat(session.answersToStore()).isEmpty();
        assertThat(FormSession.resume(form, session.answersToStore(), TODAY).raw("rent")).isEmpty();
    }

    @Test
    void formatIssuesReportAnswersThatDoNotFitTheirItem() {
        FormDefinition form = form("""
                      - id: children
                        type: integer
                        label: { fr: "E", nl: "K", en: "C" }
                      - id: track
                        type: choice
                        label: { fr: "V", nl: "V", en: "V" }
                        options:
                          - code: social
                            label: { fr: "S", nl: "S", en: "S" }
                      - id: rent
                        type: money
                        label: { fr: "L", nl: "H", en: "R" }
                      - id: ratio
                        type: decimal
                        label: { fr: "R", nl: "R", en: "R" }
                      - id: consent
                        type: yes-no
                        label: { fr: "A", nl: "A", en: "A" }
                """);
        FormSession session = FormSession.resume(form, Map.of("children", "2a", "track", "work", "rent", "12.345",
                "ratio", "1.23456", "consent", "yes"), TODAY);

        assertThat(session.formatIssues()).extracting(Issue::path, Issue::kind, Issue::arguments).containsExactlyInAnyOrder(
                tuple("children", Issue.Kind.NOT_A_WHOLE_NUMBER, List.of()),
                tuple("track", Issue.Kind.NOT_AN_OPTION, List.of("work")),
                tuple("rent", Issue.Kind.TOO_MANY_DECIMALS, List.of()),
                tuple("consent", Issue.Kind.NOT_YES_NO, List.of()));
        assertThat(FormSession.resume(form, Map.of("rent", "12.34", "ratio", "-0.5", "children", "-3"), TODAY).formatIssues())
                .isEmpty();
        assertThat(FormSession.resume(form, Map.of("rent", "12,34"), TODAY).formatIssues())
                .extracting(Issue::kind).containsExactly(Issue.Kind.NOT_A_NUMBER);
    }

    @Test
    void unknownPathsAreTheStoredAnswersOfItemsThisVersionDoesNotHave() {
        FormDefinition form = form(HOUSEHOLD);
        Map<String, String> stored = Map.of(
                "household", "2",
                "household.1.name", "Jean",
                "household.2.nickname", "JJ",
                "household.9.name", "too far",
                "members", "3",
                "removed_item", "x");

        assertThat(FormSession.unknownPaths(form, stored))
                .containsExactlyInAnyOrder("household.2.nickname", "household.9.name", "removed_item");
        assertThat(FormSession.unknownPaths(form, Map.of("household.3.name", "ok", "alone", "true"))).isEmpty();

        FormSession session = FormSession.resume(form, stored, TODAY);
        assertThat(session.rowCount("household")).isEqualTo(2);
        assertThat(session.raw("household.1.name")).isEqualTo("Jean");
        assertThat(session.answersToStore()).doesNotContainKeys("removed_item", "household.2.nickname");
    }

    // ---- the real CASU form -------------------------------------------------------------------

    @Test
    void casuComputesTheRemainingIncomePerPerson() throws IOException {
        FormDefinition casu = casu().forms().get("casu");
        FormSession session = FormSession.start(casu, TODAY);
        assertThat(session.rowCount("household")).isZero();
        assertThat(session.rowCount("schemes")).isEqualTo(1);
        assertThat(session.raw("resources_total")).isEqualTo("0.00");
        assertThat(session.raw("remaining_per_person")).isEqualTo("0.00");
        assertThat(session.raw("schemes.1.scheme_decision")).isEqualTo("pending");

        session.set("resource_salary", "1200.00");
        session.set("resource_housing_benefit", "300");
        assertThat(session.set("resource_other", "45.50")).containsExactlyInAnyOrder("resource_other",
                "resource_other_detail", "resources_total", "remaining_per_person");
        assertThat(session.state("resource_other_detail")).isEqualTo(new ItemState(true, true, ""));
        session.set("charge_rent", "650");
        session.set("charge_energy", "120.25");
        assertThat(session.raw("resources_total")).isEqualTo("1545.50");
        assertThat(session.raw("charges_total")).isEqualTo("770.25");
        assertThat(session.raw("remaining_per_person")).isEqualTo("775.25");

        assertThat(session.addRow("household")).contains("household", "remaining_per_person");
        session.set("household.1.member_name", "Léa Martin");
        session.set("household.1.member_relationship", "child");
        session.addRow("household");
        session.set("household.2.member_name", "Paul Martin");
        session.set("household.2.member_relationship", "partner");
        session.set("household.2.member_income", "400");
        // (1545.50 - 770.25) / 3
        assertThat(session.raw("remaining_per_person")).isEqualTo("258.42");

        session.removeRow("household", 1);
        assertThat(session.raw("remaining_per_person")).isEqualTo("387.63");
        assertThat(session.raw("household.1.member_name")).isEqualTo("Paul Martin");

        session.set("household.1.member_relationship", "cousin");
        assertThat(session.formatIssues()).extracting(Issue::path, Issue::kind)
                .containsExactly(tuple("household.1.member_relationship", Issue.Kind.NOT_AN_OPTION));

        Map<String, String> stored = session.answersToStore();
        assertThat(stored).containsEntry("household", "1").containsEntry("remaining_per_person", "387.63")
                .containsEntry("resources_total", "1545.50").containsEntry("charges_total", "770.25");
        assertThat(FormSession.resume(casu, stored, TODAY).raw("remaining_per_person")).isEqualTo("387.63");
        assertThat(FormSession.unknownPaths(casu, stored)).isEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** A form 't' with one section holding the given items (YAML lines indented by 6, as under 'items:'). */
    private static FormDefinition form(String... items) {
        StringBuilder yaml = new StringBuilder("""
                form: t
                title: { fr: "T", nl: "T", en: "T" }
                sections:
                  - id: main
                    title: { fr: "S", nl: "S", en: "S" }
                    items:
                """);
        for (String part : items) {
            yaml.append(part);
        }
        return read(yaml.toString());
    }

    private static FormDefinition read(String yaml) {
        return new FormReader().read(List.of(new FormSource("t.yaml", yaml))).forms().get("t");
    }

    private static List<org.assertj.core.groups.Tuple> issues(FormSession session, String path) {
        return session.issues(path).stream().map(i -> tuple(i.kind(), i.arguments())).toList();
    }

    /** The real forms/casu.yaml with the shared files of forms/scales and forms/lists. */
    private static FormBundle casu() throws IOException {
        Path forms = Path.of("forms");
        List<FormSource> sources = new ArrayList<>();
        sources.add(new FormSource("casu.yaml", Files.readString(forms.resolve("casu.yaml"), StandardCharsets.UTF_8)));
        try (Stream<Path> files = Stream.concat(Files.list(forms.resolve("scales")), Files.list(forms.resolve("lists")))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                sources.add(new FormSource(forms.relativize(file).toString().replace('\\', '/'),
                        Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return new FormReader().read(sources);
    }
}
