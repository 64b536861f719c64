package org.parcours.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs last in the {@code bench} profile (classes are ordered by {@link Order} there): prints the
 * whole report, every figure P1..P7 with its target and PASS / MISS / SKIPPED / NOT RUN, and
 * leaves it in {@code target/bench-report.md}.
 */
@Tag("bench")
@Order(Integer.MAX_VALUE)
class BenchSummaryBenchmark {

    @Test
    void printsTheReport() throws Exception {
        String report = BenchReport.markdown();
        Files.createDirectories(BenchReport.file().toAbsolutePath().getParent());
        Files.writeString(BenchReport.file(), report);
        System.out.printf("%n%n==================== BENCHMARK REPORT (%s) ====================%n%s%n", BenchReport.file().toAbsolutePath(), report);
        assertThat(report).contains("| P1 |", "| P7 |");
    }
}
