package org.parcours.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcours.audit.AuditLog;
import org.parcours.cluster.NodeName;
import org.parcours.testsupport.TestForms;
import org.parcours.formdef.ProblemCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalog against a forms folder of its own (a copy of forms/ whose IMASP gets a unique id,
 * so the versions written here do not mix with other tests').
 */
@SpringBootTest
class FormCatalogTests {

    @Autowired
    FormVersionRepository versions;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    String key;
    Path form;
    FormCatalog catalog;

    @BeforeEach
    void copyForms() throws IOException {
        key = "imasp-" + UUID.randomUUID().toString().substring(0, 8);
        for (String shared : List.of("scales", "lists")) {
            Files.createDirectories(dir.resolve(shared));
            try (var files = Files.list(Path.of("forms", shared))) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(shared).resolve(file.getFileName()));
                }
            }
        }
        form = dir.resolve(key + ".yaml");
        Files.writeString(form, Files.readString(Path.of("forms/imasp.yaml")).replace("form: imasp", "form: " + key));
        catalog = new FormCatalog(versions, transactions, audit, Clock.systemUTC(), jdbc, new NodeName("node-a"), dir.toString());
    }

    @Test
    void twoNodesImportingTheSameChangedFileAtOnceCreateOneVersionAndBothServeIt() throws Exception {
        FormCatalog otherNode = new FormCatalog(versions, transactions, audit, Clock.systemUTC(), jdbc, new NodeName("node-b"), dir.toString());
        catalog.reload();
        otherNode.reload();
        for (int round = 0; round < 5; round++) {
            String factor = "raced_" + round;
            Files.writeString(form, Files.readString(form).replace("""
                      - id: family
                    """, """
                          - id: %s
                            type: scale
                            scale: imasp-abc
                            label: { fr: "Course", nl: "Race", en: "Race" }
                      - id: family
                    """.formatted(factor)));
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
                var a = pool.submit(() -> { start.await(); catalog.reload(); return catalog.current(key); });
                var b = pool.submit(() -> { start.await(); otherNode.reload(); return otherNode.current(key); });
                PublishedForm onA = a.get();
                PublishedForm onB = b.get();
                assertThat(onA.versionId()).as("round %d", round).isEqualTo(onB.versionId());
                assertThat(onA.definition().item(factor)).isPresent();
            }
        }
        assertThat(jdbc.queryForList("SELECT version_number FROM form_version WHERE form_key = ? ORDER BY version_number", Integer.class, key))
                .as("one version per content, numbered without gaps").containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void aVersionPublishedByAnotherNodeIsReadFromTheDatabaseByThisOne() throws Exception {
        FormCatalog otherNode = new FormCatalog(versions, transactions, audit, Clock.systemUTC(), jdbc, new NodeName("node-b"), dir.toString());
        catalog.reload();
        Files.writeString(form, Files.readString(form).replace("""
                  - id: family
                """, """
                      - id: elsewhere
                        type: scale
                        scale: imasp-abc
                        label: { fr: "Ailleurs", nl: "Elders", en: "Elsewhere" }
                  - id: family
                """));
        otherNode.reload();
        long publishedElsewhere = otherNode.current(key).versionId();

        PublishedForm read = catalog.version(publishedElsewhere);

        assertThat(read.definition().item("elsewhere")).isPresent();
        assertThat(catalog.version(publishedElsewhere)).isSameAs(read);
    }

    @Test
    void aNodeWhoseOwnFolderDidNotChangeServesTheVersionAnotherNodeMadeLive() throws IOException {
        Path otherDir = TestForms.copyOf(dir, "parcours-catalog-node-b-");
        FormCatalog otherNode = new FormCatalog(versions, transactions, audit, Clock.systemUTC(), jdbc, new NodeName("node-b"), otherDir.toString());
        catalog.reload();
        otherNode.reload();
        PublishedForm first = otherNode.current(key);
        Files.writeString(form, Files.readString(form).replace("Sans-abri", "Sans abri (rue)"));
        catalog.reload();
        PublishedForm second = catalog.current(key);
        assertThat(second.versionId()).isNotEqualTo(first.versionId());

        otherNode.followLive();
        assertThat(otherNode.current(key).versionId()).as("node B follows the live version of node A").isEqualTo(second.versionId());
        assertThat(otherNode.current(key).definition().item("homeless").orElseThrow().label().in(java.util.Locale.FRENCH))
                .isEqualTo("Sans abri (rue)");

        otherNode.reload();
        assertThat(otherNode.current(key).versionId()).as("an unchanged file on node B does not undo node A's publish")
                .isEqualTo(second.versionId());

        jdbc.update("UPDATE form_live SET version_id = ? WHERE form_key = ?", first.versionId(), key);
        catalog.followLive();
        otherNode.followLive();
        assertThat(catalog.current(key).versionId()).as("a rollback recorded only in the database").isEqualTo(first.versionId());
        assertThat(otherNode.current(key).versionId()).isEqualTo(first.versionId());
    }

    @Test
    void thePollSeesAnotherNodesPublishWithinSeconds() throws Exception {
        Path otherDir = TestForms.copyOf(dir, "parcours-catalog-node-b-");
        FormCatalog polling = new FormCatalog(versions, transactions, audit, Clock.systemUTC(), jdbc, new NodeName("node-b"), otherDir.toString(),
                java.time.Duration.ZERO, java.time.Duration.ofMillis(200));
        catalog.reload();
        polling.afterSingletonsInstantiated();
        try {
            Files.writeString(form, Files.readString(form).replace("Sans-abri", "Sans abri (poll)"));
            catalog.reload();
            long published = System.nanoTime();
            long wanted = catalog.current(key).versionId();
            while (polling.current(key).versionId() != wanted && System.nanoTime() - published < 10_000_000_000L) {
                Thread.sleep(20);
            }
            assertThat(polling.current(key).versionId()).isEqualTo(wanted);
            assertThat((System.nanoTime() - published) / 1_000_000).as("milliseconds until node B serves it").isLessThan(3_000);
        } finally {
            polling.destroy();
        }
    }

    @Test
    void anUnchangedFolderPublishesNoNewVersion() {
        catalog.reload();
        PublishedForm first = catalog.current(key);
        catalog.reload();

        assertThat(catalog.current(key).versionId()).isEqualTo(first.versionId());
        assertThat(first.versionNumber()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM form_version WHERE form_key = ?", Integer.class, key)).isEqualTo(1);
    }

    @Test
    void anAddedFactorBecomesANewVersionAndTheOldVersionStillRendersAsItWas() throws IOException {
        catalog.reload();
        PublishedForm first = catalog.current(key);
        Files.writeString(form, Files.readString(form).replace("""
                  - id: family
                """, """
                      - id: debts
                        type: scale
                        scale: imasp-abc
                        label: { fr: "Dettes", nl: "Schulden", en: "Debts" }
                  - id: family
                """));

        catalog.reload();

        PublishedForm second = catalog.current(key);
        assertThat(second.versionNumber()).isEqualTo(2);
        assertThat(second.definition().item("debts")).isPresent();
        assertThat(catalog.version(first.versionId()).definition().item("debts")).isEmpty();
        String stored = jdbc.queryForObject("SELECT definition FROM form_version WHERE id = ?", String.class, second.versionId());
        assertThat(stored).contains("scale: imasp-abc", "id: debts");
        assertThat(jdbc.queryForObject("SELECT content_hash FROM form_version WHERE id = ?", String.class, second.versionId()))
                .hasSize(64).isNotEqualTo(first.contentHash());
    }

    @Test
    void aBrokenFileKeepsTheLastGoodVersionLiveAndReportsWhereItIsBroken() throws IOException {
        catalog.reload();
        PublishedForm good = catalog.current(key);
        Files.writeString(form, Files.readString(form).replaceFirst("scale: imasp-abc", "scale: imasp-ab"));

        catalog.reload();

        FormStatus status = catalog.statuses().stream().filter(s -> s.formKey().equals(key)).findFirst().orElseThrow();
        assertThat(status.broken()).isTrue();
        assertThat(status.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_SCALE);
            assertThat(p.at().source()).isEqualTo(key + ".yaml");
            assertThat(p.at().line()).isEqualTo(12);
            assertThat(p.hint()).contains("did you mean 'imasp-abc'?");
        });
        assertThat(catalog.current(key).versionId()).isEqualTo(good.versionId());
    }

    @Test
    void theWatcherPublishesAChangedFileWithoutARestart() throws IOException, InterruptedException {
        FormCatalog watched = new FormCatalog(versions, transactions, audit, Clock.systemUTC(), jdbc, new NodeName("watched"), dir.toString(),
                java.time.Duration.ofMillis(100), java.time.Duration.ZERO);
        watched.afterSingletonsInstantiated();
        try {
            PublishedForm first = watched.current(key);
            Files.writeString(form, Files.readString(form).replace("Sans-abri", "Sans abri (rue)"));
            long deadline = System.currentTimeMillis() + 10_000;
            while (watched.current(key).versionId() == first.versionId() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(watched.current(key).versionNumber()).isEqualTo(first.versionNumber() + 1);
            assertThat(watched.current(key).definition().item("homeless").orElseThrow().label().in(java.util.Locale.FRENCH))
                    .isEqualTo("Sans abri (rue)");
        } finally {
            watched.destroy();
        }
    }

    @Test
    void aBrokenFormNeverStopsTheOthers() throws IOException {
        Files.writeString(dir.resolve("broken.yaml"), "form: broken\ntitle: [unclosed\n");

        catalog.reload();

        assertThat(catalog.current(key).definition().sections()).extracting(s -> s.id()).startsWith("medical", "housing");
        assertThat(catalog.statuses()).filteredOn(s -> s.formKey().equals("broken")).singleElement()
                .satisfies(s -> {
                    assertThat(s.live()).isEmpty();
                    assertThat(s.problems()).extracting(p -> p.code()).contains(ProblemCode.YAML_SYNTAX);
                });
        assertThat(catalog.liveForms()).extracting(PublishedForm::formKey).containsExactly(key);
    }
}
