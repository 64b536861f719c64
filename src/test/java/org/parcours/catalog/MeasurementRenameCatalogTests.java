package org.parcours.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationService;
import org.parcours.formdef.ProblemCode;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * An id changed on disk while stored answers exist for it: without {@code was:} or
 * {@code retired:} the new version is held back (the last good one stays live) and the problem
 * says how many answers it would orphan and how to declare the change; with {@code was:} it is
 * published. A catalog of the test's own over a copy of the forms folder, counting the stored
 * IMASP answers of the real database.
 */
@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
class MeasurementRenameCatalogTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    TestData data;

    @TempDir
    Path dir;

    FormCatalog catalog;
    Path file;
    String original;

    @BeforeEach
    void ownFolder() throws Exception {
        for (String shared : List.of("scales", "lists")) {
            Files.createDirectories(dir.resolve(shared));
            try (var files = Files.list(Path.of("forms", shared))) {
                for (Path f : files.toList()) {
                    Files.copy(f, dir.resolve(shared).resolve(f.getFileName()));
                }
            }
        }
        file = dir.resolve("imasp.yaml");
        original = Files.readString(Path.of("forms/imasp.yaml"));
        Files.writeString(file, original);
        catalog = TestCatalogs.over(dir, context);
        catalog.setStoredAnswers(context.getBeanProvider(StoredAnswers.class));
        catalog.reload();
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Renamed");
        evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("hygiene", "B", "illness", "A"));
    }

    @Test
    void anIdChangedWithoutWasIsHeldBackWithTheNumberOfOrphanedAnswers() throws Exception {
        long live = catalog.current("imasp").versionId();
        int stored = context.getBean(StoredAnswers.class).countAnswering("imasp", "hygiene");
        Files.writeString(file, original.replace("- id: hygiene", "- id: hygien"));

        catalog.reload();

        FormStatus status = catalog.statuses().stream().filter(s -> s.formKey().equals("imasp")).findFirst().orElseThrow();
        assertThat(catalog.current("imasp").versionId()).as("the last good version stays live").isEqualTo(live);
        assertThat(status.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.ORPHANED_ANSWERS);
            assertThat(p.message()).isEqualTo("id 'hygiene' disappeared with " + stored + " stored answer(s)");
            assertThat(p.hint()).contains("was: hygiene", "retired: [hygiene]");
        });
        assertThat(stored).isPositive();
    }

    @Test
    void anIdChangedWithWasOrRetiredIsPublished() throws Exception {
        long live = catalog.current("imasp").versionId();
        try {
            Files.writeString(file, original.replace("- id: hygiene\n", "- id: hygien\n        was: hygiene\n"));
            catalog.reload();
            assertThat(catalog.current("imasp").versionId()).isNotEqualTo(live);
            assertThat(catalog.current("imasp").definition().renames().renamedTo("hygiene")).contains("hygien");

            Files.writeString(file, original.replace("- id: hygiene\n", "- id: hygiene_care\n")
                    .replace("form: imasp\n", "form: imasp\nretired: [hygiene, hygien]\n"));
            catalog.reload();
            assertThat(catalog.statuses().stream().filter(s -> s.formKey().equals("imasp")).findFirst().orElseThrow().problems()).isEmpty();
        } finally {
            // the live IMASP version is the database's: put the shipped one back for the other tests
            Files.writeString(file, original);
            catalog.reload();
        }
        assertThat(catalog.current("imasp").versionId()).isEqualTo(live);
    }
}
