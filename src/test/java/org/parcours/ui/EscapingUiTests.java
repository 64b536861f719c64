package org.parcours.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parcours.testsupport.Hostile.IMG;
import static org.parcours.testsupport.Hostile.SCRIPT;
import static org.parcours.testsupport.Hostile.assertNoLiveMarkup;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.ui.ClientListView;
import org.parcours.clients.ui.ClientView;
import org.parcours.committee.ui.HistoryView;
import org.parcours.evaluations.EvaluationDetails;
import org.parcours.evaluations.EvaluationService;
import org.parcours.evaluations.ui.EvaluationView;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;
import org.parcours.formrun.FormSession;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.parcours.ui.renderer.FormRenderer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Script and image-with-handler markup in every place text comes from a form file, a client file
 * or a free-text answer: on screen it is text (labels and values are sent as properties and text
 * nodes), never an element; Markdown notes are escaped.
 */
@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.WORKER_NORTH)
class EscapingUiTests extends SpringBrowserlessTest {

    static final String YAML = """
            scale: t-evil
            title: { fr: "Échelle %1$s", nl: "Schaal %1$s", en: "Scale %1$s" }
            values:
              - code: A
                colour: green
                label: { fr: "Bien %2$s", nl: "Goed %2$s", en: "Good %2$s" }
              - code: B
                colour: red
                problem: true
                label: { fr: "Mal %1$s", nl: "Slecht %1$s", en: "Bad %1$s" }
            ---
            form: evil
            title: { fr: "Formulaire %1$s", nl: "Formulier %1$s", en: "Form %1$s" }
            sections:
              - id: main
                title: { fr: "Section %2$s", nl: "Sectie %2$s", en: "Section %2$s" }
                items:
                  - id: intro
                    type: note
                    text: { fr: "Note %1$s %2$s", nl: "Noot %1$s", en: "Note %1$s" }
                  - id: level
                    type: scale
                    scale: t-evil
                    label: { fr: "Niveau %1$s", nl: "Niveau %1$s", en: "Level %1$s" }
                    help: { fr: "Aide %2$s", nl: "Hulp %2$s", en: "Help %2$s" }
                  - id: track
                    type: choice
                    label: { fr: "Choix %2$s", nl: "Keuze %2$s", en: "Choice %2$s" }
                    help: { fr: "Aide %1$s", nl: "Hulp %1$s", en: "Help %1$s" }
                    options:
                      - { code: a, label: { fr: "Option %1$s", nl: "Optie %1$s", en: "Option %1$s" } }
                      - { code: b, label: { fr: "Autre %2$s", nl: "Ander %2$s", en: "Other %2$s" } }
                  - id: remark
                    type: text
                    multiline: true
                    label: { fr: "Remarque %1$s", nl: "Opmerking %1$s", en: "Remark %1$s" }
                    help: { fr: "Texte libre %2$s", nl: "Vrije tekst %2$s", en: "Free text %2$s" }
            """.formatted(SCRIPT.replace("'", "\\u0027"), IMG);

    /** The hostile form, read through the real form reader. */
    static FormDefinition hostileForm() {
        return new FormReader().read(List.of(new FormSource("evil.yaml", YAML))).forms().get("evil");
    }

    @Autowired
    FormRenderer renderer;

    @Autowired
    TestData data;

    @Autowired
    EvaluationService evaluations;

    @Test
    void labelsHelpTextsOptionsAndNotesFromAFormFileStayText() {
        FormSession session = FormSession.start(hostileForm(), LocalDate.of(2026, 11, 23));
        session.set("remark", "Réponse " + SCRIPT + " " + IMG);
        FormRenderer.RenderedForm rendered = renderer.render(session, Locale.FRENCH, Set.of("WORKER"));
        UI.getCurrent().add(rendered.layout());

        RadioButtonGroup<?> level = find(RadioButtonGroup.class).id("item-level");
        assertThat(level.getLabel()).isEqualTo("Niveau " + SCRIPT);
        RadioButtonGroup<?> track = find(RadioButtonGroup.class).id("item-track");
        assertThat(track.getLabel()).isEqualTo("Choix " + IMG);
        assertThat(track.getHelperText()).isEqualTo("Aide " + SCRIPT);
        TextArea remark = find(TextArea.class).id("item-remark");
        assertThat(remark.getLabel()).isEqualTo("Remarque " + SCRIPT);
        assertThat(remark.getHelperText()).isEqualTo("Texte libre " + IMG);
        assertThat(remark.getValue()).isEqualTo("Réponse " + SCRIPT + " " + IMG);
        assertThat(rendered.layout().getElement().getTextRecursively()).contains("Section " + IMG);
        assertNoLiveMarkup(rendered.layout().getElement());
    }

    /** The whole page: the current view and the layout around it. */
    private com.vaadin.flow.dom.Element page() {
        com.vaadin.flow.dom.Element top = getCurrentView().getElement();
        while (top.getParent() != null && !"body".equals(top.getParent().getTag())) {
            top = top.getParent();
        }
        return top;
    }

    @Test
    void aClientNameAndAFreeTextAnswerStayTextInTheListTheFileTheEvaluationAndTheHistory() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, IMG + SCRIPT);
        EvaluationDetails saved = evaluations.submit(evaluations.blank(client.id(), "imasp"),
                Map.of("illness", "B", "comment", "Commentaire " + SCRIPT + " " + IMG));

        navigate(ClientListView.class);
        test(find(TextField.class).id("client-search")).setValue("onerror");
        @SuppressWarnings("unchecked")
        Grid<ClientSummary> grid = find(Grid.class).id("client-grid");
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 0)).contains(IMG.toUpperCase(Locale.ROOT).substring(0, 4)).contains("ONERROR");
        assertNoLiveMarkup(page());

        navigate(ClientView.class, Map.of(ClientView.CLIENT_ID, String.valueOf(client.id())));
        assertThat(page().getTextRecursively()).contains("ONERROR=ALERT(1)>");
        assertNoLiveMarkup(page());

        UI.getCurrent().navigate(EvaluationView.class, EvaluationView.existing(saved.id().orElseThrow()));
        assertThat(getCurrentView()).isInstanceOf(EvaluationView.class);
        assertThat(find(TextArea.class).id("item-comment").getValue()).isEqualTo("Commentaire " + SCRIPT + " " + IMG);
        assertNoLiveMarkup(page());

        navigate(HistoryView.class, Map.of(HistoryView.CLIENT_ID, String.valueOf(client.id())));
        assertThat(find(H2.class).first().getText()).contains("ONERROR");
        assertNoLiveMarkup(page());
    }
}
