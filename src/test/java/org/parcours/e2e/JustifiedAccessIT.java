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
 * page, gives a reason, and then reads the file, told it reads only; the reason is in the audit
 * trail, and the client's own team sees on the client's page who opened it, why and until when, and
 * its responsible worker sees the access and the reading on "who read this file".
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
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("client-read-only")));
            assertThat(browser.driver.findElements(By.id("client-justified-accesses"))).as("the reader does not see the team's list").isEmpty();
        }
        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            String base = "http://localhost:" + port;
            browser.signIn(base, TestUsers.WORKER_SOUTH, TestUsers.PASSWORD, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("main-nav")));

            browser.driver.get(base + "/clients/" + south.id());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("client-justified-accesses")));
            String list = browser.driver.findElement(By.id("client-justified-accesses")).getText();
            assertThat(list).as("the south team sees who, why and until when").contains(TestUsers.WORKER_NORTH,
                    "the client came to our office in an emergency");
            java.time.LocalDateTime until = jdbc.queryForObject("SELECT expires_at FROM break_glass_access WHERE client_id = ?",
                    java.time.LocalDateTime.class, south.id());
            java.time.ZonedDateTime shown = until.atZone(java.time.ZoneOffset.UTC).withZoneSameInstant(java.time.ZoneId.systemDefault());
            assertThat(java.util.stream.Stream.of(java.util.Locale.FRENCH, java.util.Locale.ENGLISH, java.util.Locale.of("nl"))
                    .map(l -> java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM,
                            java.time.format.FormatStyle.SHORT).withLocale(l).format(shown)))
                    .as("until when, as the page writes it").anyMatch(list::contains);
            assertThat(browser.driver.findElements(By.id("client-read-only"))).as("the team changes its own file").isEmpty();

            // the responsible worker's "who read this file": the north worker's access and reading
            browser.click(By.id("client-readers"), Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("readers")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("readers"), "JUSTIFIED_ACCESS_OPENED"));
            String readers = browser.driver.findElement(By.id("readers")).getText();
            assertThat(readers).contains(TestUsers.WORKER_NORTH, "CLIENT_READ", "the client came to our office in an emergency");
        }
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE action = 'JUSTIFIED_ACCESS_OPENED' AND target_id = ?",
                String.class, String.valueOf(south.id()))).singleElement().asString().endsWith(": the client came to our office in an emergency");
    }
}
