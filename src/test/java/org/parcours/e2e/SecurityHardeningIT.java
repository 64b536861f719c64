package org.parcours.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parcours.security.Role;
import org.parcours.security.UserAccounts;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium, with the Content-Security-Policy the app sends: the views work and the console
 * reports no policy violation; a locked sign-in shows its message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHardeningIT {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    UserAccounts accounts;

    @Test
    void theViewsWorkUnderTheContentSecurityPolicyWithoutViolations() throws Exception {
        long clientId = data.client(TestUsers.TEAM_NORTH, "Politique").id();
        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            List<String> console = new ArrayList<>();
            browser.signIn(url(""), TestUsers.ADMIN, TestUsers.PASSWORD, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("main-nav")));
            console.addAll(browser.consoleMessages());

            browser.driver.get(url("/admin/audit"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-grid")));
            wait.until(d -> (Long) ((JavascriptExecutor) d).executeScript(
                    "return document.getElementById('audit-grid').querySelectorAll('vaadin-grid-cell-content').length") > 6);
            browser.screenshot("audit-view");
            console.addAll(browser.consoleMessages());

            browser.driver.get(url("/clients/" + clientId));
            wait.until(ExpectedConditions.textToBe(By.id("client-name"), "POLITIQUE Test"));
            browser.click(By.id("new-evaluation-imasp"), Duration.ofSeconds(60));
            browser.reveal(By.cssSelector("#item-illness vaadin-radio-button"), Duration.ofSeconds(60));
            browser.choose("item-illness", "B");
            wait.until(ExpectedConditions.urlMatches(".*/evaluations/[0-9]+$"));
            browser.screenshot("evaluation-under-csp");
            console.addAll(browser.consoleMessages());
            // the console is really read: a message of our own comes back
            ((JavascriptExecutor) browser.driver).executeScript("console.error('parcours-console-probe')");
            assertThat(browser.consoleMessages()).anyMatch(m -> m.contains("parcours-console-probe"));

            assertThat(console).as("browser console").noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));
        }
    }

    @Test
    void aLockedSignInShowsItsMessageEvenForTheRightPassword() throws Exception {
        String name = "locked-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        accounts.create(name, "right-Password-7", "Locked user", Set.of(Role.WORKER), Set.of(TestUsers.TEAM_NORTH));
        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            for (int i = 0; i < 5; i++) {
                browser.signIn(url(""), name, "wrong-" + i, Duration.ofSeconds(60));
                wait.until(ExpectedConditions.urlContains("login?error"));
            }
            browser.signIn(url(""), name, "right-Password-7", Duration.ofSeconds(60));
            wait.until(ExpectedConditions.urlContains("login?locked="));
            wait.until(d -> String.valueOf(((JavascriptExecutor) d).executeScript(
                    "const form = document.querySelector('vaadin-login-form'); return form && form.error ? JSON.stringify(form.i18n) : ''"))
                    .contains("Connexion temporairement bloquée"));
            browser.screenshot("login-locked");
        }
    }

    @Test
    @org.springframework.security.test.context.support.WithUserDetails(TestUsers.ADMIN)
    void aUserDisabledWhileTheirTabIsOpenIsSentToTheSignInPageAtTheirNextClick(
            @Autowired org.parcours.security.UserAdministration admin) throws Exception {
        String name = "open-tab-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        accounts.create(name, "right-Password-7", "Open tab", Set.of(Role.COMMITTEE), Set.of());
        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            browser.signIn(url(""), name, "right-Password-7", Duration.ofSeconds(60));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("main-nav")));

            admin.setEnabled(admin.users().stream().filter(u -> u.username().equals(name)).findFirst().orElseThrow().id(), false);
            // a navigation inside the open tab: a request of Vaadin's client, not a page load
            browser.click(By.cssSelector("#main-nav vaadin-side-nav-item"), Duration.ofSeconds(30));

            wait.until(ExpectedConditions.urlContains("login?ended"));
            wait.until(d -> String.valueOf(((JavascriptExecutor) d).executeScript(
                    "const form = document.querySelector('vaadin-login-form'); return form && form.error ? JSON.stringify(form.i18n) : ''"))
                    .contains("Session terminée"));
            browser.screenshot("session-ended");
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
