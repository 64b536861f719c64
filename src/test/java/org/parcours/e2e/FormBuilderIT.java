package org.parcours.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
        browser.choose("item-stability", "C");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("prop-evaluates-visible-when"), "affiché"));
        browser.reveal(By.id("item-details"), timeout);
        browser.screenshot("builder-visible-when");

        browser.type("publish-comment", "Nouveau formulaire");
        browser.click(By.id("publish"), timeout);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("studio-message"), "La version 1 est en service"));
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
        browser.click(By.id(id), Duration.ofSeconds(60));
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(driver -> driver.findElements(By.cssSelector("vaadin-select-item"))
                .stream().filter(i -> i.isDisplayed() && i.getText().strip().equals(label)).findFirst().map(i -> {
                    i.click();
                    return true;
                }).orElse(null));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
