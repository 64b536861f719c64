package org.parcours.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parcours.testsupport.Hostile.IMG;
import static org.parcours.testsupport.Hostile.SCRIPT;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationDetails;
import org.parcours.evaluations.EvaluationService;
import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The XHTML behind the PDFs, parsed as XML: hostile labels, help texts, client names and answers
 * are text content, never elements or event attributes.
 */
@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
class PrintEscapingTests {

    private static final String YAML = """
            form: evilprint
            title: { fr: "Formulaire %1$s", nl: "Formulier %1$s", en: "Form %1$s" }
            sections:
              - id: main
                title: { fr: "Section %2$s", nl: "Sectie %2$s", en: "Section %2$s" }
                items:
                  - id: intro
                    type: note
                    text: { fr: "Note %1$s", nl: "Noot %1$s", en: "Note %1$s" }
                  - id: track
                    type: choice
                    label: { fr: "Choix %2$s", nl: "Keuze %2$s", en: "Choice %2$s" }
                    help: { fr: "Aide %1$s", nl: "Hulp %1$s", en: "Help %1$s" }
                    options:
                      - { code: a, label: { fr: "Option %1$s", nl: "Optie %1$s", en: "Option %1$s" } }
                  - id: remark
                    type: text
                    label: { fr: "Remarque %1$s", nl: "Opmerking %1$s", en: "Remark %1$s" }
            """.formatted(SCRIPT.replace("'", "\\u0027"), IMG);

    @Autowired
    EvaluationPdf pdf;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    TestData data;

    @Test
    void aBlankFormWithHostileLabelsAndHelpTextsPrintsThemAsText() throws Exception {
        var form = new FormReader().read(List.of(new FormSource("evilprint.yaml", YAML))).forms().get("evilprint");
        String xhtml = pdf.blankXhtml(new PublishedForm(0, 1, "test", Instant.parse("2026-01-01T00:00:00Z"), form),
                Locale.FRENCH, Set.of("WORKER"));

        Document document = parse(xhtml);
        assertNoLiveMarkup(document);
        assertThat(document.getDocumentElement().getTextContent())
                .contains("Formulaire " + SCRIPT, "Section " + IMG, "Choix " + IMG, "Remarque " + SCRIPT, "Option " + SCRIPT);
        assertThat(pdf.blank(new PublishedForm(0, 1, "test", Instant.now(), form), Locale.FRENCH, Set.of("WORKER"))).isNotEmpty();
    }

    @Test
    void aHostileClientNameAndFreeTextAnswerPrintAsText() throws Exception {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, IMG);
        EvaluationDetails saved = evaluations.save(evaluations.blank(client.id(), "imasp"),
                Map.of("illness", "B", "comment", "Commentaire " + SCRIPT));

        Document document = parse(pdf.evaluationXhtml(evaluations.open(saved.id().orElseThrow()), Locale.FRENCH, Set.of("WORKER")));

        assertNoLiveMarkup(document);
        assertThat(document.getDocumentElement().getTextContent()).contains(IMG.toUpperCase(Locale.ROOT), "Commentaire " + SCRIPT);
    }

    private static Document parse(String xhtml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
    }

    private static void assertNoLiveMarkup(Document document) {
        NodeList all = document.getElementsByTagName("*");
        assertThat(all.getLength()).isGreaterThan(10);
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            assertThat(element.getTagName().toLowerCase(Locale.ROOT)).isNotIn("script", "img", "iframe", "object", "embed", "svg");
            for (int a = 0; a < element.getAttributes().getLength(); a++) {
                assertThat(element.getAttributes().item(a).getNodeName()).doesNotStartWithIgnoringCase("on");
            }
        }
    }
}
