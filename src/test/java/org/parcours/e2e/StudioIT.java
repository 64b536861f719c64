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
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
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
 * (the problem shows at its line and column, with a marker in the CodeMirror editor), fixes it, adds a factor to the housing group with the
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
            // CodeMirror renders in the editor element's shadow root
            SearchContext editor = wait.until(driver -> driver.findElement(By.id("studio-editor")).getShadowRoot());
            WebElement content = wait.until(driver -> editor.findElement(By.cssSelector(".cm-content")));
            wait.until(ExpectedConditions.textToBe(By.id("studio-status"), "Le brouillon est valide"));
            JavascriptExecutor js = (JavascriptExecutor) browser.driver;

            content.click();
            content.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
            content.sendKeys(Keys.chord(Keys.CONTROL, Keys.SPACE));
            WebElement completions = wait.until(driver -> editor.findElement(By.cssSelector(".cm-tooltip-autocomplete")));
            assertThat(completions.getText()).as("the schema's keys offered at the start of a key").contains("sections", "label");
            content.sendKeys(Keys.ESCAPE);
            // the file ends with a newline: the last, empty line is lines + 1
            content.sendKeys("bogus: 1");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("studio-problems"),
                    (lines + 1) + ":1 [unknown-key]"));
            assertThat(browser.driver.findElement(By.id("studio-status")).getText()).startsWith("1 problème(s)");
            WebElement marked = wait.until(driver -> editor.findElement(By.cssSelector(".cm-lintRange-error")));
            assertThat(marked.getText()).as("the marked word").isEqualTo("bogus");
            assertThat(js.executeScript("""
                    const root = document.getElementById('studio-editor').shadowRoot;
                    const marker = root.querySelector('.cm-lint-marker-error').closest('.cm-gutterElement');
                    const top = marker.getBoundingClientRect().top;
                    const numbers = [...root.querySelectorAll('.cm-lineNumbers .cm-gutterElement')];
                    return numbers.find(n => Math.abs(n.getBoundingClientRect().top - top) < 2)?.textContent;"""))
                    .as("the gutter marker on the line of the problem").isEqualTo(String.valueOf(lines + 1));
            browser.click(By.cssSelector(".studio-problem"), Duration.ofSeconds(10));
            // the problem's line is selected (the cursor at its end makes it the active line) and the editor has the focus
            wait.until(driver -> Boolean.TRUE.equals(js.executeScript("""
                    const root = document.getElementById('studio-editor').shadowRoot;
                    return !!root.activeElement?.classList.contains('cm-content') && root.querySelector('.cm-selectionBackground') !== null
                        && root.querySelector('.cm-activeLine')?.textContent === 'bogus: 1';""")));
            js.executeScript("window.scrollTo(0, 0)");
            browser.screenshot("studio-editor-error");

            content.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
            for (int i = 0; i < "bogus: 1".length(); i++) {
                content.sendKeys(Keys.BACK_SPACE);
            }
            // the status is scrolled out of the window here, where Selenium's visible text can read empty
            wait.until(ExpectedConditions.attributeToBe(By.id("studio-status"), "textContent", "Le brouillon est valide"));
            wait.until(driver -> editor.findElements(By.cssSelector(".cm-lintRange-error")).isEmpty());
            // Tab indents inside the editor; Escape then Tab leaves it (no keyboard trap)
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            assertThat(js.executeScript("return document.getElementById('studio-editor').shadowRoot.activeElement?.className"))
                    .as("Tab alone indents and stays").asString().contains("cm-content");
            content.sendKeys(Keys.chord(Keys.CONTROL, "z"));
            new Actions(browser.driver).sendKeys(Keys.ESCAPE).sendKeys(Keys.TAB).perform();
            assertThat(js.executeScript("return document.activeElement?.id")).as("focus left the editor").isNotEqualTo("studio-editor");

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
