package org.parcours.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parcours.clients.ClientSummary;
import org.parcours.committee.AgendaQuestion;
import org.parcours.committee.MeetingService;
import org.parcours.evaluations.EvaluationService;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A committee meeting in a real browser: a client with three IMASP measurements is proposed by
 * its worker; the committee member opens the meeting, the client's coloured history from the
 * agenda, comes back and grants the request; the decision row is then read from MariaDB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommitteeMeetingIT {

    private static final String MOTIVATION = "Problème persistant de logement constaté sur trois mesures.";

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    MeetingService meetings;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCommitteeReadsTheHistoryFromTheAgendaAndGrantsTheRequest() throws Exception {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Comité");
        String[][] rounds = {{"A", "C"}, {"B", "C"}, {"B", "C"}};
        data.as(TestUsers.WORKER_NORTH, "WORKER", () -> {
            for (String[] codes : rounds) {
                evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", codes[0], "homeless", codes[1]));
            }
            return null;
        });
        long meetingId = data.as(TestUsers.COMMITTEE, "COMMITTEE",
                () -> meetings.create(LocalDate.now().plusDays(7), List.of("Alice Martin", "Bob Peeters")).id());
        long itemId = data.as(TestUsers.WORKER_NORTH, "WORKER",
                () -> meetings.propose(meetingId, client.id(), AgendaQuestion.SOCIAL_ONLY, "Logement instable"));

        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            browser.signIn(url(""), TestUsers.COMMITTEE, TestUsers.PASSWORD, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("main-nav")));

            browser.driver.get(url("/committee/meetings/" + meetingId));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("meeting-title")));
            WebElement print = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("print-meeting")));
            assertThat(print.getAttribute("target")).isEqualTo("_blank");
            assertThat(print.getAttribute("href")).endsWith("/print/meetings/" + meetingId + ".pdf");
            assertThat(browser.driver.findElement(By.id("agenda-question-" + itemId)).getText()).contains("Logement instable");
            browser.screenshot("committee-meeting");

            wait.until(ExpectedConditions.elementToBeClickable(By.id("agenda-client-" + itemId))).click();
            WebElement cell = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history-cell-homeless-0")));
            assertThat(cell.getAttribute("data-colour")).isEqualTo("red");
            assertThat(cell.getText()).isEqualTo("C");
            assertThat(browser.driver.findElement(By.id("history-cell-illness-2")).getAttribute("data-colour")).isEqualTo("green");
            assertThat(browser.driver.findElement(By.id("history-title")).getText()).contains("COMITÉ Test");
            browser.screenshot("committee-history");

            browser.driver.navigate().back();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("agenda-decide-" + itemId))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#decision-outcome vaadin-radio-button")));
            Set<String> granted = Set.of("Accordé", "Granted", "Toegekend");
            WebElement radio = browser.driver.findElements(By.cssSelector("#decision-outcome vaadin-radio-button")).stream()
                    .filter(r -> granted.contains(r.getText().strip())).findFirst()
                    .orElseThrow(() -> new AssertionError("no 'granted' choice"));
            radio.findElement(By.cssSelector("input")).click();
            WebElement motivation = browser.driver.findElement(By.cssSelector("#decision-motivation textarea"));
            motivation.sendKeys(MOTIVATION);
            motivation.sendKeys(Keys.TAB); // the text area sends its value to the server on change (blur)
            browser.screenshot("committee-decision-dialog");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("decision-save"))).click();

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("agenda-outcome-" + itemId)));
            assertThat(browser.driver.findElement(By.id("agenda-decision-" + itemId)).getAttribute("data-outcome")).isEqualTo("GRANTED");
            browser.screenshot("committee-decided");
        }

        Map<String, Object> row = jdbc.queryForMap(
                "SELECT outcome, motivation, recorded_by, members, corrects_decision_id FROM committee_decision WHERE agenda_item_id = ?", itemId);
        assertThat(row.get("outcome")).isEqualTo("GRANTED");
        assertThat(row.get("motivation")).isEqualTo(MOTIVATION);
        assertThat(row.get("recorded_by")).isEqualTo(TestUsers.COMMITTEE);
        assertThat(String.valueOf(row.get("members"))).contains("Alice Martin", "Bob Peeters");
        assertThat(row.get("corrects_decision_id")).isNull();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
