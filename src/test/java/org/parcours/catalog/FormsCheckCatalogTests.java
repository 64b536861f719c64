package org.parcours.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcours.audit.AuditLog;
import org.parcours.cluster.NodeName;
import org.parcours.formcheck.FormsCheck;
import org.parcours.formdef.FormProblem;
import org.parcours.formdef.ProblemCode;
import org.parcours.testsupport.DamagedForms;
import org.parcours.testsupport.DamagedForms.Variant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code forms check} reports the same problems as the running catalog: for each file of a sample
 * of the damaged corpus, dropped into a watched folder, the problems the catalog shows (forms'
 * statuses, the policy, the shared files) equal those of {@link FormsCheck} on the same folder.
 * One difference is by design: a shared file that is not UTF-8 is only logged by the catalog (the
 * forms using it report the missing reference), while the check also names the file itself.
 */
@SpringBootTest
class FormsCheckCatalogTests {

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
    void theCheckAndTheCatalogReportTheSameProblems() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path forms = DamagedForms.copyWithOwnKeys(dir, tag);
        FormCatalog catalog = new FormCatalog(versions, transactions, audit, Clock.systemUTC(), jdbc, new NodeName("check-" + tag), forms.toString());
        catalog.reload();
        assertThat(reported(catalog)).as("the intact copy").isEmpty();
        assertThat(new FormsCheck().check(forms).problems()).as("the intact copy").isEmpty();

        List<Variant> corpus = DamagedForms.generate(DamagedForms.filesOf(forms), 20261123L, 2);
        SoftAssertions softly = new SoftAssertions();
        int broken = 0;
        for (Variant variant : corpus) {
            Path file = forms.resolve(variant.file());
            byte[] original = Files.readAllBytes(file);
            Files.write(file, variant.bytes());
            try {
                catalog.reload();
                Set<String> app = reported(catalog);
                Set<String> check = new FormsCheck().check(forms).problems().stream()
                        .filter(p -> !(p.code() == ProblemCode.ENCODING && FormsFolder.isShared(p.at().source())))
                        .map(FormsCheckCatalogTests::line).collect(Collectors.toCollection(LinkedHashSet::new));
                softly.assertThat(check).as("%s: forms check vs the catalog", variant).isEqualTo(app);
                if (!app.isEmpty()) {
                    broken++;
                }
            } finally {
                Files.write(file, original);
            }
        }
        catalog.reload();
        System.out.println("forms check vs the catalog: " + corpus.size() + " damaged files, " + broken + " with problems, compared");
        assertThat(broken).isGreaterThan(corpus.size() / 2);
        softly.assertAll();
    }

    private static Set<String> reported(FormCatalog catalog) {
        Set<String> problems = new LinkedHashSet<>();
        catalog.statuses().forEach(s -> s.problems().forEach(p -> problems.add(line(p))));
        catalog.policyProblems().forEach(p -> problems.add(line(p)));
        catalog.sharedFiles().forEach(f -> f.problems().forEach(p -> problems.add(line(p))));
        return problems;
    }

    private static String line(FormProblem problem) {
        return problem.toString();
    }

}
