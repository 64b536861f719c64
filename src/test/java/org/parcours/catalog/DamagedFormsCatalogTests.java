package org.parcours.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcours.audit.AuditLog;
import org.parcours.cluster.NodeName;
import org.parcours.formdef.FormProblem;
import org.parcours.testsupport.DamagedForms;
import org.parcours.testsupport.DamagedForms.Kind;
import org.parcours.testsupport.DamagedForms.Variant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 11, damaged corpus through the catalog: damaged files dropped one at a time into a watched
 * forms folder (a copy of forms/ whose forms get keys of their own). The reload never fails, a
 * broken form keeps its last good version live and says where it is broken, a broken scale, list
 * or policy file takes no form out of service, and putting the file back serves the same version
 * as before. A sample of the corpus (the reader alone takes all of it in DamagedCorpusTests).
 */
@SpringBootTest
class DamagedFormsCatalogTests {

    private static final int PER_KIND = 3;

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

    @Test
    void aDamagedFileNeverTakesALiveVersionOutOfService() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path forms = DamagedForms.copyWithOwnKeys(dir, tag);
        FormCatalog catalog = new FormCatalog(versions, transactions, audit, Clock.systemUTC(), jdbc, new NodeName("damaged-" + tag), forms.toString());
        catalog.reload();
        Map<String, Long> good = live(catalog);
        long formFiles;
        try (var files = Files.list(forms)) {
            formFiles = files.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().equals(FormCatalog.POLICY_FILE)).count();
        }
        assertThat(good).as("the forms of the copy, all valid").hasSize((int) formFiles).hasSizeGreaterThanOrEqualTo(6);
        var goodPolicy = catalog.policy();

        List<Variant> corpus = DamagedForms.generate(DamagedForms.filesOf(forms), 20261123L, PER_KIND);
        Map<Kind, int[]> counts = new EnumMap<>(Kind.class); // tried, broken and kept, read as a new version
        SoftAssertions softly = new SoftAssertions();
        for (Variant variant : corpus) {
            Path file = forms.resolve(variant.file());
            byte[] original = Files.readAllBytes(file);
            Files.write(file, variant.bytes());
            try {
                catalog.reload();
                int[] count = counts.computeIfAbsent(variant.kind(), k -> new int[3]);
                count[0]++;
                for (FormStatus status : catalog.statuses()) {
                    softly.assertThat(status.live()).as("%s: %s has a live version", variant, status.formKey()).isPresent();
                    if (status.broken()) {
                        softly.assertThat(status.live().map(PublishedForm::versionId)).as("%s: %s keeps its last good version", variant, status.formKey())
                                .contains(good.get(status.formKey()));
                        for (FormProblem problem : status.problems()) {
                            assertInside(softly, variant, forms, problem);
                        }
                    }
                }
                boolean isForm = !variant.file().contains("/") && !variant.file().equals(FormCatalog.POLICY_FILE);
                if (isForm) {
                    FormStatus own = catalog.statuses().stream().filter(s -> s.sourceName().equals(variant.file())).findFirst().orElseThrow();
                    count[own.broken() ? 1 : 2]++;
                    if (variant.kind().alwaysBroken || variant.kind() == Kind.EMPTIED) {
                        softly.assertThat(own.broken()).as("%s is reported broken", variant).isTrue();
                    }
                } else {
                    count[catalog.statuses().stream().anyMatch(FormStatus::broken) || !catalog.policyProblems().isEmpty() ? 1 : 2]++;
                    if (variant.file().equals(FormCatalog.POLICY_FILE) && !catalog.policyProblems().isEmpty()) {
                        softly.assertThat(catalog.policy()).as("%s: the last good policy", variant).isSameAs(goodPolicy);
                        catalog.policyProblems().forEach(problem -> assertInside(softly, variant, forms, problem));
                    }
                }
            } finally {
                Files.write(file, original);
            }
            catalog.reload();
            softly.assertThat(live(catalog)).as("after %s was put back", variant).isEqualTo(good);
        }
        System.out.println(report(counts));
        softly.assertAll();
    }

    private static void assertInside(SoftAssertions softly, Variant variant, Path forms, FormProblem problem) {
        Path file = forms.resolve(problem.at().source());
        softly.assertThat(file).as("%s: %s names a file of the folder", variant, problem).isRegularFile();
        if (!Files.isRegularFile(file)) {
            return;
        }
        String[] lines;
        try {
            lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        softly.assertThat(problem.at().line()).as("%s: line of %s", variant, problem).isBetween(1, lines.length);
        int line = Math.min(Math.max(problem.at().line(), 1), lines.length) - 1;
        softly.assertThat(problem.at().column()).as("%s: column of %s", variant, problem).isBetween(1, lines[line].length() + 1);
    }

    private static Map<String, Long> live(FormCatalog catalog) {
        Map<String, Long> live = new HashMap<>();
        catalog.statuses().forEach(s -> s.live().ifPresent(v -> live.put(s.formKey(), v.versionId())));
        return live;
    }


    private static String report(Map<Kind, int[]> counts) {
        StringBuilder out = new StringBuilder("Damaged files through the catalog: kind, tried, reported with the last good version live, read as valid\n");
        int[] total = new int[3];
        counts.forEach((kind, c) -> {
            out.append(String.format("  %-24s %4d %4d %4d%n", kind, c[0], c[1], c[2]));
            for (int i = 0; i < 3; i++) {
                total[i] += c[i];
            }
        });
        return out.append(String.format("  %-24s %4d %4d %4d", "TOTAL", total[0], total[1], total[2])).toString();
    }
}
