package org.parcours.formdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.parcours.testsupport.DamagedForms;
import org.parcours.testsupport.DamagedForms.Kind;
import org.parcours.testsupport.DamagedForms.Variant;

/**
 * Issue 11, damaged corpus: a fixed-seed corpus of damaged copies of every file of forms/, each
 * read with the other (intact) files as the catalog reads it. The reader never throws anything
 * but a {@link FormDefinitionException}, never hangs, and every problem points at a line and
 * column that exist in the file it names; damages that must break a file do, with the expected
 * problem on the damaged line. The catalog side (the last good version stays live) is in
 * {@code DamagedFormsCatalogTests}.
 */
class DamagedCorpusTests {

    static final long SEED = 20261123L;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void everyDamagedFileIsReadOrReportedWithAPlaceInsideTheFile() {
        Map<String, String> shipped = DamagedForms.filesOf(Path.of("forms"));
        // programme files have a reader of their own (ProgrammeReader; the damaged files of forms check cover it)
        shipped.keySet().removeIf(org.parcours.catalog.FormsFolder::isProgramme);
        List<Variant> corpus = DamagedForms.generate(shipped, SEED, 18);
        assertThat(corpus).as("damaged files").hasSizeGreaterThanOrEqualTo(200);

        Map<Kind, int[]> counts = new EnumMap<>(Kind.class); // tried, reported, read
        SoftAssertions softly = new SoftAssertions();
        for (Variant variant : corpus) {
            Throwable thrown = catchThrowable(() -> assertTimeoutPreemptively(PATIENCE, () -> read(shipped, variant),
                    () -> variant + ": the reader did not finish within " + PATIENCE));
            int[] count = counts.computeIfAbsent(variant.kind(), k -> new int[3]);
            count[0]++;
            count[thrown == null ? 2 : 1]++;
            if (thrown == null) {
                softly.assertThat(variant.kind().alwaysBroken).as("%s was read as valid", variant).isFalse();
                continue;
            }
            if (!(thrown instanceof FormDefinitionException reported)) {
                softly.fail("%s threw %s", variant, thrown);
                continue;
            }
            for (FormProblem problem : reported.problems()) {
                String text = problem.at().source().equals(variant.file()) ? lenient(variant) : shipped.get(problem.at().source());
                softly.assertThat(text).as("%s: %s names a file that exists", variant, problem).isNotNull();
                if (text != null) {
                    String[] lines = text.split("\n", -1);
                    softly.assertThat(problem.at().line()).as("%s: line of %s (the file has %d)", variant, problem, lines.length)
                            .isBetween(1, lines.length);
                    int line = Math.min(Math.max(problem.at().line(), 1), lines.length) - 1;
                    softly.assertThat(problem.at().column()).as("%s: column of %s", variant, problem)
                            .isBetween(1, lines[line].length() + 1);
                }
            }
            if (variant.expected() != null) {
                softly.assertThat(reported.problems()).as("%s: expected a %s problem", variant, variant.expected())
                        .anySatisfy(p -> assertThat(p.code()).isEqualTo(variant.expected()));
            }
            if (variant.expectedLine() > 0) {
                softly.assertThat(reported.problems()).as("%s: a problem on the damaged line", variant)
                        .anySatisfy(p -> {
                            assertThat(p.at().source()).isEqualTo(variant.file());
                            assertThat(p.at().line()).isEqualTo(variant.expectedLine());
                        });
            }
        }
        System.out.println(report(counts));
        softly.assertAll();
    }

    /**
     * The damaged file with the shared scales and lists, as the catalog reads a form; a damaged
     * shared file with every form, whose references it may break. Bytes are decoded as the catalog does.
     */
    private static FormBundle read(Map<String, String> shipped, Variant variant) {
        boolean shared = variant.file().contains("/");
        List<FormSource> sources = new ArrayList<>();
        for (var file : shipped.entrySet()) {
            if (file.getKey().equals(variant.file())) {
                sources.add(FormSource.decode(variant.file(), variant.bytes()));
            } else if (shared || file.getKey().contains("/")) {
                sources.add(new FormSource(file.getKey(), file.getValue()));
            }
        }
        return new FormReader().read(sources);
    }

    private static String lenient(Variant variant) {
        return new String(variant.bytes(), StandardCharsets.UTF_8);
    }

    static String report(Map<Kind, int[]> counts) {
        StringBuilder out = new StringBuilder("Damaged corpus (seed " + SEED + "): kind, tried, reported, read as valid\n");
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
