package org.parcours.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parcours.catalog.FormCatalog;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationService;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestDatabaseEnvironmentPostProcessor;
import org.parcours.testsupport.TestForms;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A factor marked {@code sensitive: [ADMIN, WORKER]} in YAML never reaches a committee member's
 * browser: checked on the wire, not on the screen. A script installed before any page script
 * records the body of every XMLHttpRequest and fetch response, which is where Vaadin's UIDL
 * messages (the component tree and its texts) travel; the test then searches those bodies.
 * The same pages opened by an administrator do carry the factor, so the search can find it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SensitiveItemsIT {

    /** "Dépendance" (addiction) is sensitive in this copy of forms/; "Maladie / hospitalisation" is not. */
    static final Path FORMS = formsWithASensitiveFactor();
    static final String SENSITIVE = "Dépendance";
    static final String OPEN = "Maladie / hospitalisation";
    /**
     * A schema of its own: on the JVM's shared schema, a studio test that added an IMASP factor and
     * answered it leaves a version this copy cannot replace without orphaning those answers, so this
     * context would serve that version, without the sensitive marking.
     */
    static final String DATABASE = TestDatabaseEnvironmentPostProcessor.ownSchemaUrl();

    private static final String RECORDER = """
            window.__wire = [];
            const open = XMLHttpRequest.prototype.open;
            XMLHttpRequest.prototype.open = function () {
              this.addEventListener('load', () => { try { window.__wire.push(String(this.responseText)); } catch (e) {} });
              return open.apply(this, arguments);
            };
            const fetched = window.fetch;
            window.fetch = function () {
              return fetched.apply(this, arguments).then(response => {
                response.clone().text().then(text => window.__wire.push(text), () => {});
                return response;
              });
            };
            """;

    @DynamicPropertySource
    static void formsFolder(DynamicPropertyRegistry registry) {
        registry.add("parcours.forms.dir", FORMS::toString);
        registry.add("spring.datasource.url", () -> DATABASE);
    }

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    FormCatalog catalog;

    @Test
    void aSensitiveFactorIsNeverSentToTheCommitteeButIsToAnAdministrator() throws Exception {
        assumeTrue(BrowserSupport.available(), "Chromium and chromedriver are needed");
        assertThat(catalog.current("imasp").definition().hiddenFrom(java.util.Set.of("COMMITTEE")))
                .as("the live IMASP is this test's copy, with the factor marked sensitive").contains("addiction");
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Sensible");
        data.as(TestUsers.WORKER_NORTH, "WORKER", () -> evaluations.submit(evaluations.blank(client.id(), "imasp"),
                Map.of("illness", "A", "addiction", "C")));
        data.as(TestUsers.WORKER_NORTH, "WORKER", () -> evaluations.submit(evaluations.blank(client.id(), "imasp"),
                Map.of("illness", "B", "addiction", "B")));

        String committee = wireOfHistoryPages(TestUsers.COMMITTEE, client.id());
        assertThat(committee).as("the recorder saw the history's UIDL").contains(OPEN);
        assertThat(committee).doesNotContain(SENSITIVE).doesNotContain("Verslaving").doesNotContain("Addiction");

        String admin = wireOfHistoryPages(TestUsers.ADMIN, client.id());
        assertThat(admin).contains(OPEN).contains(SENSITIVE);
    }

    /** Everything the server sent to this user's browser while it opened the score history and the measurement comparison. */
    private String wireOfHistoryPages(String username, long clientId) throws IOException {
        try (BrowserSupport browser = new BrowserSupport()) {
            browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            String base = "http://localhost:" + port;
            browser.signIn(base, username, TestUsers.PASSWORD, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("main-nav")));

            StringBuilder wire = new StringBuilder();
            browser.driver.get(base + "/clients/" + clientId + "/history");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), OPEN));
            assertThat(browser.driver.findElement(By.tagName("body")).getText().contains(SENSITIVE))
                    .as("on screen for " + username).isEqualTo(username.equals(TestUsers.ADMIN));
            wire.append(recorded(browser));

            browser.driver.get(base + "/clients/" + clientId + "/history/compare?a=1&b=0&form=imasp");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), OPEN));
            wire.append(recorded(browser));
            return wire.toString();
        }
    }

    private static String recorded(BrowserSupport browser) {
        Object texts = browser.driver.executeScript("return (window.__wire || []).join('\\n');");
        String wire = String.valueOf(texts);
        assertThat(wire).as("UIDL responses were recorded").contains("\"syncId\"");
        return wire;
    }

    private static Path formsWithASensitiveFactor() {
        Path copy = TestForms.copyOf(Path.of("forms"), "parcours-sensitive-forms-");
        Path imasp = copy.resolve("imasp.yaml");
        try {
            String text = Files.readString(imasp);
            String marked = text.replace("""
                          - id: addiction
                            type: scale
                    """, """
                          - id: addiction
                            type: scale
                            sensitive: [ADMIN, WORKER]
                    """);
            if (marked.equals(text)) {
                throw new IllegalStateException("forms/imasp.yaml no longer has the addiction factor this test marks sensitive");
            }
            Files.writeString(imasp, marked);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
