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
 * Two browser sessions on one CASU aid request, then on one MASP contract: the first one's edit is
 * autosaved; the second one's edit, made on the copy it opened before, shows the conflict dialog,
 * nothing of the first is overwritten, and "reload" shows the first one's answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubmissionConflictIT {

    private static final String ANSWER = """
            SELECT a.answer_value FROM submission_answer a JOIN submission_revision r ON r.id = a.revision_id
            WHERE r.submission_id = (SELECT submission_id FROM %s WHERE id = ?) AND a.item_id = ?
            ORDER BY r.revision_number DESC""";

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoSessionsOnOneAidRequestAndOneContractBothMeetTheConflictDialog() throws Exception {
        long clientId = data.client(TestUsers.TEAM_NORTH, "E2eTwoSessions").id();
        try (BrowserSupport first = new BrowserSupport(); BrowserSupport second = new BrowserSupport()) {
            WebDriverWait firstWait = signIn(first);
            WebDriverWait secondWait = signIn(second);

            first.driver.get(url("/clients/" + clientId + "/aid"));
            click(first, firstWait.until(ExpectedConditions.elementToBeClickable(By.id("aid-request-new"))));
            firstWait.until(ExpectedConditions.urlMatches(".*/aid-requests/[0-9]+$"));
            long requestId = Long.parseLong(first.driver.getCurrentUrl().replaceAll(".*/aid-requests/", ""));
            second.driver.get(url("/aid-requests/" + requestId));
            secondWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item-situation_assessment")));
            bothMeetTheConflict(first, firstWait, second, secondWait, "aid_request", requestId, "item-situation_assessment",
                    "situation_assessment", "aid-conflict");

            first.driver.get(url("/clients/" + clientId + "/contracts"));
            click(first, firstWait.until(ExpectedConditions.elementToBeClickable(By.id("contract-new"))));
            firstWait.until(ExpectedConditions.urlMatches(".*/contracts/[0-9]+$"));
            long contractId = Long.parseLong(first.driver.getCurrentUrl().replaceAll(".*/contracts/", ""));
            second.driver.get(url("/contracts/" + contractId));
            secondWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item-person_commitments")));
            bothMeetTheConflict(first, firstWait, second, secondWait, "masp_contract", contractId, "item-person_commitments",
                    "person_commitments", "contract-conflict");
        }
    }

    private void bothMeetTheConflict(BrowserSupport first, WebDriverWait firstWait, BrowserSupport second, WebDriverWait secondWait,
                                     String table, long id, String field, String itemId, String shot) throws Exception {
        replace(first, firstWait, field, "Theirs: rent arrears");
        firstWait.until(d -> List.of("Theirs: rent arrears").equals(answers(table, id, itemId).stream().limit(1).toList()));

        replace(second, secondWait, field, "Mine: energy debt");
        try {
            secondWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conflict-reload")));
        } catch (RuntimeException e) {
            second.screenshot(shot + "-missing");
            throw e;
        }
        second.screenshot(shot);
        assertThat(answers(table, id, itemId)).as("nothing of the first session overwritten").first().isEqualTo("Theirs: rent arrears");

        click(second, second.driver.findElement(By.id("conflict-reload")));
        secondWait.until(d -> "Theirs: rent arrears".equals(value(second, field)));
        assertThat(answers(table, id, itemId)).first().isEqualTo("Theirs: rent arrears");
    }

    private List<String> answers(String table, long id, String itemId) {
        return jdbc.queryForList(ANSWER.formatted(table), String.class, id, itemId);
    }

    private WebDriverWait signIn(BrowserSupport browser) {
        WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
        browser.signIn(url(""), TestUsers.WORKER_NORTH, TestUsers.PASSWORD, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
        return wait;
    }

    /** The field's text, or null while the screen is being rebuilt (the old field is gone). */
    private static String value(BrowserSupport browser, String id) {
        try {
            return browser.driver.findElement(By.id(id)).findElement(By.cssSelector("textarea")).getAttribute("value");
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return null;
        }
    }

    private static void replace(BrowserSupport browser, WebDriverWait wait, String id, String text) {
        WebElement host = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        WebElement input = host.findElement(By.cssSelector("textarea"));
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
