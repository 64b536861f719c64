package org.parcours.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationService;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The IMASP entered on the compact grid with the keyboard only, as forms/README.md describes it:
 * Tab to reach a factor, a typed letter (N for NVT) or the arrow keys to choose its code, the
 * measurement date typed, Enter on "Submit". The client has three earlier measurements (with
 * their own dates, entered out of date order), shown beside the factors newest measured first;
 * the committee history then shows the new measurement as its newest column, under its date, with
 * the codes chosen on the keyboard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MeasurementGridIT {

    static final LocalDate MEASURED = LocalDate.of(2012, 2, 14);

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    EvaluationService evaluations;

    @Test
    void anImaspEnteredOnTheGridWithTheKeyboardOnlyIsTheNewestColumnOfTheHistory() throws Exception {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Clavier");
        data.as(TestUsers.WORKER_NORTH, "WORKER", () -> {
            // entered out of date order; the newest measured (and prefilled from) is 2011-09-01
            measure(client.id(), "2010-11-20", "B", "NVT", "B");
            measure(client.id(), "2010-03-16", "C", "NVT", "C");
            measure(client.id(), "2011-09-01", "A", "A", "A");
            return null;
        });

        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            browser.signIn(url(""), TestUsers.WORKER_NORTH, TestUsers.PASSWORD, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("main-nav")));

            browser.driver.get(url("/clients/" + client.id() + "/new/imasp"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#item-illness vaadin-radio-button")));
            // the three earlier measurements beside the factor, newest measured first
            assertThat(text(browser, "earlier-item-illness-0")).isEqualTo("A");
            assertThat(text(browser, "earlier-item-illness-1")).isEqualTo("B");
            assertThat(text(browser, "earlier-item-illness-2")).isEqualTo("C");
            assertThat(text(browser, "earlier-item-pregnancy-1")).isEqualTo("NVT");
            assertThat(browser.checkedLabel("item-illness")).as("prefilled from the newest measurement").isEqualTo("A");

            // Tab to the first factor; a typed letter chooses its code
            tabUntil(browser, "return !!document.activeElement.closest('#item-illness')");
            keys(browser, "c");
            waitChecked(browser, "item-illness", "C");
            // Tab: the next factor (not the code just chosen); N chooses NVT
            keys(browser, Keys.TAB);
            assertThat(focusedIn(browser, "item-pregnancy")).as("Tab after a typed code reaches the next factor").isTrue();
            keys(browser, "n");
            waitChecked(browser, "item-pregnancy", "NVT");
            // the arrow keys of the radio group: from the prefilled A to B
            keys(browser, Keys.TAB);
            assertThat(focusedIn(browser, "item-addiction")).as("Tab after a typed code reaches the next factor").isTrue();
            keys(browser, Keys.ARROW_DOWN);
            waitChecked(browser, "item-addiction", "B");
            browser.screenshot("measurement-grid-keyboard");

            // the measurement date: its section opened with the keyboard if it is folded, the day typed
            for (int i = 0; i < 80 && !focusedIn(browser, "item-measured_on"); i++) {
                boolean onSummary = Boolean.TRUE.equals(js(browser, "const s = document.activeElement.closest('#section-measurement');"
                        + " return !!s && s.tagName === 'VAADIN-DETAILS' && !s.opened && !document.activeElement.closest('#item-measured_on')"));
                keys(browser, onSummary ? Keys.ENTER : Keys.TAB);
            }
            assertThat(focusedIn(browser, "item-measured_on")).as("Tab reaches the measurement date").isTrue();
            keys(browser, typed(browser, MEASURED), Keys.ENTER);
            keys(browser, Keys.TAB);
            try {
                new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                        .until(d -> !String.valueOf(js(browser, "return document.getElementById('item-measured_on').value")).isEmpty());
            } catch (TimeoutException e) {
                browser.screenshot("measurement-grid-date");
                throw new AssertionError("the date was not taken: " + js(browser, "const p = document.getElementById('item-measured_on');"
                        + " return JSON.stringify({typed: arguments[0], text: p.inputElement.value, value: p.value, invalid: p.invalid,"
                        + " lang: document.documentElement.lang, focus: document.activeElement.outerHTML.slice(0, 120)})", typed(browser, MEASURED)), e);
            }
            assertThat(js(browser, "return document.getElementById('item-measured_on').value")).isEqualTo(MEASURED.toString());

            // Tab to Submit, Enter
            tabUntil(browser, "return document.activeElement.id === 'submit-evaluation'");
            keys(browser, Keys.ENTER);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("amend-evaluation")));
            long evaluationId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/evaluations/", ""));
            assertThat(data.answerRows(evaluationId)).containsAllEntriesOf(Map.of(
                    "illness", "C", "pregnancy", "NVT", "addiction", "B", "measured_on", MEASURED.toString()));
            // the submitted evaluation, read back from the server
            waitChecked(browser, "item-illness", "C");
            waitChecked(browser, "item-pregnancy", "NVT");
            waitChecked(browser, "item-addiction", "B");

            // the committee history: the new measurement is the newest column, under its own date
            browser.driver.get(url("/clients/" + client.id() + "/history"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history-col-3")));
            assertThat(measuredOn(browser, 0)).isEqualTo(MEASURED.toString());
            assertThat(measuredOn(browser, 1)).isEqualTo("2011-09-01");
            assertThat(measuredOn(browser, 2)).isEqualTo("2010-11-20");
            assertThat(measuredOn(browser, 3)).isEqualTo("2010-03-16");
            assertThat(browser.driver.findElements(By.id("history-col-4"))).isEmpty();
            assertThat(text(browser, "history-cell-illness-0")).isEqualTo("C");
            assertThat(text(browser, "history-cell-pregnancy-0")).isEqualTo("NVT");
            assertThat(text(browser, "history-cell-addiction-0")).isEqualTo("B");
            assertThat(text(browser, "history-cell-illness-1")).isEqualTo("A");
            assertThat(text(browser, "history-cell-illness-3")).isEqualTo("C");
            browser.screenshot("measurement-history-keyboard");
        }
    }

    private void measure(long clientId, String measuredOn, String illness, String pregnancy, String addiction) {
        evaluations.submit(evaluations.blank(clientId, "imasp"),
                Map.of("measured_on", measuredOn, "illness", illness, "pregnancy", pregnancy, "addiction", addiction));
    }

    /** The day as the user's date picker writes it (and so reads it back): the picker's own format of the user's language. */
    private static String typed(BrowserSupport browser, LocalDate day) {
        return String.valueOf(js(browser, "return document.getElementById('item-measured_on').i18n.formatDate({year: arguments[0], month: arguments[1], day: arguments[2]})",
                day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth()));
    }

    private static void keys(BrowserSupport browser, CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform();
    }

    /** Presses Tab until the script says the focus is where it should be; prints the stops on the way. */
    private static void tabUntil(BrowserSupport browser, String script) {
        for (int i = 0; i < 120; i++) {
            if (Boolean.TRUE.equals(js(browser, script))) {
                return;
            }
            keys(browser, Keys.TAB);
            System.out.println("Tab " + i + ": " + js(browser, "const a = document.activeElement; return a.tagName + '#' + a.id + ' in '"
                    + " + (a.closest('[id]') ? a.closest('[id]').id : '') + ' ' + (a.parentElement && a.parentElement.closest('[id]') ? a.parentElement.closest('[id]').id : '')"));
        }
        throw new AssertionError("Tab never reached: " + script + " (focus on " + js(browser, "return document.activeElement.outerHTML.slice(0, 200)") + ")");
    }

    private static boolean focusedIn(BrowserSupport browser, String id) {
        return Boolean.TRUE.equals(js(browser, "return !!document.activeElement.closest('#" + id + "')"));
    }

    private static void waitChecked(BrowserSupport browser, String groupId, String code) throws Exception {
        try {
            new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> code.equals(checked(browser, groupId)));
        } catch (TimeoutException e) {
            browser.screenshot("measurement-grid-" + groupId);
            throw new AssertionError(groupId + " should show " + code + " checked; the page says " + js(browser,
                    "const g = document.getElementById(arguments[0]); return JSON.stringify({value: g.value,"
                            + " radios: [...g.querySelectorAll('vaadin-radio-button')].map(r => [r.textContent.trim(), r.value, r.checked, r.hasAttribute('checked')]),"
                            + " focus: document.activeElement.outerHTML.slice(0, 120)})", groupId), e);
        }
    }

    private static String checked(BrowserSupport browser, String groupId) {
        // textContent: a read-only group's labels are there but not all "displayed" for getText
        return String.valueOf(js(browser, "const r = document.querySelector('#' + arguments[0] + ' vaadin-radio-button[checked]');"
                + " return r ? r.textContent.trim() : ''", groupId));
    }

    private static Object js(BrowserSupport browser, String script, Object... arguments) {
        return ((JavascriptExecutor) browser.driver).executeScript(script, arguments);
    }

    private static String text(BrowserSupport browser, String id) {
        return browser.driver.findElement(By.id(id)).getText().strip();
    }

    private static String measuredOn(BrowserSupport browser, int column) {
        return browser.driver.findElement(By.id("history-col-" + column)).getAttribute("data-measured-on");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
