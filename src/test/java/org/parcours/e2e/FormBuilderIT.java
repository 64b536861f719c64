package org.parcours.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parcours.catalog.FormCatalog;
import org.parcours.testsupport.TestForms;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The studio's builder in Chromium, on a copy of forms/: from an empty file an administrator
 * builds a form with a section, a scale and a text shown when the scale says C, without typing
 * YAML; the preview hides and shows the text as a sample answer changes; the form is published.
 * From a small template file, at 1280x900, a richer form (two sections, a scale factor, a choice
 * with its options, a date with a rule, a repeat with two children, a computed total, a
 * visible-when) is built, published, filled and submitted by a worker, and its file is exactly
 * as expected with the template's comment kept; the properties never run over the preview. An
 * item dragged from a section into a repeat lands where the Alt+arrow keys also take it.
 * Screenshots in target/screenshots/builder-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FormBuilderIT {

    static final Path FORMS = TestForms.copyOf(Path.of("forms"), "parcours-builder-it-");

    @DynamicPropertySource
    static void formsFolder(DynamicPropertyRegistry registry) {
        registry.add("parcours.forms.dir", FORMS::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    FormCatalog catalog;

    @Test
    void anAdministratorBuildsAFormFromAnEmptyFileWithTheBuilderAndPublishesIt() throws Exception {
        Files.writeString(FORMS.resolve("trial.yaml"), "");
        try (BrowserSupport browser = new BrowserSupport()) {
            try {
                build(browser);
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("builder-failure");
                throw e;
            }
        }
        assertThat(catalog.current("trial").definition().item("details").orElseThrow().rules().visibleWhen()).isPresent();
        assertThat(Files.readString(FORMS.resolve("trial.yaml"))).startsWith("# Essai – made with the studio's builder.")
                .contains("visible-when: \"stability == 'C'\"");
    }

    private void build(BrowserSupport browser) throws java.io.IOException {
        Duration timeout = Duration.ofSeconds(60);
        WebDriverWait wait = new WebDriverWait(browser.driver, timeout);
        browser.signIn(url(""), TestUsers.ADMIN, TestUsers.PASSWORD, timeout);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
        browser.driver.get(url("/admin/forms/trial"));
        browser.click(By.id("studio-tab-builder"), timeout);
        browser.reveal(By.id("builder-start-fr"), timeout);
        browser.type("builder-start-fr", "Essai");
        browser.type("builder-start-nl", "Proef");
        browser.type("builder-start-en", "Trial");
        browser.click(By.id("builder-start-button"), timeout);
        browser.reveal(By.id("builder-tree"), timeout);

        add(browser, wait, "Section", "situation", "Situation", "Situatie", "Situation");
        add(browser, wait, "Échelle", "stability", "Stabilité", "Stabiliteit", "Stability");
        select(browser, "prop-scale", "imasp-abc");
        valid(wait);
        add(browser, wait, "Texte", "details", "Précisions", "Details", "Details");
        valid(wait);
        browser.screenshot("builder-new-form");

        browser.type("prop-visible-when", "stability == 'C'");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("prop-evaluates-visible-when"), "caché"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("item-details")));
        browser.reveal(By.cssSelector("#item-stability vaadin-radio-button"), timeout);
        browser.choose("item-stability", "C");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("prop-evaluates-visible-when"), "affiché"));
        browser.reveal(By.id("item-details"), timeout);
        browser.screenshot("builder-visible-when");

        browser.type("publish-comment", "Nouveau formulaire");
        browser.click(By.id("publish"), timeout);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("studio-message"), "La version 1 est en service"));
    }

    @Autowired
    org.parcours.testsupport.TestData data;

    /** A small starting template: a comment line, the form's key and title, no section yet. */
    static final String HOUSEHOLD_TEMPLATE = """
            # Household – started from the team's template; the builder keeps this line.
            form: household
            title: { fr: "Ménage", nl: "Gezin", en: "Household" }
            sections: []
            """;

    @Test
    void aRicherFormIsBuiltInTheBrowserPublishedFilledByAWorkerAndItsFileIsAsExpected() throws Exception {
        Files.writeString(FORMS.resolve("household.yaml"), HOUSEHOLD_TEMPLATE);
        long clientId = data.client(TestUsers.TEAM_NORTH, "BuilderHousehold").id();
        try (BrowserSupport browser = new BrowserSupport()) {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
            try {
                buildHousehold(browser);
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("builder-household-failure");
                throw e;
            }
        }
        assertThat(Files.readString(FORMS.resolve("household.yaml"))).isEqualTo(HOUSEHOLD_EXPECTED);

        long submitted;
        try (BrowserSupport browser = new BrowserSupport()) {
            Duration timeout = Duration.ofSeconds(60);
            WebDriverWait wait = new WebDriverWait(browser.driver, timeout);
            try {
                browser.signIn(url(""), TestUsers.WORKER_NORTH, TestUsers.PASSWORD, timeout);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
                browser.driver.get(url("/clients/" + clientId));
                var start = wait.until(ExpectedConditions.elementToBeClickable(By.id("new-evaluation-household")));
                ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", start);
                browser.reveal(By.cssSelector("#item-stability vaadin-radio-button"), timeout);
                browser.choose("item-stability", "B");
                browser.reveal(By.cssSelector("#item-channel vaadin-radio-button"), timeout);
                browser.chooseLabel("item-channel", "Visite");
                browser.reveal(By.id("item-seen_on"), timeout);
                browser.type("item-seen_on", "03/04/2025");
                browser.click(By.id("add-row-people"), timeout);
                browser.reveal(By.id("item-people-1-name"), timeout);
                browser.type("item-people-1-name", "Alix");
                browser.type("item-people-1-age", "34");
                wait.until(ExpectedConditions.urlMatches(".*/evaluations/[0-9]+$"));
                submitted = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/evaluations/", ""));
                browser.click(By.id("submit-evaluation"), timeout);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("amend-evaluation")));
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("builder-household-worker-failure");
                throw e;
            }
        }
        assertThat(data.answerRows(submitted)).containsEntry("stability", "B").containsEntry("channel", "visit")
                .containsKey("seen_on").containsEntry("people.1.name", "Alix");
    }

    private void buildHousehold(BrowserSupport browser) throws java.io.IOException {
        Duration timeout = Duration.ofSeconds(60);
        WebDriverWait wait = new WebDriverWait(browser.driver, timeout);
        browser.signIn(url(""), TestUsers.ADMIN, TestUsers.PASSWORD, timeout);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
        browser.driver.get(url("/admin/forms/household"));
        browser.click(By.id("studio-tab-builder"), timeout);
        browser.reveal(By.id("builder-tree"), timeout);
        ((JavascriptExecutor) browser.driver).executeScript("window.scrollTo(0, 0)");
        browser.screenshot("builder-1280-first-view");

        add(browser, wait, "Section", "contact", "Contact", "Contact", "Contact");
        add(browser, wait, "Échelle", "stability", "Stabilité", "Stabiliteit", "Stability");
        select(browser, "prop-scale", "imasp-abc");
        valid(wait);
        add(browser, wait, "Choix", "channel", "Canal", "Kanaal", "Channel");
        replace(browser, wait, "prop-option-0-code", "phone");
        replace(browser, wait, "prop-option-0-fr", "Téléphone");
        replace(browser, wait, "prop-option-0-nl", "Telefoon");
        replace(browser, wait, "prop-option-0-en", "Phone");
        browser.click(By.id("prop-option-add"), timeout);
        replace(browser, wait, "prop-option-1-code", "visit");
        replace(browser, wait, "prop-option-1-fr", "Visite");
        replace(browser, wait, "prop-option-1-nl", "Bezoek");
        replace(browser, wait, "prop-option-1-en", "Visit");
        notOverPreview(browser, "prop-option-1-en");
        add(browser, wait, "Date", "seen_on", "Vu le", "Gezien op", "Seen on");
        browser.click(By.id("prop-constraint-add"), timeout);
        replace(browser, wait, "prop-constraint-0-expression", "seen_on >= timestamp('2020-01-01T00:00:00Z')");
        replace(browser, wait, "prop-constraint-0-fr", "Depuis 2020");
        replace(browser, wait, "prop-constraint-0-nl", "Sinds 2020");
        replace(browser, wait, "prop-constraint-0-en", "Since 2020");
        replace(browser, wait, "prop-visible-when", "channel == 'visit'");
        valid(wait);

        add(browser, wait, "Section", "members", "Membres", "Leden", "Members");
        add(browser, wait, "Répétition (lignes)", "people", "Personnes", "Personen", "People");
        add(browser, wait, "Texte", "name", "Nom", "Naam", "Name");
        add(browser, wait, "Nombre entier", "age", "Âge", "Leeftijd", "Age");
        clickRow(browser, wait, "members");
        wait.until(driver -> fieldValue(driver, "prop-title-fr").equals("Membres"));
        add(browser, wait, "Calculé", "total", "Nombre de personnes", "Aantal personen", "Number of people");
        replace(browser, wait, "prop-expression", "size(people)");
        valid(wait);

        clickRow(browser, wait, "stability");
        wait.until(driver -> fieldValue(driver, "prop-label-fr").equals("Stabilité"));
        notOverPreview(browser, "prop-label-en");
        noHorizontalScroll(browser);
        ((JavascriptExecutor) browser.driver).executeScript("window.scrollTo(0, 0)");
        browser.screenshot("builder-1280-scale-selected");
        assertThat(browser.driver.findElement(By.id("prop-scale-open")).getDomAttribute("href")).isEqualTo("admin/files/scales/imasp-abc");
        browser.reveal(By.id("prop-privacy"), timeout);
        notOverPreview(browser, "prop-privacy-purpose-en");
        browser.screenshot("builder-1280-privacy");
        browser.reveal(By.id("builder-preview"), timeout);
        browser.screenshot("builder-1280-preview");

        browser.type("publish-comment", "Formulaire du ménage");
        browser.click(By.id("publish"), timeout);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("studio-message"), "La version 1 est en service"));

        // the scale the factor uses (linked from its properties): its values in a grid, with the forms using it
        browser.driver.get(url("/admin/files/scales/imasp-abc"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("value-row-0-code")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shared-used-by"), "household"));
        noHorizontalScroll(browser);
        ((JavascriptExecutor) browser.driver).executeScript("window.scrollTo(0, 0)");
        browser.screenshot("shared-values-1280");
        browser.reveal(By.id("value-add"), timeout);
        browser.screenshot("shared-values-1280-add");
    }

    /** Neither the page nor the builder's properties column scrolls sideways. */
    private static void noHorizontalScroll(BrowserSupport browser) {
        Number page = (Number) ((JavascriptExecutor) browser.driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(page.doubleValue()).as("the page scrolls sideways by (px)").isLessThanOrEqualTo(0);
        Number panel = (Number) ((JavascriptExecutor) browser.driver).executeScript("""
                const c = document.querySelector('.builder-properties-column');
                if (!c || c.offsetParent === null) return 0;
                let over = c.scrollWidth - c.clientWidth;
                const edge = c.getBoundingClientRect().right;
                c.querySelectorAll('vaadin-text-field, vaadin-select, vaadin-multi-select-combo-box, vaadin-combo-box').forEach(f => {
                  const r = f.getBoundingClientRect();
                  if (r.width > 0) over = Math.max(over, r.right - edge);
                });
                return over;""");
        assertThat(panel.doubleValue()).as("the properties run past their column by (px)").isLessThanOrEqualTo(1);
    }

    /** The file after publishing: the template's comment line, then only what the builder wrote. */
    static final String HOUSEHOLD_EXPECTED = """
            # Household – started from the team's template; the builder keeps this line.
            form: household
            title: { fr: "Ménage", nl: "Gezin", en: "Household" }
            sections:
              - id: contact
                title: { fr: "Contact", nl: "Contact", en: "Contact" }
                items:
                  - id: stability
                    type: scale
                    scale: imasp-abc
                    label: { fr: "Stabilité", nl: "Stabiliteit", en: "Stability" }
                  - id: channel
                    type: choice
                    label: { fr: "Canal", nl: "Kanaal", en: "Channel" }
                    options:
                      - code: phone
                        label: { fr: "Téléphone", nl: "Telefoon", en: "Phone" }
                      - code: visit
                        label: { fr: "Visite", nl: "Bezoek", en: "Visit" }
                  - id: seen_on
                    type: date
                    label: { fr: "Vu le", nl: "Gezien op", en: "Seen on" }
                    constraints:
                      - expression: "seen_on >= timestamp('2020-01-01T00:00:00Z')"
                        message: { fr: "Depuis 2020", nl: "Sinds 2020", en: "Since 2020" }
                    visible-when: "channel == 'visit'"
              - id: members
                title: { fr: "Membres", nl: "Leden", en: "Members" }
                items:
                  - id: people
                    type: repeat
                    label: { fr: "Personnes", nl: "Personen", en: "People" }
                    items:
                      - id: name
                        type: text
                        label: { fr: "Nom", nl: "Naam", en: "Name" }
                      - id: age
                        type: integer
                        label: { fr: "Âge", nl: "Leeftijd", en: "Age" }
                  - id: total
                    type: computed
                    expression: "size(people)"
                    label: { fr: "Nombre de personnes", nl: "Aantal personen", en: "Number of people" }
            """;

    /** The right edge of a properties field stays left of the preview column (the panel does not run over it). */
    private static void notOverPreview(BrowserSupport browser, String fieldId) {
        Number overlap = (Number) ((JavascriptExecutor) browser.driver).executeScript("""
                const f = document.getElementById(arguments[0]).getBoundingClientRect();
                const p = document.getElementById('builder-preview').getBoundingClientRect();
                return f.right - p.left;""", fieldId);
        assertThat(overlap.doubleValue()).as(fieldId + " runs over the preview by (px)").isLessThanOrEqualTo(0);
    }

    /** The tree row of a node (its label starts with the id), scrolled into the tree's window. */
    private static org.openqa.selenium.WebElement row(BrowserSupport browser, WebDriverWait wait, String id) {
        return wait.until(driver -> driver.findElements(By.cssSelector("#builder-tree vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().strip().startsWith(id + " – ")).findFirst().orElse(null));
    }

    /** Selects a node by clicking its tree row (scrolled into the tree's window first). */
    private static void clickRow(BrowserSupport browser, WebDriverWait wait, String id) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()",
                row(browser, wait, id));
        idle(browser, wait);
    }

    private static String fieldValue(org.openqa.selenium.WebDriver driver, String id) {
        return driver.findElements(By.cssSelector("#" + id + " input")).stream().map(i -> i.getDomProperty("value")).findFirst().orElse("");
    }

    /** Replaces a properties field's value (select all, type, Tab) and waits until the re-drawn panel shows it. */
    private static void replace(BrowserSupport browser, WebDriverWait wait, String id, String value) {
        var field = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " input")));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        field.click();
        field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
        field.sendKeys(value);
        field.sendKeys(org.openqa.selenium.Keys.TAB);
        idle(browser, wait);
        wait.until(driver -> fieldValue(driver, id).equals(value));
    }

    /** Waits until the Vaadin client has no request under way. */
    private static void idle(BrowserSupport browser, WebDriverWait wait) {
        wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "const c = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;"
                        + " return !!c && Object.values(c).every(x => !x.isActive || !x.isActive());")));
    }

    /** A small form typed as a file: the drag and the keyboard moves work on its tree. */
    static final String MOVES = """
            # Moves – a small form whose items the builder moves.
            form: moves
            title: { fr: "Déplacements", nl: "Verplaatsingen", en: "Moves" }
            sections:
              - id: contact
                title: { fr: "Contact", nl: "Contact", en: "Contact" }
                items:
                  - id: city
                    type: text
                    label: { fr: "Ville", nl: "Stad", en: "City" }
                  # the phone is asked last
                  - id: phone
                    type: text
                    label: { fr: "Téléphone", nl: "Telefoon", en: "Phone" }
              - id: members
                title: { fr: "Membres", nl: "Leden", en: "Members" }
                items:
                  - id: people
                    type: repeat
                    label: { fr: "Personnes", nl: "Personen", en: "People" }
                    items:
                      - id: name
                        type: text
                        label: { fr: "Nom", nl: "Naam", en: "Name" }
            """;

    @Test
    void anItemIsDraggedFromASectionIntoARepeatAndTheAltArrowKeysDoTheSame() throws Exception {
        Files.writeString(FORMS.resolve("moves.yaml"), MOVES);
        java.util.List<String> before = java.util.List.of("contact@0", "city@1", "phone@1", "members@0", "people@1", "name@2");
        java.util.List<String> inRepeat = java.util.List.of("contact@0", "city@1", "members@0", "people@1", "name@2", "phone@2");
        try (BrowserSupport browser = new BrowserSupport()) {
            Duration timeout = Duration.ofSeconds(60);
            WebDriverWait wait = new WebDriverWait(browser.driver, timeout);
            try {
                browser.signIn(url(""), TestUsers.ADMIN, TestUsers.PASSWORD, timeout);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
                browser.driver.get(url("/admin/forms/moves"));
                browser.click(By.id("studio-tab-builder"), timeout);
                browser.reveal(By.id("builder-tree"), timeout);
                wait.until(driver -> tree(browser).equals(before));

                // an HTML5 drag in Chromium: dragstart on the phone's row, dragover and drop on the middle of the repeat's row
                row(browser, wait, "people");
                ((JavascriptExecutor) browser.driver).executeScript("""
                        const grid = document.getElementById('builder-tree');
                        const cell = id => [...grid.querySelectorAll('vaadin-grid-cell-content')]
                            .find(c => c.textContent.trim().startsWith(id + ' – '));
                        const data = new DataTransfer();
                        const fire = (element, type) => {
                            const r = element.getBoundingClientRect();
                            element.dispatchEvent(new DragEvent(type, { bubbles: true, composed: true, cancelable: true,
                                dataTransfer: data, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 }));
                        };
                        const from = cell(arguments[0]);
                        const to = cell(arguments[1]);
                        fire(from, 'dragstart');
                        fire(to, 'dragenter');
                        fire(to, 'dragover');
                        fire(to, 'drop');
                        fire(from, 'dragend');""", "phone", "people");
                wait.until(driver -> tree(browser).equals(inRepeat));

                // the keyboard: Alt+← out of the repeat, Alt+↑ twice back to the end of the first section
                keys(browser, wait, Keys.ARROW_LEFT);
                keys(browser, wait, Keys.ARROW_UP);
                keys(browser, wait, Keys.ARROW_UP);
                wait.until(driver -> tree(browser).equals(before));
                // and Alt+↓ twice, Alt+→ into the repeat: the same place as the drag
                keys(browser, wait, Keys.ARROW_DOWN);
                keys(browser, wait, Keys.ARROW_DOWN);
                keys(browser, wait, Keys.ARROW_RIGHT);
                wait.until(driver -> tree(browser).equals(inRepeat));

                browser.type("publish-comment", "Le téléphone par personne");
                browser.click(By.id("publish"), timeout);
                // the folder's watcher may already have put the valid file typed above in service as version 1
                wait.until(ExpectedConditions.textMatches(By.id("studio-message"), java.util.regex.Pattern.compile("La version [12] est en service")));
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("builder-moves-failure");
                throw e;
            }
        }
        assertThat(((org.parcours.formdef.RepeatItem) catalog.current("moves").definition().item("people").orElseThrow()).items())
                .extracting(org.parcours.formdef.Item::id).containsExactly("name", "phone");
        String file = Files.readString(FORMS.resolve("moves.yaml"));
        assertThat(file.lines().filter(l -> l.strip().startsWith("#")).map(String::strip).toList())
                .as("the comment lines are kept").isEqualTo(MOVES.lines().filter(l -> l.strip().startsWith("#")).map(String::strip).toList());
        assertThat(file).contains("""
                          - id: name
                            type: text
                            label: { fr: "Nom", nl: "Naam", en: "Name" }
                          # the phone is asked last
                          - id: phone
                """);
    }

    /** The tree's rows in order, each as id@level (0 for a section). */
    @SuppressWarnings("unchecked")
    private static java.util.List<String> tree(BrowserSupport browser) {
        return (java.util.List<String>) ((JavascriptExecutor) browser.driver).executeScript("""
                const grid = document.getElementById('builder-tree');
                return [...grid.querySelectorAll('vaadin-grid-cell-content')]
                    .map(c => ({ c, row: c.assignedSlot && c.assignedSlot.parentNode && c.assignedSlot.parentNode.parentNode }))
                    .filter(x => x.row && !x.row.hidden && x.row.parentNode && x.row.parentNode.id === 'items')
                    .sort((a, b) => a.row.index - b.row.index)
                    .map(x => { const t = x.c.querySelector('vaadin-grid-tree-toggle');
                        return x.c.textContent.trim().split(' – ')[0] + '@' + (t ? t.level : '?'); });""");
    }

    /** Alt+key with the focus in the builder (on its ↑ button), then waits for the round trip. */
    private static void keys(BrowserSupport browser, WebDriverWait wait, Keys key) {
        ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('builder-up').focus()");
        new org.openqa.selenium.interactions.Actions(browser.driver).keyDown(Keys.ALT).sendKeys(key).keyUp(Keys.ALT).perform();
        idle(browser, wait);
    }

    /** Waits until the builder says the draft is valid (the status may be scrolled out of the window). */
    private static void valid(WebDriverWait wait) {
        wait.until(driver -> "Le brouillon est valide".equals(driver.findElement(By.id("builder-status")).getDomProperty("textContent")));
    }

    /** Adds from the palette: the kind (its French label), the id and the labels. */
    private static void add(BrowserSupport browser, WebDriverWait wait, String type, String id, String fr, String nl, String en) {
        select(browser, "builder-type", type);
        browser.type("builder-new-id", id);
        browser.type("builder-new-fr", fr);
        browser.type("builder-new-nl", nl);
        browser.type("builder-new-en", en);
        browser.click(By.id("builder-add"), Duration.ofSeconds(60));
        // the new node is selected: its properties show its label
        String field = type.equals("Section") ? "prop-title-fr" : "prop-label-fr";
        wait.until(driver -> driver.findElements(By.cssSelector("#" + field + " input")).stream()
                .anyMatch(input -> fr.equals(input.getDomProperty("value"))));
    }

    /** Opens a vaadin-select and clicks the entry with that label in its list. */
    private static void select(BrowserSupport browser, String id, String label) {
        // the properties column is long: the palette may be scrolled out of the window
        browser.reveal(By.id(id), Duration.ofSeconds(60));
        browser.click(By.id(id), Duration.ofSeconds(60));
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(driver -> driver.findElements(By.cssSelector("vaadin-select-item"))
                .stream().filter(i -> label.equals(String.valueOf(i.getDomProperty("textContent")).strip())).findFirst().map(i -> {
                    // an entry low in a long list is scrolled into the list's window first
                    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", i);
                    return true;
                }).orElse(null));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
