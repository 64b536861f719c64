package org.parcours.programmes.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormSource;
import org.parcours.formdef.Policy;
import org.parcours.formdef.programme.Programme;
import org.parcours.formdef.programme.ProgrammeReader;

/** A small scored grid, its programme and clients, for the engine tests (no Spring). */
final class EngineFixtures {

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
                  - id: income
                    type: scale
                    scale: abc
                    label: { fr: "Revenus", nl: "Inkomen", en: "Income" }
                  - id: review_date
                    type: date
                    label: { fr: "Revue", nl: "Herziening", en: "Review" }
                  - id: closed
                    type: yes-no
                    label: { fr: "Clos", nl: "Afgesloten", en: "Closed" }
                  - id: amount
                    type: money
                    label: { fr: "Montant", nl: "Bedrag", en: "Amount" }
                  - id: visits
                    type: integer
                    label: { fr: "Visites", nl: "Bezoeken", en: "Visits" }
                  - id: topics
                    type: multi-choice
                    options:
                      - code: rent
                        label: { fr: "Loyer", nl: "Huur", en: "Rent" }
                      - code: food
                        label: { fr: "Nourriture", nl: "Voeding", en: "Food" }
                    label: { fr: "Sujets", nl: "Onderwerpen", en: "Topics" }
                  - id: remark
                    type: text
                    label: { fr: "Remarque", nl: "Opmerking", en: "Remark" }
            """;
    static final Policy POLICY = new Policy("p", Map.of("g.first", "P1M", "g.every", "P2M", "g.runs", "3", "g.age", "60",
            "g.review", "P3Y", "g.fresh", "P6M", "g.unset", Policy.UNSET));

    static final FormDefinition GRID = new org.parcours.formdef.FormReader()
            .read(List.of(new FormSource("scales/abc.yaml", SCALE), new FormSource("grid.yaml", FORM))).forms().get("grid");

    static Programme programme(String body) {
        String yaml = """
                programme: grid
                form: grid
                title: { fr: "G", nl: "G", en: "G" }
                """ + body;
        return new ProgrammeReader().read(List.of(new FormSource("programmes/grid.yaml", yaml)), Map.of("grid", GRID),
                Optional.of(POLICY)).getFirst();
    }

    static ClientFacts client(String status) {
        return new ClientFacts(7, "DUPONT Jean", Optional.of(LocalDate.of(1970, 5, 10)), status, Optional.of(LocalDate.of(2024, 1, 1)),
                Optional.of(LocalDate.of(2025, 1, 15)), Optional.empty());
    }

    static Measured measured(String day, Map<String, String> answers) {
        return new Measured(LocalDate.parse(day).atTime(10, 0).toInstant(ZoneOffset.UTC), GRID, answers);
    }

    static Instant at(String day) {
        return LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private EngineFixtures() {
    }
}
