package org.parcours.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcours.audit.AuditLog;
import org.parcours.cluster.NodeName;
import org.parcours.formdef.FormDefinitionException;
import org.parcours.formdef.programme.Programme;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Programme files in the catalog: read after the forms and the policy, changed from the studio
 * without a restart; a broken one is refused with its place and the last good version stays live.
 */
@SpringBootTest
class ProgrammeCatalogTests {

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
    Path programme;
    FormCatalog catalog;

    static String programme(String key, String condition) {
        return """
                programme: %s
                form: %s
                title: { fr: "P", nl: "P", en: "P" }
                rules:
                  - id: stuck
                    effect: flag
                    each: factor
                    when: "%s"
                    message: { fr: "Bloqué {policy.imasp.persistent_problem_measurements}", nl: "Vast", en: "Stuck" }
                """.formatted(key, key, condition);
    }

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
        Files.copy(Path.of("forms/policy.yaml"), dir.resolve("policy.yaml"));
        Files.writeString(dir.resolve(key + ".yaml"), Files.readString(Path.of("forms/imasp.yaml")).replace("form: imasp", "form: " + key));
        Files.createDirectories(dir.resolve("programmes"));
        programme = dir.resolve("programmes/" + key + ".yaml");
        Files.writeString(programme, programme(key, "factor_run >= policy.imasp.persistent_problem_measurements"));
        catalog = new FormCatalog(versions, transactions, audit, Clock.systemUTC(), jdbc, new NodeName("node-p"), dir.toString());
        catalog.reload();
    }

    private Programme live() {
        return catalog.programmes().stream().filter(p -> p.id().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void aProgrammeChangedInTheStudioAppliesAtOnceAndABrokenOneIsRefusedWithItsPlace() throws IOException {
        assertThat(live().rule("stuck").orElseThrow().condition().source()).isEqualTo("factor_run >= policy.imasp.persistent_problem_measurements");
        assertThat(live().rule("stuck").orElseThrow().message().in(Locale.FRENCH)).isEqualTo("Bloqué {policy.imasp.persistent_problem_measurements}");
        String name = "programmes/" + key + ".yaml";
        assertThat(catalog.isSharedFile(name)).as("edited in the studio as a shared file").isTrue();

        String broken = programme(key, "factor_run >= policy.imasp.persistent_problem_measurement");
        FormDefinitionException refused = catchThrowableOfType(FormDefinitionException.class, () -> catalog.publishSharedFile(name, broken,
                FormCatalog.hashOf(Files.readString(programme)), "admin", "typo"));
        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.at().toString()).startsWith(name + ":8:");
            assertThat(p.message()).contains("persistent_problem_measurement");
            assertThat(p.code().code()).isEqualTo("expression-type");
        });
        assertThat(Files.readString(programme)).as("nothing written").doesNotContain("measurement\"");
        assertThat(live().rule("stuck").orElseThrow().condition().source()).endsWith("persistent_problem_measurements");

        catalog.publishSharedFile(name, programme(key, "factor_run >= 2"), FormCatalog.hashOf(Files.readString(programme)), "admin", "two");
        assertThat(live().rule("stuck").orElseThrow().condition().source()).as("live without a restart").isEqualTo("factor_run >= 2");

        // broken on disk (an editor's save): reported with its place, the last good version stays live
        Files.writeString(programme, programme(key, "factor_run >= ("));
        catalog.reload();
        assertThat(catalog.programmeProblems().get(name)).isNotEmpty()
                .allSatisfy(p -> assertThat(p.at().toString()).startsWith(name + ":8:"));
        assertThat(live().rule("stuck").orElseThrow().condition().source()).isEqualTo("factor_run >= 2");
        assertThat(catalog.sharedFiles()).filteredOn(f -> f.name().equals(name)).singleElement()
                .satisfies(f -> assertThat(f.broken()).isTrue());

        Files.delete(programme);
        catalog.reload();
        assertThat(catalog.programmes()).noneMatch(p -> p.id().equals(key));
    }
}
