package org.parcours.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcours.audit.AuditLog;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.TestCatalogs;
import org.parcours.catalog.PublishedForm;
import org.parcours.catalog.StaleFileException;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.UserAccounts;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.ApplicationContext;

/**
 * Issue 11, concurrency: two administrators who opened the same form publish different drafts at
 * the same moment. Exactly one is published; the other is told the file changed since the draft
 * was opened ({@link StaleFileException}) and nothing of theirs is written: the file, the live
 * version and the stored versions are the winner's. Once with one application, once with two
 * application nodes sharing the forms folder. Each test has a forms folder and form key of its own.
 */
@SpringBootTest
class ConcurrentPublishTests {

    private static final int ROUNDS = 6;

    @Autowired
    ApplicationContext context;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.parcours.submissions.Submissions submissions;

    @Autowired
    UserAccounts accounts;

    @Autowired
    TestData data;

    @TempDir
    Path dir;

    String key;
    String otherAdmin;

    @BeforeEach
    void ownFolder() throws Exception {
        key = "imasp-" + UUID.randomUUID().toString().substring(0, 8);
        for (String shared : List.of("scales", "lists")) {
            Files.createDirectories(dir.resolve(shared));
            try (var files = Files.list(Path.of("forms", shared))) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(shared).resolve(file.getFileName()));
                }
            }
        }
        Files.writeString(dir.resolve(key + ".yaml"), Files.readString(Path.of("forms/imasp.yaml")).replace("form: imasp", "form: " + key));
        otherAdmin = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(otherAdmin, TestUsers.PASSWORD, "Deuxième administrateur", Set.of(Role.ADMIN), Set.of());
    }

    @Test
    void twoAdministratorsPublishingAtOnceOnOneNode() throws Exception {
        FormCatalog catalog = TestCatalogs.over(dir, context);
        catalog.reload();
        FormStudio studio = new FormStudio(catalog, currentUser, audit, submissions);
        race(studio, studio, catalog);
    }

    @Test
    void twoAdministratorsPublishingAtOnceOnTwoNodesSharingTheFolder() throws Exception {
        FormCatalog one = TestCatalogs.over(dir, context);
        FormCatalog two = TestCatalogs.over(dir, context);
        one.reload();
        two.reload();
        race(new FormStudio(one, currentUser, audit, submissions), new FormStudio(two, currentUser, audit, submissions), one);
    }

    private void race(FormStudio first, FormStudio second, FormCatalog check) throws Exception {
        Path file = dir.resolve(key + ".yaml");
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < ROUNDS; round++) {
                FormStudio.Draft mine = data.as(TestUsers.ADMIN, "ADMIN", () -> first.open(key));
                FormStudio.Draft theirs = data.as(otherAdmin, "ADMIN", () -> second.open(key));
                assertThat(theirs.fileHash()).isEqualTo(mine.fileHash());
                String myText = mine.text().replaceFirst("Sans-abri[^\"]*", "Sans-abri (admin, tour " + round + ")");
                String theirText = theirs.text().replaceFirst("Sans-abri[^\"]*", "Sans-abri (" + otherAdmin + ", tour " + round + ")");
                long versionsBefore = versions();
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Object> a = pool.submit(() -> attempt(TestUsers.ADMIN, together, first, mine, myText));
                Future<Object> b = pool.submit(() -> attempt(otherAdmin, together, second, theirs, theirText));
                List<Object> outcomes = new ArrayList<>(List.of(a.get(120, TimeUnit.SECONDS), b.get(120, TimeUnit.SECONDS)));

                assertThat(outcomes).as("round %d: exactly one publish wins", round).filteredOn(PublishedForm.class::isInstance).hasSize(1);
                assertThat(outcomes).as("round %d: the other is told the file changed", round)
                        .filteredOn(o -> !(o instanceof PublishedForm)).singleElement().isInstanceOf(StaleFileException.class);
                String winner = outcomes.get(0) instanceof PublishedForm ? myText : theirText;
                assertThat(Files.readString(file)).as("round %d: the file holds the winner's text", round).isEqualTo(winner);
                check.reload();
                assertThat(check.fileText(key)).isEqualTo(winner);
                assertThat(check.current(key).definition().item("homeless").orElseThrow().label().in(java.util.Locale.FRENCH))
                        .as("round %d: the live version is the winner's", round).isEqualTo(winner.equals(myText)
                                ? "Sans-abri (admin, tour " + round + ")" : "Sans-abri (" + otherAdmin + ", tour " + round + ")");
                assertThat(versions()).as("round %d: one new version", round).isEqualTo(versionsBefore + 1);
            }
        }
        System.out.println("concurrent publishes: " + ROUNDS + " rounds, one winner and one stale-file refusal each, 0 overwritten");
    }

    private long versions() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM form_version WHERE form_key = ?", Long.class, key);
    }

    private Object attempt(String user, CyclicBarrier together, FormStudio studio, FormStudio.Draft draft, String text) throws Exception {
        together.await(30, TimeUnit.SECONDS);
        try {
            return data.as(user, "ADMIN", () -> studio.publish(draft, text, "tour de " + user));
        } catch (RuntimeException e) {
            return e;
        }
    }
}
