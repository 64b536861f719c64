package org.parcours.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
 * A worker drafts a MASP contract from the client file in headless Chromium, fills the template,
 * signs it, records the evaluation of its objective and renews it; the rows are checked in MariaDB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContractRenewalIT {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void draftSignEvaluateAndRenewAContract() throws Exception {
        long clientId = data.client(TestUsers.TEAM_NORTH, "E2eContrat").id();
        String today = LocalDate.now().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            browser.signIn(url(""), TestUsers.WORKER_NORTH, TestUsers.PASSWORD, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
            browser.driver.get(url("/clients/" + clientId));
            click(browser, wait.until(ExpectedConditions.presenceOfElementLocated(By.id("client-contracts"))));
            click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.id("contract-new"))));
            wait.until(ExpectedConditions.urlMatches(".*/contracts/[0-9]+$"));
            long contractId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/contracts/", ""));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#item-level vaadin-radio-button")));

            radio(browser, "item-level", "Niveau 1");
            if (browser.driver.findElements(By.id("item-objectives-1-objective")).isEmpty()) {
                click(browser, By.id("add-row-objectives"));
            }
            type(browser, wait, "item-objectives-1-objective", "Payer le loyer chaque mois");
            type(browser, wait, "item-objectives-1-evaluation_criteria", "Quittances de loyer");
            type(browser, wait, "item-person_commitments", "Apporter les quittances");
            type(browser, wait, "item-service_commitments", "Un rendez-vous tous les quinze jours");
            type(browser, wait, "item-start_date", today);
            type(browser, wait, "item-duration_months", "6");
            radio(browser, "item-person_adhesion", "Oui");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item-adhesion_date")));
            type(browser, wait, "item-adhesion_date", today);

            click(browser, By.id("contract-sign"));
            click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.id("contract-sign-confirm"))));
            try {
                status(wait, "En cours");
            } catch (RuntimeException e) {
                browser.screenshot("contract-sign-failed");
                throw new AssertionError("not signed; issues: " + ((JavascriptExecutor) browser.driver).executeScript(
                        "const e = document.getElementById('contract-issues'); return e ? e.textContent : 'none'"), e);
            }
            browser.screenshot("contract-signed");

            click(browser, By.id("contract-evaluate"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#contract-result-1 vaadin-radio-button")));
            radio(browser, "contract-result-1", "Atteint");
            type(browser, wait, "contract-evaluation-text", "Loyer payé chaque mois");
            click(browser, By.id("contract-evaluate-confirm"));
            status(wait, "Évalué");

            click(browser, By.id("contract-renew"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contract-renew-months")));
            click(browser, By.id("contract-renew-confirm"));
            wait.until(d -> !d.getCurrentUrl().endsWith("/contracts/" + contractId));
            status(wait, "Brouillon");
            browser.screenshot("contract-renewal-draft");

            assertThat(jdbc.queryForList("SELECT c.status FROM masp_contract c JOIN submission s ON s.id = c.submission_id WHERE s.client_id = ? ORDER BY c.id", String.class, clientId))
                    .containsExactly("RENEWED", "DRAFT");
            assertThat(jdbc.queryForObject("SELECT c.previous_contract_id FROM masp_contract c JOIN submission s ON s.id = c.submission_id "
                    + "WHERE s.client_id = ? AND c.status = 'DRAFT'",
                    Long.class, clientId)).isEqualTo(contractId);
            List<String> evaluation = jdbc.queryForList("SELECT result FROM masp_contract_objective_result WHERE contract_id = ?",
                    String.class, contractId);
            assertThat(evaluation).containsExactly("MET");
        }
    }

    private static void status(WebDriverWait wait, String expected) {
        wait.until(d -> expected.equals(String.valueOf(((JavascriptExecutor) d).executeScript(
                "const e = document.getElementById('contract-status'); return e ? e.textContent.trim() : ''"))));
    }

    private static void radio(BrowserSupport browser, String groupId, String labelStart) {
        List<WebElement> radios = browser.driver.findElements(By.cssSelector("#" + groupId + " vaadin-radio-button"));
        WebElement radio = radios.stream().filter(r -> r.getText().strip().startsWith(labelStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no radio " + labelStart + " in " + groupId));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", radio);
        radio.findElement(By.cssSelector("input")).click();
    }

    private static void type(BrowserSupport browser, WebDriverWait wait, String id, String text) {
        WebElement host = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        WebElement input = host.findElements(By.cssSelector("textarea")).stream().findFirst()
                .orElseGet(() -> host.findElement(By.cssSelector("input")));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        input.click();
        input.sendKeys(text);
        if (host.getTagName().equals("vaadin-date-picker") || !host.findElements(By.cssSelector("vaadin-date-picker")).isEmpty()) {
            input.sendKeys(Keys.ENTER);
            input.sendKeys(Keys.ESCAPE);
            wait.until(d -> d.findElements(By.cssSelector("vaadin-date-picker-overlay[opened]")).isEmpty());
        }
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
