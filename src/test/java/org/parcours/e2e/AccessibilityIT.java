package org.parcours.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parcours.demo.DemoCaseWork;
import org.parcours.demo.DemoDataGenerator;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every main page, over the demo data, in the light and in the dark scheme: axe-core (the script
 * the Deque test artifact carries) finds no WCAG 2.1 A/AA violation, colour contrast included.
 * A screenshot of each page and scheme is kept in target/screenshots/a11y-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessibilityIT {

    private static final String AXE_RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
              .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + '\\n'
                  + v.nodes.slice(0, 5).map(n => '    ' + n.target.join(' > ') + ' :: ' + (n.failureSummary || '').replace(/\\n/g, ' ')).join('\\n'))))
              .catch(e => done(['axe failed: ' + e]));""";

    /** Vaadin has answered every request and nothing is pending. */
    private static final String SETTLED = """
            return document.readyState === 'complete' && !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients
              && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive());""";

    @LocalServerPort
    int port;

    @Autowired
    DemoDataGenerator demo;

    @Test
    void everyMainPageHasNoWcagViolationInTheLightAndTheDarkScheme() throws Exception {
        assumeTrue(BrowserSupport.available(), "Chromium and chromedriver are needed");
        DemoDataGenerator.Result result = demo.generate(31, new DemoDataGenerator.Size(1, 1, 6, 2), LocalDate.now());
        DemoCaseWork.Result work = result.caseWork();
        long client = result.clientIds().getFirst();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("clients", "/clients");
        pages.put("client", "/clients/" + client);
        pages.put("imasp", "/evaluations/" + result.evaluationIds().getLast());
        pages.put("history", "/clients/" + client + "/history");
        pages.put("compare", "/clients/" + client + "/history/compare");
        pages.put("meetings", "/committee/meetings");
        pages.put("agenda", "/committee/meetings/" + work.meetingIds().getFirst());
        pages.put("aid-request", "/aid-requests/" + work.aidRequestIds().getFirst());
        pages.put("contract", "/contracts/" + work.contractIds().getFirst());
        pages.put("dashboard", "/reports/dashboard");
        pages.put("exports", "/reports/export");
        pages.put("studio", "/admin/forms/imasp");
        pages.put("users", "/admin/users");
        String axe = axeScript();
        List<String> violations = new ArrayList<>();

        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(90));
            browser.driver.get(url("/login"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form")));
            violations.addAll(check(browser, wait, axe, "login", "light"));

            browser.signIn(url(""), TestUsers.ADMIN, TestUsers.PASSWORD, Duration.ofSeconds(90));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("main-nav")));
            for (Map.Entry<String, String> page : pages.entrySet()) {
                open(browser, wait, page.getValue());
                violations.addAll(check(browser, wait, axe, page.getKey(), "light"));
                if (page.getKey().equals("imasp")) {
                    assertThat(earlierScoreLuminance(browser)).as("an earlier score's background in the light scheme").isGreaterThan(0.4);
                }
            }

            // the header's switch: the page turns dark at once and stays dark on the next page loads
            browser.click(By.id("colour-scheme"), Duration.ofSeconds(30));
            wait.until(d -> scheme(browser).contains("dark"));
            assertThat(browser.driver.findElement(By.id("colour-scheme")).getAttribute("aria-pressed")).isEqualTo("true");
            for (Map.Entry<String, String> page : pages.entrySet()) {
                open(browser, wait, page.getValue());
                assertThat(scheme(browser)).as("the remembered scheme on %s", page.getKey()).contains("dark");
                violations.addAll(check(browser, wait, axe, page.getKey(), "dark"));
                if (page.getKey().equals("imasp")) {
                    assertThat(earlierScoreLuminance(browser)).as("an earlier score's background in the dark scheme").isBetween(0.0, 0.1);
                }
            }
            browser.driver.manage().deleteAllCookies();
            browser.driver.get(url("/login"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form")));
            assertThat(scheme(browser)).as("a browser that never chose sees the light scheme").doesNotContain("dark");
        }
        assertThat(violations).as("WCAG 2.1 AA violations found by axe-core").isEmpty();
    }

    private void open(BrowserSupport browser, WebDriverWait wait, String path) {
        browser.driver.get(url(path));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("main-nav")));
    }

    private static List<String> check(BrowserSupport browser, WebDriverWait wait, String axe, String page, String scheme) throws IOException {
        JavascriptExecutor js = browser.driver;
        wait.until(d -> Boolean.TRUE.equals(js.executeScript(SETTLED)));
        // lazy parts (charts, grids drawn after the first answer) get a moment to arrive
        sleep(1500);
        wait.until(d -> Boolean.TRUE.equals(js.executeScript(SETTLED)));
        browser.screenshot("a11y-" + page + "-" + scheme);
        js.executeScript(axe);
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) js.executeAsyncScript(AXE_RUN);
        return found.stream().map(v -> page + " (" + scheme + "): " + v).toList();
    }

    /**
     * The relative luminance of the first coloured earlier score beside the IMASP grid (-1 when
     * there is none): the grid shows the client's earlier measurements, so axe checks their
     * contrast, and their shades follow the page's scheme.
     */
    private static double earlierScoreLuminance(BrowserSupport browser) {
        Object luminance = browser.driver.executeScript("""
                const cell = document.querySelector('.scale-line-cell[data-colour]');
                if (!cell) return -1;
                const [r, g, b] = getComputedStyle(cell).backgroundColor.match(/[0-9.]+/g).slice(0, 3)
                    .map(v => Number(v) / 255).map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
                return 0.2126 * r + 0.7152 * g + 0.0722 * b;""");
        return ((Number) luminance).doubleValue();
    }

    private static String scheme(BrowserSupport browser) {
        return String.valueOf(browser.driver.executeScript("return getComputedStyle(document.documentElement).colorScheme"));
    }

    private static String axeScript() throws IOException {
        try (InputStream in = AccessibilityIT.class.getResourceAsStream("/axe.min.js")) {
            assertThat(in).as("axe.min.js of com.deque.html.axe-core:selenium on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
