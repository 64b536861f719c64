package org.parcours.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;
import org.parcours.formrun.FormSession;
import org.parcours.testsupport.TestUsers;
import org.parcours.ui.renderer.FormRenderer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * A section laid out as a grid: one compact line per scale factor with the codes inline, the
 * client's earlier scores beside it (newest first, said to screen readers), the prefill note
 * inside the line; the other items of the section render as usual, and answers reach the session.
 */
@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.WORKER_NORTH)
class GridRendererTests extends SpringBrowserlessTest {

    private static final String YAML = """
            scale: g-abc
            title: { fr: "Échelle", nl: "Schaal", en: "Scale" }
            values:
              - { code: A, colour: green, label: { fr: "Pas d'obstacle", nl: "Geen", en: "None" } }
              - { code: B, colour: amber, problem: true, label: { fr: "Obstacle", nl: "Belemmering", en: "Obstacle" } }
              - { code: NVT, label: { fr: "Sans objet", nl: "Nvt", en: "N/A" } }
            ---
            form: g
            title: { fr: "Grille", nl: "Rooster", en: "Grid" }
            sections:
              - id: factors
                title: { fr: "Facteurs", nl: "Factoren", en: "Factors" }
                layout: grid
                items:
                  - { id: illness, type: scale, scale: g-abc, label: { fr: "Maladie", nl: "Ziekte", en: "Illness" } }
                  - { id: hygiene, type: scale, scale: g-abc, label: { fr: "Hygiène", nl: "Hygiëne", en: "Hygiene" } }
                  - { id: remark, type: text, label: { fr: "Remarque", nl: "Opmerking", en: "Remark" } }
              - id: plain
                title: { fr: "Simple", nl: "Gewoon", en: "Plain" }
                items:
                  - { id: other, type: scale, scale: g-abc, label: { fr: "Autre", nl: "Ander", en: "Other" } }
            """;

    @Autowired
    FormRenderer renderer;

    FormSession session;
    FormRenderer.RenderedForm rendered;

    @BeforeEach
    void renderTheForm() {
        FormDefinition form = new FormReader().read(List.of(new FormSource("g.yaml", YAML))).forms().get("g");
        session = FormSession.start(form, LocalDate.of(2026, 12, 2));
        rendered = renderer.render(session, Locale.FRENCH, Set.of("WORKER"));
        UI.getCurrent().add(rendered.layout());
    }

    @Test
    void eachFactorOfAGridSectionIsOneLineWithItsCodesInline() {
        Component line = component("line-item-illness");
        RadioButtonGroup<?> choices = find(RadioButtonGroup.class).id("item-illness");

        assertThat(line.getClassNames()).contains("scale-line");
        assertThat(choices.getLabel()).as("for screen readers; the line shows it").isEqualTo("Maladie");
        assertThat(((HasText) component("label-item-illness")).getText()).isEqualTo("Maladie");
        assertThat(choices.getParent()).contains(line);
        assertThat(find(RadioButtonGroup.class).id("item-other").getLabel()).as("a list section keeps its fields").isEqualTo("Autre");
        assertThat(component("item-remark").getParent().orElseThrow().getClassNames()).contains("scale-grid-section");

        test(find(RadioButtonGroup.class).id("item-hygiene")).selectItem("B");

        assertThat(session.raw("hygiene")).isEqualTo("B");
    }

    @Test
    void theEarlierScoresStandBesideTheChoicesNewestFirstAndAreSaidToScreenReaders() {
        rendered.showEarlier(List.of(Map.entry("1 sept. 2011", Map.of("illness", "A")),
                Map.entry("16 mars 2010", Map.of("illness", "B", "hygiene", "NVT"))));

        assertThat(((HasText) component("earlier-item-illness-0")).getText()).isEqualTo("A");
        assertThat(((HasText) component("earlier-item-illness-1")).getText()).isEqualTo("B");
        assertThat(component("earlier-item-illness-1").getElement().getAttribute("data-colour")).isEqualTo("amber");
        assertThat(((HasText) component("earlier-item-hygiene-0")).getText()).as("not answered then").isEqualTo("–");
        assertThat(find(RadioButtonGroup.class).id("item-illness").getAriaLabel())
                .contains("Maladie, précédemment A le 1 sept. 2011, précédemment B le 16 mars 2010");
        assertThat(descendants(component("grid-head-factors")).filter(HasText.class::isInstance).map(c -> ((HasText) c).getText()))
                .contains("1 sept. 2011", "16 mars 2010");
    }

    @Test
    void thePrefillNoteIsACompactLineInsideTheFactorsLine() {
        session.set("illness", "B");
        rendered.markCarriedOver(Set.of("illness"), Map.of("illness", "B"), "Repris du 1 sept. 2011", (path, before) -> "Modifié, avant " + before);

        Component note = component("previous-illness");
        assertThat(note.getParent().orElseThrow().getParent()).contains(component("line-item-illness"));
        assertThat(note.getClassNames()).contains("scale-line-note");
        assertThat(((HasText) note).getText()).isEqualTo("Repris du 1 sept. 2011");
    }

    private Component component(String id) {
        return descendants(UI.getCurrent()).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + id));
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(GridRendererTests::descendants));
    }
}
