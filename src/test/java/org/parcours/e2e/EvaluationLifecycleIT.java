package org.parcours.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * A worker fills an IMASP partly, closes the browser (the draft was saved automatically), signs
 * in again, resumes, submits, then amends with a reason and submits again; the revisions and
 * their answer rows are checked in MariaDB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvaluationLifecycleIT {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fillPartlyCloseResumeSubmitAndAmend() throws Exception {
        long clientId = data.client(TestUsers.TEAM_NORTH, "Cycle").id();
        long evaluationId;
        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            signIn(browser, wait);
            browser.driver.get(url("/clients/" + clientId));
            browser.click(By.id("new-evaluation-imasp"), Duration.ofSeconds(60));
            browser.reveal(By.cssSelector("#item-illness vaadin-radio-button"), Duration.ofSeconds(60));
            browser.choose("item-illness", "B");
            // saved automatically: the address names the stored evaluation
            wait.until(ExpectedConditions.urlMatches(".*/evaluations/[0-9]+$"));
            wait.until(ExpectedConditions.textMatches(By.id("save-state"), java.util.regex.Pattern.compile(".*(enregistré|saved|opgeslagen).*")));
            evaluationId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/evaluations/", ""));
        } // the browser is closed without pressing anything

        assertThat(data.answerRows(evaluationId, 1)).containsEntry("illness", "B");
        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            signIn(browser, wait);
            browser.driver.get(url("/evaluations/" + evaluationId));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#item-illness vaadin-radio-button[checked]")));
            assertThat(browser.checkedLabel("item-illness")).isEqualTo("B");
            browser.choose("item-homeless", "C");
            browser.driver.findElement(By.id("submit-evaluation")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("amend-evaluation")));
            browser.screenshot("lifecycle-submitted");

            browser.driver.findElement(By.id("amend-evaluation")).click();
            WebElement reason = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#amend-reason textarea")));
            reason.sendKeys("Hospitalisation signalée après coup");
            browser.driver.findElement(By.id("amend-confirm")).click();
            wait.until(d -> String.valueOf(((JavascriptExecutor) d).executeScript(
                    "const r = document.getElementById('amendment-reason'); return r ? r.textContent : ''")).contains("Hospitalisation"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#item-illness vaadin-radio-button")));
            browser.choose("item-illness", "C");
            browser.driver.findElement(By.id("submit-evaluation")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("amend-evaluation")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("evaluation-history")));
            browser.screenshot("lifecycle-amended");
        }

        // with the "SA and PA" answer the new IMASP started with from the client's status (followed)
        assertThat(data.answerRows(evaluationId, 1)).isEqualTo(Map.of("illness", "B", "homeless", "C", "track", "social-professional"));
        assertThat(data.answerRows(evaluationId, 2)).isEqualTo(Map.of("illness", "C", "homeless", "C", "track", "social-professional"));
        assertThat(jdbc.queryForList("SELECT status FROM submission_revision WHERE submission_id = ? ORDER BY revision_number",
                String.class, evaluationId)).containsExactly("SUBMITTED", "SUBMITTED");
        assertThat(jdbc.queryForObject("SELECT reason FROM submission_revision WHERE submission_id = ? AND revision_number = 2",
                String.class, evaluationId)).isEqualTo("Hospitalisation signalée après coup");
        assertThat(jdbc.queryForObject("SELECT CASE WHEN r.status = 'SUBMITTED' THEN 'SUBMITTED' WHEN r.revision_number = 1 THEN 'DRAFT' ELSE 'AMENDING' END "
                + "FROM submission_revision r WHERE r.submission_id = ? ORDER BY r.revision_number DESC LIMIT 1", String.class, evaluationId)).isEqualTo("SUBMITTED");
    }

    private void signIn(BrowserSupport browser, WebDriverWait wait) {
        browser.signIn(url(""), TestUsers.WORKER_NORTH, TestUsers.PASSWORD, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
