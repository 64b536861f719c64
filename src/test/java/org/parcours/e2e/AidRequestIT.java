package org.parcours.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A worker fills a CASU request for two schemes at once in headless Chromium (the remaining income
 * is computed while typing), submits it, and records the decision on one scheme; checked in MariaDB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AidRequestIT {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fillAMultiSchemeRequestSubmitAndDecideOneScheme() throws Exception {
        long clientId = data.client(TestUsers.TEAM_NORTH, "E2eCasu").id();
        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            browser.signIn(url(""), TestUsers.WORKER_NORTH, TestUsers.PASSWORD, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
            browser.driver.get(url("/clients/" + clientId + "/aid"));
            click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.id("aid-request-new"))));
            wait.until(ExpectedConditions.urlMatches(".*/aid-requests/[0-9]+$"));
            long requestId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/aid-requests/", ""));

            replace(browser, wait, "item-resource_minimum_income", "607,75");
            replace(browser, wait, "item-charge_rent", "450,00");
            wait.until(d -> String.valueOf(((JavascriptExecutor) d).executeScript(
                    "const e = document.getElementById('item-remaining_per_person'); return e ? (e.value || e.textContent) : ''"))
                    .matches(".*157[.,]75.*"));
            replace(browser, wait, "item-situation_assessment", "Facture d'énergie impayée après une maladie");
            if (browser.driver.findElements(By.id("item-schemes-1-scheme")).isEmpty()) {
                click(browser, By.id("add-row-schemes"));
            }
            combo(browser, wait, "item-schemes-1-scheme", "Fonds de solidarité logement – énergie");
            replace(browser, wait, "item-schemes-1-amount_requested", "300");
            replace(browser, wait, "item-schemes-1-motivation", "Dette d'énergie");
            click(browser, By.id("add-row-schemes"));
            combo(browser, wait, "item-schemes-2-scheme", "Aide alimentaire");
            replace(browser, wait, "item-schemes-2-motivation", "Colis pour un mois");
            radio(browser, "item-worker_opinion", "Favorable");
            radio(browser, "item-data_sharing_consent", "Oui");

            click(browser, By.id("aid-submit"));
            try {
                status(wait, "En attente");
            } catch (RuntimeException e) {
                browser.screenshot("aid-submit-failed");
                throw new AssertionError("not submitted; issues: " + ((JavascriptExecutor) browser.driver).executeScript(
                        "const e = document.getElementById('aid-issues'); return e ? e.textContent : 'none'"), e);
            }
            browser.screenshot("aid-submitted");
            assertThat(jdbc.queryForList("SELECT scheme_code FROM aid_scheme_request WHERE request_id = ? ORDER BY row_no", String.class,
                    requestId)).containsExactly("fsl-energy", "food");

            click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.id("aid-decide-2"))));
            wait.until(d -> d.findElements(By.cssSelector("#aid-decision vaadin-radio-button")).stream()
                    .anyMatch(r -> r.getText().strip().equals("Accordé")));
            radio(browser, "aid-decision", "Accordé");
            replace(browser, wait, "aid-decision-decider", "Banque alimentaire");
            click(browser, By.id("aid-decision-save"));
            status(wait, "Partiellement décidée");
            browser.screenshot("aid-partly-decided");
            assertThat(jdbc.queryForList("SELECT decision FROM aid_scheme_request WHERE request_id = ? ORDER BY row_no", String.class,
                    requestId)).containsExactly("PENDING", "GRANTED");
        }
    }

    private static void status(WebDriverWait wait, String expected) {
        wait.until(d -> expected.equals(String.valueOf(((JavascriptExecutor) d).executeScript(
                "const e = document.getElementById('aid-status'); return e ? e.textContent.trim() : ''"))));
    }

    private static void radio(BrowserSupport browser, String groupId, String label) {
        List<WebElement> radios = browser.driver.findElements(By.cssSelector("#" + groupId + " vaadin-radio-button"));
        WebElement radio = radios.stream().filter(r -> r.getText().strip().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no radio " + label + " in " + groupId));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", radio);
        radio.findElement(By.cssSelector("input")).click();
    }

    private static void replace(BrowserSupport browser, WebDriverWait wait, String id, String text) {
        WebElement host = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        WebElement input = host.findElements(By.cssSelector("textarea")).stream().findFirst()
                .orElseGet(() -> host.findElement(By.cssSelector("input")));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
    }

    private static void combo(BrowserSupport browser, WebDriverWait wait, String id, String label) {
        WebElement host = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        WebElement input = host.findElement(By.cssSelector("input"));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        input.click();
        input.sendKeys(label);
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty());
        input.sendKeys(Keys.ENTER);
        input.sendKeys(Keys.TAB);
    }

    private static void click(BrowserSupport browser, By by) {
        click(browser, browser.driver.findElement(by));
    }

    private static void click(BrowserSupport browser, WebElement element) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
