package org.parcours.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parcours.catalog.FormCatalog;
import org.parcours.evaluations.EvaluationDetails;
import org.parcours.evaluations.EvaluationService;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestForms;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 7's "Done when" in Chromium, on a copy of forms/, in one running application (no restart,
 * no Java change): the administrator, with the studio's structured forms only (no YAML typed),
 * adds a factor to an IMASP group and publishes, then adds a value to the shared IMASP scale and
 * publishes; the worker's next IMASP shows the factor and the new value while an IMASP submitted
 * before keeps its old version; the committee's score history shows the new factor's row with an
 * empty cell for the older measurement. Screenshots in target/screenshots/studio-done-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StudioDoneWhenIT {

    static final Path FORMS = TestForms.copyOf(Path.of("forms"), "parcours-studio-done-");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void formsFolder(DynamicPropertyRegistry registry) {
        registry.add("parcours.forms.dir", FORMS::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    FormCatalog catalog;

    @Test
    void aFactorAndAScaleValueAddedInTheStudioReachTheWorkerAndTheCommitteeHistory() throws Exception {
        long clientId = data.client(TestUsers.TEAM_NORTH, "Studio").id();
        EvaluationDetails older = data.as(TestUsers.WORKER_NORTH, "WORKER",
                () -> evaluations.submit(evaluations.blank(clientId, "imasp"), Map.of("illness", "B")));
        String imaspBefore = Files.readString(FORMS.resolve("imasp.yaml"));

        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, TIMEOUT);
            signIn(browser, wait, TestUsers.ADMIN);

            // the administration screens, for the screenshots of the report
            browser.driver.get(url("/admin/users"));
            browser.reveal(By.id("team-grid"), TIMEOUT);
            browser.screenshot("studio-done-users");
            browser.driver.get(url("/admin/files/policy"));
            wait.until(ExpectedConditions.textToBe(By.id("shared-status"), "Le brouillon est valide"));
            browser.screenshot("studio-done-policy");

            // 1. a new factor in the first IMASP group, with the structured form
            browser.driver.get(url("/admin/forms"));
            browser.reveal(By.id("shared-grid"), TIMEOUT);
            browser.screenshot("studio-done-forms");
            browser.reveal(By.id("studio-link-imasp"), TIMEOUT).click();
            wait.until(ExpectedConditions.textToBe(By.id("studio-status"), "Le brouillon est valide"));
            browser.type("factor-id", "digital_skills");
            browser.type("factor-fr", "Compétences numériques");
            browser.type("factor-nl", "Digitale vaardigheden");
            browser.type("factor-en", "Digital skills");
            browser.click(By.id("factor-add"), TIMEOUT);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("studio-diff"),
                    "Ajouté : digital_skills (scale) « Compétences numériques »"));
            scrollTo(browser, "studio-diff");
            browser.screenshot("studio-done-form-diff");
            browser.type("publish-comment", "Nouveau facteur : compétences numériques");
            browser.click(By.id("publish"), TIMEOUT);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("studio-message"), "est en service"));

            // 2. a new value of the shared IMASP scale, with the structured form
            browser.driver.get(url("/admin/forms"));
            browser.reveal(By.id("shared-link-scales-imasp-abc"), TIMEOUT).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("shared-status"), "textContent", "Le brouillon est valide"));
            browser.screenshot("studio-done-scale-editor");
            browser.type("value-code", "D");
            browser.type("value-fr", "Obstacle durable");
            browser.type("value-nl", "Blijvende belemmering");
            browser.type("value-en", "Lasting obstacle");
            browser.click(By.id("value-add"), TIMEOUT);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shared-diff"),
                    "imasp – Option ajoutée à digital_skills : D « Obstacle durable »"));
            scrollTo(browser, "shared-diff");
            browser.screenshot("studio-done-scale-diff");
            browser.type("shared-comment", "Valeur D : obstacle durable");
            browser.click(By.id("shared-publish"), TIMEOUT);
            wait.until(ExpectedConditions.textToBe(By.id("shared-message"), "scales/imasp-abc.yaml est publié"));
            browser.click(By.id("logout"), TIMEOUT);
            wait.until(ExpectedConditions.urlContains("/login"));
        }
        // nothing was typed as YAML: the form file changed by the inserted factor only
        String imaspAfter = Files.readString(FORMS.resolve("imasp.yaml"));
        String factor = """
                      - id: digital_skills
                        type: scale
                        scale: imasp-abc
                        prefill: last-evaluation
                        label: { fr: "Compétences numériques", nl: "Digitale vaardigheden", en: "Digital skills" }
                """;
        // after the section's last factor, before its privacy block
        assertThat(imaspAfter).contains("Handicap\", en: \"Disability\" }\n" + factor + "    privacy:").isNotEqualTo(imaspBefore);
        assertThat(imaspAfter.replace(factor, "")).isEqualTo(imaspBefore);
        assertThat(catalog.current("imasp").definition().item("digital_skills")).isPresent();

        long newer;
        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, TIMEOUT);
            signIn(browser, wait, TestUsers.WORKER_NORTH);

            browser.driver.get(url("/evaluations/" + older.id().orElseThrow()));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#item-illness vaadin-radio-button[checked]")));
            assertThat(browser.driver.findElements(By.id("item-digital_skills"))).as("the older IMASP keeps its version").isEmpty();
            assertThat(radioCodes(browser, "item-illness")).as("the older IMASP keeps its scale").doesNotContain("D");

            browser.driver.get(url("/clients/" + clientId));
            WebElement start = wait.until(ExpectedConditions.elementToBeClickable(By.id("new-evaluation-imasp")));
            ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", start);
            browser.reveal(By.cssSelector("#item-digital_skills vaadin-radio-button"), TIMEOUT);
            assertThat(radioCodes(browser, "item-digital_skills")).containsExactly("A", "B", "C", "NVT", "?", "D");
            assertThat(radioCodes(browser, "item-illness")).endsWith("D");
            browser.choose("item-digital_skills", "C");
            browser.reveal(By.cssSelector("#item-illness vaadin-radio-button"), TIMEOUT);
            browser.choose("item-illness", "D");
            wait.until(ExpectedConditions.urlMatches(".*/evaluations/[0-9]+$"));
            browser.screenshot("studio-done-worker-imasp");
            newer = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/evaluations/", ""));
            browser.click(By.id("submit-evaluation"), TIMEOUT);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("amend-evaluation")));
            browser.click(By.id("logout"), TIMEOUT);
            wait.until(ExpectedConditions.urlContains("/login"));
        }
        assertThat(data.answerRows(newer)).containsEntry("digital_skills", "C").containsEntry("illness", "D");

        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, TIMEOUT);
            signIn(browser, wait, TestUsers.COMMITTEE);
            browser.driver.get(url("/clients/" + clientId + "/history"));
            browser.reveal(By.id("history-row-digital_skills"), TIMEOUT);
            browser.screenshot("studio-done-committee-history");
            // one cell per measurement, then the trend column
            List<String> cells = measurementCells(browser, "history-row-digital_skills");
            assertThat(cells).as("empty for the older measurement, C for the new").containsExactlyInAnyOrder("–", "C");
            List<String> illness = measurementCells(browser, "history-row-illness");
            assertThat(illness).containsExactlyInAnyOrder("B", "D");
            assertThat(cells.indexOf("–")).as("the empty cell is the older measurement's").isEqualTo(illness.indexOf("B"));
        }
    }

    private static List<String> measurementCells(BrowserSupport browser, String rowId) {
        List<String> cells = browser.driver.findElement(By.id(rowId)).findElements(By.cssSelector("td")).stream()
                .map(td -> td.getDomProperty("textContent").strip()).toList();
        return cells.subList(0, cells.size() - 1);
    }

    private static List<String> radioCodes(BrowserSupport browser, String groupId) {
        return browser.driver.findElements(By.cssSelector("#" + groupId + " vaadin-radio-button")).stream()
                .map(r -> r.getDomProperty("textContent").strip()).toList();
    }

    private static void scrollTo(BrowserSupport browser, String id) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                browser.driver.findElement(By.id(id)));
    }

    private void signIn(BrowserSupport browser, WebDriverWait wait, String username) {
        browser.signIn(url(""), username, TestUsers.PASSWORD, TIMEOUT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
