package org.parcours.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parcours.clients.ClientSummary;
import org.parcours.demo.DemoDataGenerator;
import org.parcours.aid.AidRequestDetails;
import org.parcours.aid.AidService;
import org.parcours.aid.AidServiceTests;
import org.parcours.aid.SchemeDecision;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in a real browser over deterministic demo data (plus a few CASU requests decided
 * today, for this month's row): every figure's table is there with its chart drawn (an SVG with
 * shapes, legend in French), and a screenshot is kept in
 * target/screenshots/dashboard.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportingIT {

    @LocalServerPort
    int port;

    @Autowired
    DemoDataGenerator demo;

    @Autowired
    TestData data;

    @Autowired
    AidService aid;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void theAdministratorSeesTheDashboardOfTheDemoData() throws Exception {
        assumeTrue(BrowserSupport.available(), "Chromium and chromedriver are needed");
        demo.generate(9, new DemoDataGenerator.Size(3, 1, 12, 2), LocalDate.now());
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "CasuDashboard");
        // three CASU requests through the aid workflow, one scheme each, granted by a decision recorded today
        long grantedBefore = jdbc.queryForObject("""
                SELECT COUNT(*) FROM aid_scheme_request WHERE decision IN ('GRANTED', 'PARTLY_GRANTED') AND decided_on >= ?""",
                Long.class, java.time.YearMonth.now().atDay(1));
        for (String scheme : List.of("food", "fsl", "food")) {
            data.as(TestUsers.WORKER_NORTH, "WORKER", () -> {
                AidRequestDetails draft = aid.create(client.id());
                AidRequestDetails submitted = aid.submit(draft.id(), draft.lockVersion(), AidServiceTests.casu(scheme, "100.00"));
                return aid.decide(submitted.id(), submitted.schemes().getFirst().id(), SchemeDecision.GRANTED, null, "Comité CASU",
                        LocalDate.now(), null);
            });
        }

        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            browser.signIn("http://localhost:" + port, TestUsers.ADMIN, TestUsers.PASSWORD, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("main-nav")));
            browser.driver.get("http://localhost:" + port + "/reports/dashboard");
            WebElement factors = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard-factors-table")));
            assertThat(factors.getText()).contains("Maladie / hospitalisation");
            assertThat(browser.driver.findElement(By.id("dashboard-due-table")).getText()).contains("Demo 9");
            assertThat(browser.driver.findElement(By.id("dashboard-schemes-table")).getText()).contains("Aide alimentaire");
            WebElement thisMonth = browser.driver.findElements(By.cssSelector("#dashboard-schemes-table tr")).stream()
                    .filter(row -> row.getText().startsWith(java.time.YearMonth.now().toString())).findFirst().orElseThrow();
            assertThat(thisMonth.findElements(By.cssSelector("td")).stream().map(cell -> cell.getText().strip())
                    .filter(text -> text.matches("[0-9]+")).mapToLong(Long::parseLong).sum())
                    .as("the three schemes granted today through the CASU requests, besides earlier tests'").isEqualTo(grantedBefore + 3);
            // each chart is drawn by ECharts as an SVG inside parcours-chart's shadow root, with a size and shapes
            for (String figure : List.of("factors", "activation", "due", "time", "schemes")) {
                String chart = "dashboard-" + figure + "-chart";
                wait.until(driver -> ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                        "return arguments[0].shadowRoot?.querySelector('svg path') != null", driver.findElement(By.id(chart))));
                @SuppressWarnings("unchecked")
                Map<String, Object> svg = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("""
                        const svg = arguments[0].shadowRoot.querySelector('svg');
                        const box = svg.getBoundingClientRect();
                        return {width: box.width, height: box.height, shapes: svg.querySelectorAll('path').length,
                                text: [...svg.querySelectorAll('text')].map(t => t.textContent).join('|')};""",
                        browser.driver.findElement(By.id(chart)));
                assertThat(((Number) svg.get("width")).doubleValue()).as(chart + " width").isGreaterThan(100);
                assertThat(((Number) svg.get("height")).doubleValue()).as(chart + " height").isGreaterThan(100);
                assertThat(((Number) svg.get("shapes")).longValue()).as(chart + " bars or lines").isGreaterThan(2);
                if (figure.equals("due")) {
                    assertThat((String) svg.get("text")).as("legend and axis in French").contains("En retard", "Bientôt à faire");
                }
            }
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2600));
            browser.screenshot("dashboard");
        }
    }
}
