package org.parcours.formdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Damaged YAML never breaks the reader: whatever is done to a real form file (characters deleted
 * or inserted, lines duplicated, swapped or re-indented, the file cut short), {@link FormReader#read}
 * either reads it or throws a {@link FormDefinitionException} whose every problem has a code and
 * a position (the given source name, line and column from 1). Any other exception, or a read that
 * does not end, is a bug.
 */
class FormReaderPropertyTests {

    private static final Path FORMS = Path.of("forms");
    /** The real files of forms/, by name relative to forms/; read once. */
    private static final Map<String, String> SHIPPED = shipped();
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    // ---- properties ----------------------------------------------------------------------------

    @Property(tries = 300)
    void aDamagedFileIsReadOrReportedWithPositions(@ForAll("shippedNames") String name,
            @ForAll @Size(min = 1, max = 6) List<@From("damages") Damage> damages) {
        String text = damage(SHIPPED.get(name), damages);

        assertReadOrReported(List.of(new FormSource(name, text)), name, text);
    }

    /** With the other files beside it, scale and list references resolve and deeper checks run. */
    @Property(tries = 200)
    void aDamagedFileAmongTheOthersIsReadOrReportedWithPositions(@ForAll("shippedNames") String name,
            @ForAll @Size(min = 1, max = 4) List<@From("damages") Damage> damages) {
        String text = damage(SHIPPED.get(name), damages);
        List<FormSource> sources = new ArrayList<>();
        SHIPPED.forEach((other, otherText) -> sources.add(new FormSource(other, other.equals(name) ? text : otherText)));

        assertReadOrReported(sources, null, text);
    }

    /** Not even YAML: short runs of the characters YAML cares about. */
    @Property(tries = 200)
    void garbageIsReadOrReportedWithPositions(@ForAll("garbage") String text) {
        assertReadOrReported(List.of(new FormSource("garbage.yaml", text)), "garbage.yaml", text);
    }

    /**
     * Reads the sources and checks the outcome.
     *
     * @param expectedSource the name every problem must carry, or null for "one of the given names"
     */
    private static void assertReadOrReported(List<FormSource> sources, String expectedSource, String damagedText) {
        Set<String> names = sources.stream().map(FormSource::name).collect(Collectors.toSet());
        Throwable thrown = catchThrowable(() -> assertTimeoutPreemptively(PATIENCE, () -> new FormReader().read(sources),
                () -> "the reader did not finish within " + PATIENCE));
        Statistics.label("outcome").collect(thrown == null ? "read" : thrown.getClass().getSimpleName());
        if (thrown == null) {
            return;
        }
        assertThat(thrown).as("reading the damaged text:%n%s", damagedText).isInstanceOf(FormDefinitionException.class);
        List<FormProblem> problems = ((FormDefinitionException) thrown).problems();
        assertThat(problems).as("problems of a FormDefinitionException").isNotEmpty();
        assertThat(problems).allSatisfy(problem -> {
            assertThat(problem.code()).as("code of %s", problem).isNotNull();
            assertThat(problem.at()).as("position of %s", problem).isNotNull();
            if (expectedSource != null) {
                assertThat(problem.at().source()).as("source of %s", problem).isEqualTo(expectedSource);
            } else {
                assertThat(problem.at().source()).as("source of %s", problem).isIn(names);
            }
            assertThat(problem.at().line()).as("line of %s", problem).isGreaterThanOrEqualTo(1);
            assertThat(problem.at().column()).as("column of %s", problem).isGreaterThanOrEqualTo(1);
        });
    }

    // ---- damage --------------------------------------------------------------------------------

    /** One kind of damage; positions are taken modulo the text's length so any number fits. */
    sealed interface Damage {

        String apply(String text);
    }

    record DeleteRange(int at, int length) implements Damage {

        @Override
        public String apply(String text) {
            int from = at % (text.length() + 1);
            return text.substring(0, from) + text.substring(Math.min(text.length(), from + length));
        }
    }

    record Insert(int at, String chars) implements Damage {

        @Override
        public String apply(String text) {
            int where = at % (text.length() + 1);
            return text.substring(0, where) + chars + text.substring(where);
        }
    }

    record ReplaceCharacter(int at, String replacement) implements Damage {

        @Override
        public String apply(String text) {
            if (text.isEmpty()) {
                return replacement;
            }
            int where = at % text.length();
            return text.substring(0, where) + replacement + text.substring(where + 1);
        }
    }

    record Truncate(int at) implements Damage {

        @Override
        public String apply(String text) {
            return text.substring(0, at % (text.length() + 1));
        }
    }

    record DuplicateLine(int line) implements Damage {

        @Override
        public String apply(String text) {
            List<String> lines = lines(text);
            int i = line % lines.size();
            lines.add(i, lines.get(i));
            return String.join("\n", lines);
        }
    }

    record SwapLines(int first, int second) implements Damage {

        @Override
        public String apply(String text) {
            List<String> lines = lines(text);
            int a = first % lines.size();
            int b = second % lines.size();
            String line = lines.get(a);
            lines.set(a, lines.get(b));
            lines.set(b, line);
            return String.join("\n", lines);
        }
    }

    record DeleteLine(int line) implements Damage {

        @Override
        public String apply(String text) {
            List<String> lines = lines(text);
            lines.remove(line % lines.size());
            return String.join("\n", lines);
        }
    }

    record ReplaceIndentation(int line, String indentation) implements Damage {

        @Override
        public String apply(String text) {
            List<String> lines = lines(text);
            int i = line % lines.size();
            lines.set(i, indentation + lines.get(i).stripLeading());
            return String.join("\n", lines);
        }
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    }

    private static String damage(String text, List<Damage> damages) {
        String damaged = text;
        for (Damage d : damages) {
            damaged = d.apply(damaged);
        }
        return damaged;
    }

    // ---- arbitraries ---------------------------------------------------------------------------

    /** Characters and tokens that mean something to YAML, and a few that should never appear. */
    private static final List<String> TOKENS = List.of(
            ":", ": ", "-", "- ", "{", "}", "[", "]", ",", "'", "\"", "\t", "\n", "\r\n", "\r", "#", " ",
            "---", "...", "---\n", "? ", "|", ">", "|-\n", "&a ", "*a", "<<: *a\n", "!!str ", "!!binary ",
            "!!python/object:java.lang.Object ", "!foo ", "%YAML 1.1\n", "~", "null", "true", "no", "1e400",
            "0x1F", ".inf", "2020-01-31", "P3M", "id: ", "type: ", "label: ", "items:\n", "- id: x\n",
            "{ fr: \"a\", nl: \"b\", en: \"c\" }", "\u0000", "\u0007", "\uFEFF", "\uD800", "\uDC00", "é", "\u2028");

    @Provide
    Arbitrary<String> shippedNames() {
        return Arbitraries.of(List.copyOf(SHIPPED.keySet()));
    }

    @Provide
    Arbitrary<Damage> damages() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 1_000_000);
        Arbitrary<String> chars = Arbitraries.oneOf(
                Arbitraries.of(TOKENS),
                Arbitraries.strings().withChars(":-{}[],'\"\t\n #&*!|>?%@`\\").withCharRange('a', 'z')
                        .withCharRange('0', '9').ofMinLength(1).ofMaxLength(8),
                Arbitraries.of(TOKENS).list().ofMinSize(2).ofMaxSize(5).map(list -> String.join("", list)));
        Arbitrary<String> indentation = Arbitraries.of("", " ", "  ", "   ", "    ", "\t", "  \t", "- ", "      ", "          ");
        return Arbitraries.oneOf(
                Combinators.combine(position, Arbitraries.integers().between(1, 200)).as(DeleteRange::new),
                Combinators.combine(position, chars).as(Insert::new),
                Combinators.combine(position, chars).as(ReplaceCharacter::new),
                position.map(Truncate::new),
                position.map(DuplicateLine::new),
                Combinators.combine(position, position).as(SwapLines::new),
                position.map(DeleteLine::new),
                Combinators.combine(position, indentation).as(ReplaceIndentation::new));
    }

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(":-{}[],'\"\t\n #&*!|>?%@`\\").withCharRange('a', 'z').ofMaxLength(60),
                Arbitraries.of(TOKENS).list().ofMaxSize(20).map(list -> String.join("", list)));
    }

    // ---- the real files ------------------------------------------------------------------------

    private static Map<String, String> shipped() {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(FORMS)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                files.put(FORMS.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no *.yaml under " + FORMS.toAbsolutePath());
        }
        return Collections.unmodifiableMap(files);
    }
}
