package org.parcours.committee.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parcours.committee.history.HistoryMeasurement;
import org.parcours.committee.history.ScoreHistory;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;

/** The light grid is HTML written on the server: nothing from a form or a user may become markup. */
class ScoreHistoryGridTests {

    private static final String YAML = """
            scale: t-grid
            title: { fr: "Échelle", nl: "Schaal", en: "Scale" }
            values:
              - code: A
                colour: green
                label: { fr: "Bien <b>", nl: "Goed", en: "Good" }
              - code: C
                colour: red
                problem: true
                label: { fr: "Mauvais \\" onmouseover=\\"alert(1)", nl: "Slecht", en: "Bad" }
            ---
            form: t-grid
            title: { fr: "Essai", nl: "Test", en: "Test" }
            sections:
              - id: s1
                title: { fr: "<script>alert(1)</script>", nl: "S", en: "S" }
                items:
                  - id: factor
                    type: scale
                    scale: t-grid
                    label: { fr: "Facteur <img src=x onerror=alert(1)>", nl: "Factor", en: "Factor" }
            """;

    @Test
    void everyTextIsEscapedAndEveryCellKeepsItsColourAndLabel() {
        FormDefinition form = new FormReader().read(List.of(new FormSource("t-grid.yaml", YAML))).forms().get("t-grid");
        ScoreHistory history = ScoreHistory.of(form, List.of(
                new HistoryMeasurement(Instant.parse("2026-01-05T10:00:00Z"), "<i>worker</i>", form, Map.of("factor", "C")),
                new HistoryMeasurement(Instant.parse("2026-05-05T10:00:00Z"), "worker", form, Map.of("factor", "A"))), 0);

        String html = new ScoreHistoryGrid(history, "p-", Locale.FRENCH).getElement().getProperty("innerHTML");

        assertThat(html).doesNotContain("<script", "<img", "<b>", "<i>", "\" onmouseover");
        assertThat(html).contains("&lt;script&gt;", "Facteur &lt;img src=x onerror=alert(1)&gt;", "&lt;i&gt;worker&lt;/i&gt;", "Bien &lt;b&gt;");
        assertThat(html).contains("<span id=\"p-cell-factor-0\" class=\"score-cell score-green\" data-colour=\"green\" data-code=\"A\"");
        assertThat(html).contains("id=\"p-cell-factor-1\" class=\"score-cell score-red\"");
        assertThat(html).contains("id=\"p-trend-factor\" data-trend=\"BETTER\"");
        assertThat(html).contains("<caption>", "<th scope=\"row\"", "scope=\"colgroup\"", "id=\"p-table\"", "id=\"p-scroller\"");
    }
}
