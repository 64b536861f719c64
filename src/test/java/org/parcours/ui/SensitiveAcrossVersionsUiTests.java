package org.parcours.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextField;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationDetails;
import org.parcours.evaluations.EvaluationService;
import org.parcours.evaluations.EvaluationStatus;
import org.parcours.evaluations.ui.EvaluationView;
import org.parcours.print.Printouts;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The evaluation screen and its PDF follow the rule for sensitive items across versions (as the
 * exports, the API and the committee history do): an item marked {@code sensitive} in a later
 * version of a form also hides the answers given on an earlier version, where it was not marked.
 */
@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.WORKER_NORTH)
class SensitiveAcrossVersionsUiTests extends SpringBrowserlessTest {

    @Autowired
    FormCatalog catalog;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    Printouts printouts;

    @Autowired
    TestData data;

    static String form(String key, boolean sensitive) {
        return """
                form: %s
                title: { fr: "Secret", nl: "Geheim", en: "Secret" }
                sections:
                  - id: main
                    title: { fr: "Principal", nl: "Hoofd", en: "Main" }
                    items:
                      - id: open_note
                        type: text
                        label: { fr: "Ouverte", nl: "Open", en: "Open" }
                      - id: secret
                        type: text
                        label: { fr: "Confidentiel", nl: "Vertrouwelijk", en: "Confidential" }
                %s""".formatted(key, sensitive ? "        sensitive: [ADMIN]\n" : "");
    }

    /** A submitted evaluation on version 1 (item not sensitive), then version 2 marks the item sensitive to ADMIN. */
    private long answeredOnVersionOneThenMarkedSensitive(String key, String lastName) {
        PublishedForm v1 = catalog.publishText(key, form(key, false));
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, lastName);
        EvaluationDetails blank = new EvaluationDetails(Optional.empty(), client, v1, EvaluationStatus.DRAFT, 1, Map.of(),
                Optional.empty(), Optional.empty(), 0, true, List.of(), Map.of(), Optional.empty(), Set.of());
        long id = evaluations.submit(blank, Map.of("open_note", "OPEN-ON-V1", "secret", "SECRET-ON-V1")).id().orElseThrow();
        catalog.publishText(key, form(key, true));
        return id;
    }

    @Test
    void theEvaluationScreenHidesAnAnswerGivenBeforeTheItemBecameSensitive() {
        long id = answeredOnVersionOneThenMarkedSensitive("ui_secret_later", "UiSecretLater");

        navigate(EvaluationView.class, Map.of("evaluationId", String.valueOf(id)));

        // the evaluation is shown with its own version's answers: the open one is there
        assertThat(find(TextField.class).id("item-open_note").getValue()).isEqualTo("OPEN-ON-V1");
        assertThat(find(TextField.class).withId("item-secret").exists()).isFalse();
        assertThat(UI.getCurrent().getElement().getOuterHTML()).doesNotContain("SECRET-ON-V1");
    }

    @Test
    void theEvaluationPdfLeavesOutAnAnswerGivenBeforeTheItemBecameSensitive() throws IOException {
        long id = answeredOnVersionOneThenMarkedSensitive("pdf_secret_later", "PdfSecretLater");

        String text = text(printouts.evaluation(id, null, Locale.FRENCH).bytes());

        assertThat(text).contains("OPEN-ON-V1").doesNotContain("SECRET-ON-V1", "Confidentiel");
    }

    private static String text(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document).replaceAll("[\\s\\u00a0\\u202f]+", " ");
        }
    }
}
