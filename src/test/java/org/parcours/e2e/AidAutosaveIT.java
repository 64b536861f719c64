package org.parcours.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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
 * Autosave keeps a half-filled CASU request across a browser close: a worker types two answers
 * and closes Chromium without pressing save; in a new browser the request shows them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AidAutosaveIT {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aHalfFilledRequestSurvivesABrowserClose() throws Exception {
        long clientId = data.client(TestUsers.TEAM_NORTH, "E2eCasuAutosave").id();
        long requestId;
        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            browser.signIn(url(""), TestUsers.WORKER_NORTH, TestUsers.PASSWORD, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
            browser.driver.get(url("/clients/" + clientId + "/aid"));
            click(browser, wait.until(ExpectedConditions.elementToBeClickable(By.id("aid-request-new"))));
            wait.until(ExpectedConditions.urlMatches(".*/aid-requests/[0-9]+$"));
            requestId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/aid-requests/", ""));

            try {
                replace(browser, wait, "item-charge_rent", "450,00");
                replace(browser, wait, "item-situation_assessment", "Facture d'énergie impayée");
            } catch (RuntimeException e) {
                browser.screenshot("aid-autosave-typing-failed");
                throw e;
            }
            long id = requestId;
            new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> saved(id, "charge_rent") && saved(id, "situation_assessment"));
            browser.screenshot("aid-autosaved");
        } // the browser is closed without pressing save

        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            browser.signIn(url(""), TestUsers.WORKER_NORTH, TestUsers.PASSWORD, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
            browser.driver.get(url("/aid-requests/" + requestId));
            WebElement host = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item-situation_assessment")));
            assertThat(host.findElement(By.cssSelector("textarea")).getAttribute("value")).isEqualTo("Facture d'énergie impayée");
            assertThat(jdbc.queryForObject("SELECT a.answer_value FROM submission_answer a JOIN submission_revision r ON r.id = a.revision_id JOIN aid_request q ON q.submission_id = r.submission_id "
                    + "WHERE q.id = ? AND a.item_id = 'charge_rent'",
                    String.class, requestId)).isEqualTo("450.00");
        }
    }

    private boolean saved(long requestId, String itemId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM submission_answer a JOIN submission_revision r ON r.id = a.revision_id JOIN aid_request q ON q.submission_id = r.submission_id "
                    + "WHERE q.id = ? AND a.item_id = ?", Integer.class,
                requestId, itemId) > 0;
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

    private static void click(BrowserSupport browser, WebElement element) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
