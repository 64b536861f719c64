package org.parcours.committee.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.parcours.formdef.Colour;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;
import org.parcours.formdef.LocalizedText;

class ScoreHistoryTests {

    static final String SCALE = """
            scale: imasp-abc
            title: { fr: "Échelle", nl: "Schaal", en: "Scale" }
            values:
              - code: A
                colour: green
                label: { fr: "Pas d'obstacle", nl: "Geen belemmering", en: "No obstacle" }
              - code: B
                colour: amber
                problem: true
                label: { fr: "Obstacle B", nl: "Belemmering B", en: "Obstacle B" }
              - code: C
                colour: red
                problem: true
                label: { fr: "Obstacle C", nl: "Belemmering C", en: "Obstacle C" }
              - code: NVT
                colour: neutral
                label: { fr: "Sans objet", nl: "Niet van toepassing", en: "Not applicable" }
              - code: "?"
                colour: neutral
                label: { fr: "Inconnu", nl: "Onbekend", en: "Unknown" }
            """;

    /** The first version: "illness" has an older label, "old_factor" is still there, "new_factor" is not yet. */
    static final FormDefinition V1 = form("""
            form: imasp
            title: { fr: "IMASP", nl: "MPSA", en: "IMASP" }
            sections:
              - id: medical
                title: { fr: "Médical", nl: "Medisch", en: "Medical" }
                items:
                  - { id: illness, type: scale, scale: imasp-abc, label: { fr: "Maladie", nl: "Ziekte", en: "Illness" } }
                  - { id: addiction, type: scale, scale: imasp-abc, label: { fr: "Dépendance", nl: "Verslaving", en: "Addiction" } }
              - id: housing
                title: { fr: "Logement", nl: "Wonen", en: "Housing" }
                items:
                  - { id: homeless, type: scale, scale: imasp-abc, label: { fr: "Sans-abri", nl: "Dakloos", en: "Homeless" } }
                  - { id: old_factor, type: scale, scale: imasp-abc, label: { fr: "Ancien", nl: "Oud", en: "Old" } }
                  - { id: comment, type: text, label: { fr: "Remarque", nl: "Opmerking", en: "Comment" } }
            """);

    /** The newest version: "illness" renamed, "new_factor" added, "old_factor" removed. */
    static final FormDefinition V2 = form("""
            form: imasp
            title: { fr: "IMASP", nl: "MPSA", en: "IMASP" }
            sections:
              - id: medical
                title: { fr: "Facteurs médicaux", nl: "Medische factoren", en: "Medical factors" }
                items:
                  - { id: illness, type: scale, scale: imasp-abc, label: { fr: "Maladie / hospitalisation", nl: "Ziekte / hospitalisatie", en: "Illness / hospitalisation" } }
                  - { id: addiction, type: scale, scale: imasp-abc, label: { fr: "Dépendance", nl: "Verslaving", en: "Addiction" } }
                  - { id: new_factor, type: scale, scale: imasp-abc, label: { fr: "Nouveau", nl: "Nieuw", en: "New" } }
              - id: housing
                title: { fr: "Logement", nl: "Wonen", en: "Housing" }
                items:
                  - { id: homeless, type: scale, scale: imasp-abc, label: { fr: "Sans-abri", nl: "Dakloos", en: "Homeless" } }
            """);

    static final Instant JAN = Instant.parse("2026-01-15T10:00:00Z");
    static final Instant FEB = Instant.parse("2026-02-15T10:00:00Z");
    static final Instant MAR = Instant.parse("2026-03-15T10:00:00Z");
    static final Instant APR = Instant.parse("2026-04-15T10:00:00Z");

    /** Given in no particular order: the history sorts them newest first. */
    static final List<HistoryMeasurement> MEASUREMENTS = List.of(
            new HistoryMeasurement(MAR, "bob", V2, Map.of("illness", "B", "addiction", "B", "new_factor", "A", "homeless", "C")),
            new HistoryMeasurement(JAN, "ann", V1, Map.of("illness", "B", "addiction", "A", "homeless", "C", "old_factor", "B",
                    "comment", "premier entretien")),
            new HistoryMeasurement(APR, "bob", V2, Map.of("illness", "B", "addiction", "B", "new_factor", "?", "homeless", "B")),
            new HistoryMeasurement(FEB, "ann", V1, Map.of("illness", "C", "addiction", "NVT", "homeless", "B", "old_factor", "C")));

    static FormDefinition form(String yaml) {
        return new FormReader().read(List.of(new FormSource("scales/imasp-abc.yaml", SCALE), new FormSource("imasp.yaml", yaml)))
                .forms().get("imasp");
    }


    static List<String> codes(FactorRow row) {
        return row.cells().stream().map(c -> c.map(ScoreCell::code).orElse("")).toList();
    }

    @Test
    void columnsAreTheMeasurementsNewestFirstWithDateAndAuthor() {
        ScoreHistory history = ScoreHistory.of(V2, MEASUREMENTS, 3);

        assertThat(history.columns()).extracting(HistoryColumn::submittedAt).containsExactly(APR, MAR, FEB, JAN);
        assertThat(history.columns()).extracting(HistoryColumn::author).containsExactly("bob", "bob", "ann", "ann");
        assertThat(history.columns()).extracting(HistoryColumn::index).containsExactly(0, 1, 2, 3);
    }

    @Test
    void rowsFollowTheNewestVersionAndAlignFactorsByItemIdAcrossVersions() {
        ScoreHistory history = ScoreHistory.of(V2, MEASUREMENTS, 3);

        assertThat(history.sections()).extracting(HistorySection::id).containsExactly("medical", "housing");
        assertThat(history.sections().getFirst().title().in(Locale.FRENCH)).isEqualTo("Facteurs médicaux");
        assertThat(history.sections().get(0).rows()).extracting(FactorRow::itemId).containsExactly("illness", "addiction", "new_factor");
        assertThat(history.sections().get(1).rows()).extracting(FactorRow::itemId).containsExactly("homeless", "old_factor");

        FactorRow illness = history.row("illness").orElseThrow();
        assertThat(illness.label().in(Locale.FRENCH)).isEqualTo("Maladie / hospitalisation");
        assertThat(illness.formerLabels()).extracting(l -> l.in(Locale.FRENCH)).containsExactly("Maladie");
        assertThat(illness.removed()).isFalse();
        assertThat(codes(illness)).containsExactly("B", "B", "C", "B");

        FactorRow added = history.row("new_factor").orElseThrow();
        assertThat(codes(added)).containsExactly("?", "A", "", "");
        assertThat(added.formerLabels()).isEmpty();

        FactorRow removed = history.row("old_factor").orElseThrow();
        assertThat(removed.removed()).isTrue();
        assertThat(removed.label().in(Locale.ENGLISH)).isEqualTo("Old");
        assertThat(codes(removed)).containsExactly("", "", "C", "B");

        assertThat(history.row("comment")).as("only scale items are factors").isEmpty();
    }

    @Test
    void eachCellCarriesCodeColourLabelAndProblemFromTheScaleOfItsVersion() {
        ScoreHistory history = ScoreHistory.of(V2, MEASUREMENTS, 3);

        ScoreCell newest = history.row("homeless").orElseThrow().cells().getFirst().orElseThrow();
        assertThat(newest).isEqualTo(new ScoreCell("B", Colour.AMBER, LocalizedText.of("Obstacle B", "Belemmering B", "Obstacle B"), true));
        ScoreCell unknown = history.row("new_factor").orElseThrow().cells().getFirst().orElseThrow();
        assertThat(unknown.colour()).isEqualTo(Colour.NEUTRAL);
        assertThat(unknown.comparable()).isFalse();
        assertThat(history.row("illness").orElseThrow().cells().get(2)).map(ScoreCell::colour).contains(Colour.RED);
    }

    @Test
    void theTrendComparesTheTwoNewestAnsweredMeasurementsWhenBothAreGreenAmberOrRed() {
        ScoreHistory history = ScoreHistory.of(V2, MEASUREMENTS, 3);

        assertThat(history.row("homeless").orElseThrow().trend()).isEqualTo(Trend.BETTER);     // B after C
        assertThat(history.row("old_factor").orElseThrow().trend()).isEqualTo(Trend.WORSE);    // C after B
        assertThat(history.row("illness").orElseThrow().trend()).isEqualTo(Trend.UNCHANGED);  // B after B
        assertThat(history.row("new_factor").orElseThrow().trend()).isEqualTo(Trend.UNKNOWN);  // ? after A

        ScoreCell a = new ScoreCell("A", Colour.GREEN, LocalizedText.of("a", "a", "a"), false);
        ScoreCell c = new ScoreCell("C", Colour.RED, LocalizedText.of("c", "c", "c"), true);
        ScoreCell nvt = new ScoreCell("NVT", Colour.NEUTRAL, LocalizedText.of("n", "n", "n"), false);
        assertThat(ScoreHistory.trend(List.of(Optional.empty(), Optional.of(a), Optional.empty(), Optional.of(c))))
                .as("unanswered measurements are skipped").isEqualTo(Trend.BETTER);
        assertThat(ScoreHistory.trend(List.of(Optional.of(c), Optional.of(a)))).isEqualTo(Trend.WORSE);
        assertThat(ScoreHistory.trend(List.of(Optional.of(a), Optional.of(nvt)))).isEqualTo(Trend.UNKNOWN);
        assertThat(ScoreHistory.trend(List.of(Optional.of(a), Optional.empty()))).isEqualTo(Trend.UNKNOWN);
        assertThat(ScoreHistory.trend(List.of())).isEqualTo(Trend.UNKNOWN);
    }

    @Test
    void aPersistentProblemIsAProblemValueInTheNNewestConsecutiveMeasurementsWithTheDatesThatJustifyIt() {
        ScoreHistory history = ScoreHistory.of(V2, MEASUREMENTS, 3);

        assertThat(history.persistentProblemMeasurements()).isEqualTo(3);
        assertThat(history.flagged()).extracting(FactorRow::itemId).containsExactly("illness", "homeless");
        PersistentProblem illness = history.row("illness").orElseThrow().persistentProblem().orElseThrow();
        assertThat(illness.message()).isEqualTo(PersistentProblem.UNNAMED);
        assertThat(illness.measurements()).isEqualTo(3);
        assertThat(illness.dates()).containsExactly(APR, MAR, FEB);
        assertThat(illness.codes()).containsExactly("B", "B", "C");
        assertThat(history.row("addiction").orElseThrow().persistentProblem())
                .as("NVT in the third newest measurement breaks the run").isEmpty();
        assertThat(history.row("old_factor").orElseThrow().persistentProblem())
                .as("not measured in the newest measurements").isEmpty();
    }

    @Test
    void changingNInThePolicyChangesTheFlags() {
        assertThat(ScoreHistory.of(V2, MEASUREMENTS, 2).flagged()).extracting(FactorRow::itemId)
                .containsExactly("illness", "addiction", "homeless");
        assertThat(ScoreHistory.of(V2, MEASUREMENTS, 2).row("addiction").orElseThrow().persistentProblem().orElseThrow().dates())
                .containsExactly(APR, MAR);
        assertThat(ScoreHistory.of(V2, MEASUREMENTS, 4).flagged()).extracting(FactorRow::itemId)
                .containsExactly("illness", "homeless");
        assertThat(ScoreHistory.of(V2, MEASUREMENTS, 5).flagged()).as("fewer measurements than N").isEmpty();
        LocalizedText message = LocalizedText.of("Bloqué", "Vast", "Stuck");
        ScoreHistory declared = ScoreHistory.of(V2, MEASUREMENTS, Map.of("addiction", new ScoreHistory.FactorFlag(message, 2)));
        assertThat(declared.flagged()).as("only the factors the declared rules flag").extracting(FactorRow::itemId).containsExactly("addiction");
        assertThat(declared.row("addiction").orElseThrow().persistentProblem().orElseThrow().message()).isEqualTo(message);
        assertThat(declared.persistentProblemMeasurements()).isEqualTo(2);
        assertThat(ScoreHistory.of(V2, MEASUREMENTS, Map.of()).flagged()).isEmpty();
    }

    @Test
    void withoutAnExplicitLayoutTheNewestMeasurementsVersionIsUsed() {
        ScoreHistory history = ScoreHistory.of(MEASUREMENTS, 3);

        assertThat(history.rows()).extracting(FactorRow::itemId)
                .containsExactly("illness", "addiction", "new_factor", "homeless", "old_factor");
        assertThat(ScoreHistory.of(V2, List.of(), 3).columns()).isEmpty();
        assertThat(ScoreHistory.of(V2, List.of(), 3).rows()).allSatisfy(r -> assertThat(r.cells()).isEmpty());
    }
}
