package org.parcours.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parcours.formdef.FormBundle;
import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Not a unit test: prints how long loading and validating every file of forms/ takes (YAML with
 * positions, all checks, CEL type-checking) next to a plain SnakeYAML parse of the same files,
 * measured alternately in one run, as a ratio. Run with {@code ./mvnw test -Pbench}.
 */
@Tag("bench")
@Order(7)
class FormLoadBenchmark {

    private static final int WARMUP = 30;
    private static final int RUNS = 60;

    @Test
    void loadAndValidateAllFormsComparedWithAPlainYamlParse() throws IOException {
        List<FormSource> sources = sources();
        long[] plain = new long[RUNS];
        long[] full = new long[RUNS];
        long[] cold = new long[RUNS];
        int checksum = 0;
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long t0 = System.nanoTime();
            checksum += plainParse(sources);
            long t1 = System.nanoTime();
            FormBundle bundle = new FormReader().read(sources);
            long t2 = System.nanoTime();
            checksum += bundle.forms().size();
            // the same read with nothing kept from earlier reads, as the first read after a start
            FormReader.forgetCompiledExpressions();
            long t3 = System.nanoTime();
            checksum += new FormReader().read(sources).forms().size();
            long t4 = System.nanoTime();
            if (i >= WARMUP) {
                plain[i - WARMUP] = t1 - t0;
                full[i - WARMUP] = t2 - t1;
                cold[i - WARMUP] = t4 - t3;
            }
        }
        Arrays.sort(plain);
        Arrays.sort(full);
        Arrays.sort(cold);
        double coldMedian = cold[RUNS / 2] / 1e6;
        double plainMedian = plain[RUNS / 2] / 1e6;
        double fullMedian = full[RUNS / 2] / 1e6;
        int chars = sources.stream().mapToInt(s -> s.text().length()).sum();
        System.out.printf("%n== forms/ load benchmark: %d files, %d characters, %d runs after %d warm-up ==%n",
                sources.size(), chars, RUNS, WARMUP);
        System.out.printf("plain YAML parse (SnakeYAML loadAll)     median %8.2f ms   min %8.2f ms%n", plainMedian, plain[0] / 1e6);
        System.out.printf("Parcours read + validate + CEL checking  median %8.2f ms   min %8.2f ms%n", fullMedian, full[0] / 1e6);
        System.out.printf("ratio (median) %.2fx   [target in issue 10: <= 3x]%n%n", fullMedian / plainMedian);
        BenchReport.ratio("P7", "forms/ read + validate + CEL checking (median) vs plain SnakeYAML loadAll", fullMedian, plainMedian, "ms", 3.0, true,
                String.format(java.util.Locale.ROOT, "%d files, %d characters, median of %d runs after %d warm-up; compiled expressions "
                        + "kept across reads (a reload after a change checks only the changed expressions)", sources.size(), chars, RUNS, WARMUP));
        BenchReport.ratio("P7", "same, first read (nothing kept from earlier reads, median)", coldMedian, plainMedian, "ms", 3.0, true,
                "FormReader.forgetCompiledExpressions before each read; computed values' dependencies from the parse tree, each expression checked once");
        assertThat(checksum).isPositive();
    }

    private static int plainParse(List<FormSource> sources) {
        int documents = 0;
        for (FormSource source : sources) {
            for (Object ignored : new Yaml(new LoaderOptions()).loadAll(source.text())) {
                documents++;
            }
        }
        return documents;
    }

    private static List<FormSource> sources() throws IOException {
        Path dir = Path.of("forms");
        List<FormSource> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            // programme files have a reader of their own (ProgrammeReader): the form reader's files only
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !dir.relativize(f).startsWith("programmes")).sorted().toList()) {
                sources.add(new FormSource(dir.relativize(file).toString(), Files.readString(file)));
            }
        }
        return sources;
    }
}
