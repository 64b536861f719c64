package org.parcours.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
 * Issue 7 in Chromium, on a copy of forms/: an administrator breaks the IMASP text in the studio
 * (the problem shows at its line and column), fixes it, adds a factor to the housing group with the
 * structured form, sees it in the diff and publishes; a worker's next IMASP shows the factor while
 * an IMASP saved before keeps its old version. Screenshots in target/screenshots/studio-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StudioIT {

    static final Path FORMS = copyOfForms();

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
    void anAdministratorAddsAFactorInTheStudioAndTheWorkersNextImaspShowsIt() throws Exception {
        long clientId = data.client(TestUsers.TEAM_NORTH, "Atelier").id();
        EvaluationDetails older = data.as(TestUsers.WORKER_NORTH, "WORKER",
                () -> evaluations.save(evaluations.blank(clientId, "imasp"), Map.of("illness", "B")));
        int lines = Files.readString(FORMS.resolve("imasp.yaml")).strip().split("\n").length;

        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            browser.signIn(url(""), TestUsers.ADMIN, TestUsers.PASSWORD, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
            browser.driver.get(url("/admin/forms"));
            wait.until(ExpectedConditions.elementToBeClickable(By.id("studio-link-imasp"))).click();
            WebElement textarea = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#studio-editor textarea")));
            wait.until(ExpectedConditions.textToBe(By.id("studio-status"), "Le brouillon est valide"));

            textarea.click();
            textarea.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
            textarea.sendKeys("\nbogus: 1");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("studio-problems"),
                    (lines + 2) + ":1 [unknown-key]"));
            assertThat(browser.driver.findElement(By.id("studio-status")).getText()).startsWith("1 problème(s)");
            browser.driver.findElement(By.cssSelector(".studio-problem")).click();
            ((JavascriptExecutor) browser.driver).executeScript("window.scrollTo(0, 0)");
            browser.screenshot("studio-editor-error");

            textarea.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
            for (int i = 0; i < "\nbogus: 1".length(); i++) {
                textarea.sendKeys(Keys.BACK_SPACE);
            }
            wait.until(ExpectedConditions.textToBe(By.id("studio-status"), "Le brouillon est valide"));

            browser.type("factor-id", "energy_poverty");
            browser.type("factor-fr", "Précarité énergétique");
            browser.type("factor-nl", "Energiearmoede");
            browser.type("factor-en", "Energy poverty");
            browser.driver.findElement(By.id("factor-add")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("studio-diff"),
                    "Ajouté : energy_poverty (scale) « Précarité énergétique »"));
            ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                    browser.driver.findElement(By.id("studio-diff")));
            browser.screenshot("studio-diff");

            browser.type("publish-comment", "Nouveau facteur : précarité énergétique");
            browser.driver.findElement(By.id("publish")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("studio-message"), "est en service"));
            assertThat(catalog.current("imasp").definition().item("energy_poverty")).isPresent();
            assertThat(Files.readString(FORMS.resolve("imasp.yaml"))).contains("- id: energy_poverty");

            browser.driver.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.urlContains("/login"));
            browser.signIn(url(""), TestUsers.WORKER_NORTH, TestUsers.PASSWORD, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));

            browser.driver.get(url("/evaluations/" + older.id().orElseThrow()));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#item-illness vaadin-radio-button[checked]")));
            assertThat(browser.driver.findElements(By.id("item-energy_poverty"))).as("the older IMASP keeps its version").isEmpty();

            browser.driver.get(url("/clients/" + clientId));
            WebElement start = wait.until(ExpectedConditions.elementToBeClickable(By.id("new-evaluation-imasp")));
            ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", start);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#item-energy_poverty vaadin-radio-button")));
            browser.choose("item-energy_poverty", "C");
            browser.screenshot("studio-worker-new-factor");
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Path copyOfForms() {
        return TestForms.copyOf(Path.of("forms"), "parcours-studio-it-");
    }
}
