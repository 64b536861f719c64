package org.parcours.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parcours.clients.ClientSummary;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In Chromium: a worker refused another team's client asks for a justified access from the refusal
 * page, gives a reason, and then reads the file; the reason is in the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JustifiedAccessIT {

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aWorkerOpensAnotherTeamsClientWithAReason() throws Exception {
        assumeTrue(BrowserSupport.available(), "Chromium and chromedriver are needed");
        ClientSummary south = data.client(TestUsers.TEAM_SOUTH, "Justifiee");
        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            String base = "http://localhost:" + port;
            browser.signIn(base, TestUsers.WORKER_NORTH, TestUsers.PASSWORD, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("main-nav")));

            browser.driver.get(base + "/clients/" + south.id());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("client-not-found")));
            assertThat(browser.driver.findElement(By.tagName("body")).getText()).doesNotContain("Justifiee");
            browser.click(By.id("client-justified-access"), Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("justified-reason")));
            browser.type("justified-reason", "the client came to our office in an emergency");
            browser.click(By.id("justified-open"), Duration.ofSeconds(30));

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "JUSTIFIEE"));
        }
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE action = 'JUSTIFIED_ACCESS_OPENED' AND target_id = ?",
                String.class, String.valueOf(south.id()))).singleElement().asString().endsWith(": the client came to our office in an emergency");
    }
}
