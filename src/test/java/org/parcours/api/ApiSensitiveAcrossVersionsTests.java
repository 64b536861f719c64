package org.parcours.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationDetails;
import org.parcours.evaluations.EvaluationService;
import org.parcours.evaluations.EvaluationStatus;
import org.parcours.reporting.ExportService;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The API's reads of answers follow the history's rule for sensitive items across versions: an
 * item marked {@code sensitive} in a later version of a form also hides the answers given on
 * earlier versions, where it was not marked yet. The controller is called as a bean, as its HTTP
 * mapping would (the path rules and tokens are covered by ApiAccessIT).
 */
@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
class ApiSensitiveAcrossVersionsTests {

    @Autowired
    ApiController api;

    @Autowired
    FormCatalog catalog;

    @Autowired
    EvaluationService evaluations;

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
                      - id: open_q
                        type: integer
                        label: { fr: "Ouverte", nl: "Open", en: "Open" }
                      - id: secret
                        type: text
                        label: { fr: "Confidentiel", nl: "Vertrouwelijk", en: "Confidential" }
                %s""".formatted(key, sensitive ? "        sensitive: [ADMIN]\n" : "");
    }

    @Test
    void anAnswerGivenBeforeTheItemBecameSensitiveIsNotReadThroughTheApi() {
        String key = "api_secret_later";
        PublishedForm v1 = catalog.publishText(key, form(key, false));
        catalog.publishText(key, form(key, true));
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "ApiSecretLater");
        EvaluationDetails blank = new EvaluationDetails(Optional.empty(), client, v1, EvaluationStatus.DRAFT, 1, Map.of(),
                Optional.empty(), Optional.empty(), 0, true, List.of(), Map.of(), Optional.empty(), Set.of());
        long id = evaluations.submit(blank, Map.of("open_q", "4", "secret", "SECRET-ON-V1")).id().orElseThrow();

        ApiController.EvaluationDto read = api.evaluation(id).getBody();
        assertThat(read.answers()).containsEntry("open_q", "4").doesNotContainKey("secret");
        List<ExportService.Submission> submissions = api.submissions(key, null, null, null).getBody();
        assertThat(submissions).hasSize(1);
        assertThat(submissions.getFirst().answers()).containsEntry("open_q", "4").doesNotContainKey("secret");

        // the administrator, whom the item is for, reads it: the assertions above could fail
        ApiController.EvaluationDto forAdmin = data.as(TestUsers.ADMIN, "ADMIN", () -> api.evaluation(id).getBody());
        assertThat(forAdmin.answers()).containsEntry("secret", "SECRET-ON-V1");
    }
}
