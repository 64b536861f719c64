package org.parcours.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestForms;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 12: the three programmes (support plan, housing support, crisis intake) are files under
 * forms/ only. The app starts on a copy of forms/ without them; the files are then dropped in,
 * the running app publishes them (no restart), and a worker starts, fills, saves and submits each
 * one in Chromium; the answers are checked in MariaDB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProgrammesIT {

    static final Map<String, List<String>> PROGRAMMES = Map.of(
            "support-plan", List.of("lists/adhesion-ways.yaml", "lists/plan-progress.yaml", "lists/plan-outcomes.yaml"),
            "housing-support", List.of("lists/housing-situations.yaml", "lists/tenancy-problems.yaml", "lists/referral-services.yaml",
                    "lists/plan-outcomes.yaml"),
            "crisis-intake", List.of("lists/housing-situations.yaml", "lists/rights-step-status.yaml", "lists/crisis-axes.yaml",
                    "lists/collective-actions.yaml"));

    static final Path FORMS = copyOfFormsWithoutTheProgrammes();

    @DynamicPropertySource
    static void formsFolder(DynamicPropertyRegistry registry) {
        registry.add("parcours.forms.dir", FORMS::toString);
        registry.add("parcours.forms.poll-interval", () -> "1s");
    }

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FormCatalog catalog;

    @Test
    void theThreeProgrammesArriveAsFilesAndAWorkerFillsAndSubmitsEachInTheBrowser() throws Exception {
        assertThat(liveKeys()).doesNotContainAnyElementsOf(PROGRAMMES.keySet());
        for (var programme : PROGRAMMES.entrySet()) {
            for (String list : programme.getValue()) {
                copy(list);
            }
            copy(programme.getKey() + ".yaml");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!liveKeys().containsAll(PROGRAMMES.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(liveKeys()).as("published by the running app").containsAll(PROGRAMMES.keySet());

        long clientId = data.client(TestUsers.TEAM_NORTH, "Programmes").id();
        String today = LocalDate.now().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String inAMonth = LocalDate.now().plusMonths(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        long supportPlan;
        long housing;
        long crisis;
        try (BrowserSupport browser = new BrowserSupport()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
            browser.signIn(url(""), TestUsers.WORKER_NORTH, TestUsers.PASSWORD, Duration.ofSeconds(60));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));

            start(browser, wait, clientId, "support-plan", "item-adhesion_date");
            browser.type("item-adhesion_date", today);
            browser.chooseLabel("item-adhesion_way", "Accord oral noté en entretien");
            browser.type("item-plan_start", today);
            browser.type("item-planned_months", "6");
            browser.type("item-review_date", today);
            browser.type("item-objectives-1-objective", "Retrouver un logement stable");
            browser.type("item-objectives-1-objective_axis", "Logement");
            browser.type("item-objectives-1-criteria", "Bail signé");
            browser.type("item-objectives-1-target_date", inAMonth);
            browser.screenshot("programme-support-plan");
            supportPlan = submit(browser, wait);

            start(browser, wait, clientId, "housing-support", "item-housing_situation");
            browser.type("item-housing_situation", "Locataire menacé d'expulsion");
            browser.type("item-partner_service", "Relais social");
            browser.chooseLabel("item-household_type", "Famille monoparentale");
            browser.type("item-household_size", "3");
            browser.type("item-problems", "Arriérés de loyer ou de charges");
            browser.type("item-actions-1-action", "Plan d'apurement avec le propriétaire");
            browser.chooseLabel("item-actions-1-action_by", "Ensemble");
            browser.type("item-actions-1-action_due", inAMonth);
            browser.screenshot("programme-housing-support");
            housing = submit(browser, wait);

            start(browser, wait, clientId, "crisis-intake", "item-arrival_date");
            browser.type("item-arrival_date", today);
            browser.type("item-housing_situation", "Sans logement");
            browser.chooseLabel("item-step_registration", "Obtenu");
            browser.chooseLabel("item-axes", "Accès au logement");
            browser.chooseLabel("item-axes", "Accès aux droits sociaux");
            browser.chooseLabel("item-collective_actions", "Cours de français");
            browser.screenshot("programme-crisis-intake");
            crisis = submit(browser, wait);
        }

        assertThat(status(supportPlan)).isEqualTo("SUBMITTED");
        assertThat(data.answerRows(supportPlan)).containsEntry("adhesion_way", "oral").containsEntry("planned_months", "6")
                .containsEntry("objectives.1.objective", "Retrouver un logement stable").containsEntry("objectives.1.objective_axis", "housing")
                .containsEntry("objectives.1.progress", "not-yet").containsEntry("plan_ended", "false")
                .containsEntry("adhesion_date", LocalDate.now().toString());
        assertThat(status(housing)).isEqualTo("SUBMITTED");
        assertThat(data.answerRows(housing)).containsEntry("housing_situation", "eviction-risk").containsEntry("household_type", "single-parent")
                .containsEntry("problems", "rent-arrears").containsEntry("actions.1.action_by", "together")
                .containsEntry("actions.1.action_due", LocalDate.now().plusMonths(1).toString());
        assertThat(status(crisis)).isEqualTo("SUBMITTED");
        assertThat(data.answerRows(crisis)).containsEntry("housing_situation", "no-housing").containsEntry("step_registration", "obtained")
                .containsEntry("step_income", "to-do").containsEntry("axes", "housing,social-rights")
                .containsEntry("collective_actions", "french-course");
        assertThat(jdbc.queryForList("""
                SELECT DISTINCT v.form_key FROM submission e JOIN form_version v ON v.id = e.form_version_id WHERE e.kind = 'EVALUATION' AND e.client_id = ?""",
                String.class, clientId)).containsExactlyInAnyOrderElementsOf(PROGRAMMES.keySet());
    }

    /**
     * Opens a new evaluation from the client page's button (low on that page once the client has
     * evaluations) and expects it at its top: nothing scrolled, the heading and the first field in
     * view, the focus not pulled to a later field.
     */
    private void start(BrowserSupport browser, WebDriverWait wait, long clientId, String formKey, String firstField) throws IOException {
        browser.driver.get(url("/clients/" + clientId));
        browser.click(By.id("new-evaluation-" + formKey), Duration.ofSeconds(60));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(firstField)));
        wait.until(d -> Boolean.TRUE.equals(browser.driver.executeScript(SETTLED)));
        Object scrolled = browser.driver.executeScript(SCROLLED, firstField);
        browser.screenshot("programme-opened-" + formKey);
        assertThat(String.valueOf(scrolled)).as("scroll state of a new %s form", formKey).isEqualTo("top");
    }

    /** Vaadin has answered every request and nothing is pending. */
    private static final String SETTLED = """
            return document.readyState === 'complete' && !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients
              && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive());""";

    /** "top", or what is scrolled (the window or an element of the layout) and where the first field and the focus are. */
    private static final String SCROLLED = """
            const field = document.getElementById(arguments[0]);
            const found = [];
            if (window.scrollY !== 0) found.push('window.scrollY=' + window.scrollY);
            for (let n = field; n; n = n.parentNode || n.host) {
              if (n.nodeType === 1 && n.scrollTop > 0) found.push((n.id || n.localName) + '.scrollTop=' + n.scrollTop);
            }
            for (const host of document.querySelectorAll('*')) {
              if (host.shadowRoot) {
                for (const part of host.shadowRoot.querySelectorAll('*')) {
                  if (part.scrollTop > 0) found.push(host.localName + ' ' + (part.getAttribute('part') || part.id || part.localName) + '.scrollTop=' + part.scrollTop);
                }
              }
            }
            const r = field.getBoundingClientRect();
            if (r.top < 0 || r.bottom > window.innerHeight) found.push('first field at ' + Math.round(r.top) + 'px');
            if (found.length === 0) return 'top';
            let a = document.activeElement;
            while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
            return found.join(', ') + '; focus on ' + (a ? (a.id || a.localName) : 'nothing');""";

    /** Submits the evaluation saved automatically while filling; its id comes from the address. */
    private long submit(BrowserSupport browser, WebDriverWait wait) {
        wait.until(ExpectedConditions.urlMatches(".*/evaluations/[0-9]+$"));
        long id = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/evaluations/", ""));
        browser.driver.findElement(By.id("submit-evaluation")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("amend-evaluation")));
        return id;
    }

    private Set<String> liveKeys() {
        return Set.copyOf(catalog.liveForms().stream().map(PublishedForm::formKey).toList());
    }

    private String status(long evaluationId) {
        return jdbc.queryForObject("SELECT CASE WHEN r.status = 'SUBMITTED' THEN 'SUBMITTED' WHEN r.revision_number = 1 THEN 'DRAFT' ELSE 'AMENDING' END "
                + "FROM submission_revision r WHERE r.submission_id = ? ORDER BY r.revision_number DESC LIMIT 1", String.class, evaluationId);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void copy(String relative) {
        try {
            Path target = FORMS.resolve(relative);
            Files.createDirectories(target.getParent());
            Files.copy(Path.of("forms").resolve(relative), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copyOfFormsWithoutTheProgrammes() {
        Path target = TestForms.copyOf(Path.of("forms"), "parcours-programmes-");
        try {
            for (var programme : PROGRAMMES.entrySet()) {
                Files.deleteIfExists(target.resolve(programme.getKey() + ".yaml"));
                for (String list : programme.getValue()) {
                    Files.deleteIfExists(target.resolve(list));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
