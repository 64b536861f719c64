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
 * The first slice in a real browser: sign in, open a client, fill two IMASP factors, save; then
 * the answer rows are read from MariaDB. Also: a wrong password gets one generic message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImaspEndToEndIT {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aWorkerFillsTwoFactorsAndTheRowsAreInMariaDb() throws Exception {
        long clientId = data.client(TestUsers.TEAM_NORTH, "Navigateur").id();
        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            signIn(browser, wait, TestUsers.WORKER_NORTH, TestUsers.PASSWORD);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));

            browser.driver.get(url("/clients/" + clientId));
            wait.until(ExpectedConditions.textToBe(By.id("client-name"), "NAVIGATEUR Test"));
            browser.click(By.id("new-evaluation-imasp"), Duration.ofSeconds(60));

            browser.reveal(By.cssSelector("#item-illness vaadin-radio-button"), Duration.ofSeconds(60));
            browser.choose("item-illness", "B");
            browser.choose("item-homeless", "C");
            browser.screenshot("imasp-filled");
            browser.driver.findElement(By.id("save-evaluation")).click();
            wait.until(ExpectedConditions.urlMatches(".*/evaluations/[0-9]+$"));

            long evaluationId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/evaluations/", ""));
            // the first choice was saved automatically (hence the address); the save click stores the second
            // with the "SA and PA" answer the new IMASP started with from the client's status (followed)
            wait.until(d -> data.answerRows(evaluationId).size() == 3);
            assertThat(jdbc.queryForObject("SELECT client_id FROM submission WHERE kind = 'EVALUATION' AND id = ?", Long.class, evaluationId)).isEqualTo(clientId);
            assertThat(data.answerRows(evaluationId)).isEqualTo(Map.of("illness", "B", "homeless", "C", "track", "social-professional"));

            // reopened from the server after a reload: the saved choices are shown
            browser.driver.navigate().refresh();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#item-illness vaadin-radio-button[checked]")));
            assertThat(browser.checkedLabel("item-illness")).isEqualTo("B");
            assertThat(browser.checkedLabel("item-homeless")).isEqualTo("C");
            browser.screenshot("imasp-reopened");
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithOneGenericMessageInFrench() throws Exception {
        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            signIn(browser, wait, TestUsers.WORKER_NORTH, "not-the-password");

            wait.until(ExpectedConditions.urlContains("login?error"));
            WebElement login = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return arguments[0].error", login)));
            String page = (String) ((JavascriptExecutor) browser.driver).executeScript(
                    "return arguments[0].shadowRoot ? arguments[0].innerText + JSON.stringify(arguments[0].i18n) : ''", login);
            assertThat(page).contains("Nom d'utilisateur ou mot de passe incorrect")
                    .doesNotContainIgnoringCase("exception").doesNotContain("not-the-password");
            browser.screenshot("login-error");
        }
    }

    @Test
    void theLanguageSwitchIsKeptAcrossSignInsAndAnAdministratorRouteIsRefusedToAWorker() throws Exception {
        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            signIn(browser, wait, TestUsers.WORKER_NORTH, TestUsers.PASSWORD);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main-nav"), "Dossiers clients"));

            browser.driver.findElement(By.cssSelector("vaadin-select")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-select-item[normalize-space()='Nederlands']"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main-nav"), "Cliëntdossiers"));

            browser.driver.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.urlContains("/login"));
            wait.until(d -> String.valueOf(((JavascriptExecutor) d).executeScript(
                    "const form = document.querySelector('vaadin-login-form'); return form ? JSON.stringify(form.i18n) : ''")).contains("Aanmelden"));
            signIn(browser, wait, TestUsers.WORKER_NORTH, TestUsers.PASSWORD);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main-nav"), "Cliëntdossiers"));

            browser.driver.get(url("/admin/users"));
            wait.until(ExpectedConditions.textToBe(By.id("not-found"), "Deze pagina bestaat niet of u hebt er geen toegang toe."));
            assertThat(browser.driver.findElements(By.id("user-grid"))).isEmpty();
            assertThat(jdbc.queryForList("SELECT target_id FROM audit_event WHERE actor = ? AND action = 'ACCESS_DENIED' AND target_type = 'route'",
                    String.class, TestUsers.WORKER_NORTH)).contains("admin/users");
            assertThat(browser.driver.getPageSource()).doesNotContain("admin@").doesNotContain("worker2");
            browser.screenshot("worker-refused-admin");
        }
    }

    private void signIn(BrowserSupport browser, WebDriverWait wait, String username, String password) {
        browser.signIn(url(""), username, password, Duration.ofSeconds(60));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
