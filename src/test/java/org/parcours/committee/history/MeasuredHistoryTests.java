package org.parcours.committee.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.parcours.formdef.FormDefinition;

/**
 * The history on measurement dates and across renamed ids: the three eVita measurements entered
 * on one day with their own dates stand in date order under those dates, and a factor renamed
 * with {@code was:} keeps one row with the answers stored under its former ids.
 */
class MeasuredHistoryTests {

    static final FormDefinition DATED = ScoreHistoryTests.form("""
            form: imasp
            title: { fr: "IMASP", nl: "MPSA", en: "IMASP" }
            bindings:
              measurement.date: measured_on
            sections:
              - id: when
                title: { fr: "Mesure", nl: "Meting", en: "Measurement" }
                items:
                  - { id: measured_on, type: date, label: { fr: "Le", nl: "Op", en: "On" } }
              - id: societal
                title: { fr: "Sociétal", nl: "Maatschappelijk", en: "Societal" }
                items:
                  - { id: hygiene, type: scale, scale: imasp-abc, label: { fr: "Hygiène", nl: "Hygiëne", en: "Hygiene" } }
            """);

    static final FormDefinition RENAMED = ScoreHistoryTests.form("""
            form: imasp
            title: { fr: "IMASP", nl: "MPSA", en: "IMASP" }
            bindings:
              measurement.date: measured_on
            sections:
              - id: when
                title: { fr: "Mesure", nl: "Meting", en: "Measurement" }
                items:
                  - { id: measured_on, type: date, label: { fr: "Le", nl: "Op", en: "On" } }
              - id: societal
                title: { fr: "Sociétal", nl: "Maatschappelijk", en: "Societal" }
                items:
                  - { id: personal_hygiene, type: scale, scale: imasp-abc, was: hygiene, label: { fr: "Hygiène", nl: "Hygiëne", en: "Hygiene" } }
            """);

    static final Instant TODAY = Instant.parse("2026-12-02T09:00:00Z");

    private static HistoryMeasurement entered(Instant submitted, FormDefinition form, String measuredOn, String itemId, String code) {
        return new HistoryMeasurement(submitted, "wanda", form, Map.of("measured_on", measuredOn, itemId, code),
                form.measuredOn(Map.of("measured_on", measuredOn)));
    }

    @Test
    void measurementsEnteredTodayStandUnderTheirOwnDatesInDateOrder() {
        // entered today in another order than measured: 2011 first, then 2010, then the one between
        List<HistoryMeasurement> entered = List.of(
                entered(TODAY, DATED, "2011-09-01", "hygiene", "A"),
                entered(TODAY.plusSeconds(60), DATED, "2010-03-16", "hygiene", "C"),
                entered(TODAY.plusSeconds(120), DATED, "2010-11-20", "hygiene", "B"));

        ScoreHistory history = ScoreHistory.of(DATED, entered, 0);

        assertThat(history.columns()).extracting(c -> LocalDate.ofInstant(c.measuredAt(), ZoneOffset.UTC))
                .containsExactly(LocalDate.of(2011, 9, 1), LocalDate.of(2010, 11, 20), LocalDate.of(2010, 3, 16));
        assertThat(history.row("hygiene").orElseThrow().cells()).extracting(c -> c.map(ScoreCell::code).orElse(""))
                .containsExactly("A", "B", "C");
        assertThat(history.columns()).extracting(HistoryColumn::submittedAt).as("the submission time is kept")
                .containsExactly(TODAY, TODAY.plusSeconds(120), TODAY.plusSeconds(60));
    }

    @Test
    void aMeasurementWithoutItsOwnDateStandsAtItsSubmission() {
        HistoryMeasurement undated = new HistoryMeasurement(Instant.parse("2012-05-05T10:00:00Z"), "wanda", DATED,
                Map.of("hygiene", "B"), Optional.empty());

        ScoreHistory history = ScoreHistory.of(DATED, List.of(entered(TODAY, DATED, "2011-09-01", "hygiene", "A"), undated), 0);

        assertThat(history.columns()).extracting(HistoryColumn::measuredAt)
                .containsExactly(Instant.parse("2012-05-05T10:00:00Z"), Instant.parse("2011-09-01T12:00:00Z"));
    }

    @Test
    void aFactorRenamedWithWasKeepsOneRowWithItsEarlierAnswers() {
        List<HistoryMeasurement> measured = List.of(
                entered(TODAY, DATED, "2010-03-16", "hygiene", "C"),
                entered(TODAY.plusSeconds(60), RENAMED, "2011-09-01", "personal_hygiene", "A"));

        ScoreHistory history = ScoreHistory.of(RENAMED, measured, 0);

        assertThat(history.rows()).extracting(FactorRow::itemId).containsExactly("personal_hygiene");
        FactorRow row = history.row("personal_hygiene").orElseThrow();
        assertThat(row.removed()).isFalse();
        assertThat(row.cells()).extracting(c -> c.map(ScoreCell::code).orElse("")).containsExactly("A", "C");
        assertThat(row.trend()).isEqualTo(Trend.BETTER);
    }

    @Test
    void withoutWasTheRenamedFactorSplitsIntoTwoRows() {
        FormDefinition renamedWithoutWas = ScoreHistoryTests.form(RENAMED_TEXT_WITHOUT_WAS);
        List<HistoryMeasurement> measured = List.of(
                entered(TODAY, DATED, "2010-03-16", "hygiene", "C"),
                entered(TODAY.plusSeconds(60), renamedWithoutWas, "2011-09-01", "personal_hygiene", "A"));

        ScoreHistory history = ScoreHistory.of(renamedWithoutWas, measured, 0);

        assertThat(history.rows()).extracting(FactorRow::itemId, FactorRow::removed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("personal_hygiene", false), org.assertj.core.groups.Tuple.tuple("hygiene", true));
    }

    static final String RENAMED_TEXT_WITHOUT_WAS = """
            form: imasp
            title: { fr: "IMASP", nl: "MPSA", en: "IMASP" }
            sections:
              - id: societal
                title: { fr: "Sociétal", nl: "Maatschappelijk", en: "Societal" }
                items:
                  - { id: personal_hygiene, type: scale, scale: imasp-abc, label: { fr: "Hygiène", nl: "Hygiëne", en: "Hygiene" } }
            """;
}
