package org.parcours.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.parcours.catalog.FormsFolder;
import org.parcours.formdef.ProblemCode;

/**
 * A deterministic corpus of damaged copies of the real files of forms/ (issue 11): for a seed,
 * always the same variants. Each variant says what was done, to which file, and for the damages
 * that must break the file, which problem is expected and on which line (1-based).
 */
public final class DamagedForms {

    /** What was done to the file. */
    public enum Kind {
        /** cut at a random byte of the text (may still be a valid, shorter file) */
        TRUNCATED(false),
        /** a random line removed (may still be valid) */
        LINE_DELETED(false),
        /** a random line written twice (often a duplicate key) */
        LINE_DUPLICATED(false),
        /** two random lines exchanged */
        LINES_SWAPPED(false),
        /** the indentation of an indented line replaced by a tab */
        TAB_INDENTATION(true),
        /** an item's label given as a list */
        WRONG_TYPE(true),
        /** a key no item knows, beside an item's type */
        UNKNOWN_KEY(true),
        /** an item id replaced by the id of another item of the same file */
        DUPLICATE_ID(true),
        /** a visibility, requirement or computed expression that does not parse */
        BAD_EXPRESSION(true),
        /** an item's scale reference to a scale that does not exist */
        BROKEN_SCALE_REFERENCE(true),
        /** an item's list reference to a list that does not exist */
        BROKEN_LIST_REFERENCE(true),
        /** bytes that are not UTF-8 at the start of a line */
        INVALID_UTF8(true),
        /** a NUL or BEL character inside a quoted label */
        CONTROL_CHARACTER(true),
        /** the file padded with comments beyond the reader's size limit */
        HUGE(true),
        /** nothing left but a comment: fine for the reader, but a form file that defines no form is broken */
        EMPTIED(false);

        /** the file can never be read as valid after this damage */
        public final boolean alwaysBroken;

        Kind(boolean alwaysBroken) {
            this.alwaysBroken = alwaysBroken;
        }
    }

    /**
     * One damaged file.
     *
     * @param expectedLine the line a problem must point at, 0 when any line will do
     * @param expected the problem code expected, null when any code (or a valid file) will do
     */
    public record Variant(int number, String file, Kind kind, byte[] bytes, int expectedLine, ProblemCode expected) {

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "#" + number + " " + kind + " of " + file + (expectedLine > 0 ? " at line " + expectedLine : "");
        }
    }

    private static final Pattern LABEL = Pattern.compile("^(\\s*(?:- )?label: )\\{.*\\}\\s*$");
    private static final Pattern TYPE = Pattern.compile("^(\\s*)type: .*$");
    private static final Pattern ID = Pattern.compile("^(\\s*- )id: ([a-z0-9_-]+)\\s*$");
    private static final Pattern EXPRESSION = Pattern.compile("^(\\s*(?:- )?(?:visible-when|required-when|expression): ).*$");
    private static final Pattern SCALE_REF = Pattern.compile("^(\\s+scale: )\\S+\\s*$");
    private static final Pattern LIST_REF = Pattern.compile("^(\\s+list: )\\S+\\s*$");
    private static final Pattern INDENTED = Pattern.compile("^ +[^\\s#].*$");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]{3,}\"");
    private static final List<byte[]> BAD_BYTES = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80});
    private static final List<String> BAD_EXPRESSIONS = List.of("\"(( +\"", "\"homeless ==\"", "\"&& true\"", "\"a b c\"",
            "\"size(\"", "\"1 +* 2\"");

    private final Map<String, String> files;
    private final Random random;
    private final List<Variant> variants = new ArrayList<>();

    private DamagedForms(Map<String, String> files, long seed) {
        this.files = files;
        this.random = new Random(seed);
    }

    /** The real files of a forms folder, by name relative to it, in a stable order. */
    /**
     * Writes forms/ into {@code dir} with every form file and key renamed {@code <key>-<tag>}, so
     * its versions are its own in a shared database; the programmes name the renamed forms.
     */
    public static Path copyWithOwnKeys(Path dir, String tag) throws IOException {
        for (var file : filesOf(Path.of("forms")).entrySet()) {
            String name = file.getKey();
            String text = file.getValue();
            if (FormsFolder.isForm(name)) {
                String key = FormsFolder.keyOf(name);
                name = key + "-" + tag + ".yaml";
                text = text.replaceFirst("(?m)^form: " + Pattern.quote(key) + "\\s*$", "form: " + key + "-" + tag);
            } else if (FormsFolder.isProgramme(name)) {
                text = text.replaceFirst("(?m)^form: ([a-z0-9_-]+)\\s*$", "form: $1-" + tag);
            }
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            Files.writeString(target, text);
        }
        return dir;
    }

    public static Map<String, String> filesOf(Path formsDir) {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(formsDir)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                files.put(formsDir.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /**
     * {@code perKind} variants of each kind (fewer for HUGE, and for a kind that only some files
     * allow when they offer fewer places), spread over the files at random.
     */
    public static List<Variant> generate(Map<String, String> files, long seed, int perKind) {
        DamagedForms corpus = new DamagedForms(files, seed);
        for (Kind kind : Kind.values()) {
            int wanted = kind == Kind.HUGE ? Math.min(perKind, 4) : perKind;
            for (int attempt = 0, made = 0; made < wanted && attempt < wanted * 20; attempt++) {
                if (corpus.make(kind)) {
                    made++;
                }
            }
        }
        return List.copyOf(corpus.variants);
    }

    private boolean make(Kind kind) {
        List<String> names = List.copyOf(files.keySet());
        String file = names.get(random.nextInt(names.size()));
        String text = files.get(file);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        boolean isForm = !file.contains("/") && !file.equals("policy.yaml");
        return switch (kind) {
            case TRUNCATED -> add(file, kind, text.substring(0, random.nextInt(text.length())), 0, null);
            case LINE_DELETED -> {
                lines.remove(random.nextInt(lines.size()));
                yield add(file, kind, String.join("\n", lines), 0, null);
            }
            case LINE_DUPLICATED -> {
                int i = random.nextInt(lines.size());
                lines.add(i, lines.get(i));
                yield add(file, kind, String.join("\n", lines), 0, null);
            }
            case LINES_SWAPPED -> {
                int a = random.nextInt(lines.size());
                int b = random.nextInt(lines.size());
                String line = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, line);
                yield add(file, kind, String.join("\n", lines), 0, null);
            }
            case TAB_INDENTATION -> replaceLine(file, kind, lines, INDENTED, m -> "\t" + m.group().stripLeading(), ProblemCode.YAML_SYNTAX);
            case WRONG_TYPE -> replaceLine(file, kind, lines, LABEL, m -> m.group(1) + "[wrong, type]", ProblemCode.WRONG_TYPE);
            case UNKNOWN_KEY -> {
                List<Integer> at = matching(lines, TYPE);
                if (!isForm || at.isEmpty()) {
                    yield false;
                }
                int i = at.get(random.nextInt(at.size()));
                Matcher m = TYPE.matcher(lines.get(i));
                m.matches();
                lines.add(i + 1, m.group(1) + "colour_of_the_sky: blue");
                yield add(file, kind, String.join("\n", lines), i + 2, ProblemCode.UNKNOWN_KEY);
            }
            case DUPLICATE_ID -> {
                List<Integer> at = matching(lines, ID);
                if (!isForm || at.size() < 2) {
                    yield false;
                }
                int from = at.get(random.nextInt(at.size()));
                int to = at.get(random.nextInt(at.size()));
                Matcher source = ID.matcher(lines.get(from));
                Matcher target = ID.matcher(lines.get(to));
                if (from == to || !source.matches() || !target.matches() || source.group(2).equals(target.group(2))) {
                    yield false;
                }
                lines.set(to, target.group(1) + "id: " + source.group(2));
                yield add(file, kind, String.join("\n", lines), 0, ProblemCode.DUPLICATE_ID);
            }
            case BAD_EXPRESSION -> replaceLine(file, kind, lines, EXPRESSION,
                    m -> m.group(1) + BAD_EXPRESSIONS.get(random.nextInt(BAD_EXPRESSIONS.size())), null);
            case BROKEN_SCALE_REFERENCE -> isForm
                    && replaceLine(file, kind, lines, SCALE_REF, m -> m.group(1) + "no-such-scale", ProblemCode.UNKNOWN_SCALE);
            case BROKEN_LIST_REFERENCE -> isForm
                    && replaceLine(file, kind, lines, LIST_REF, m -> m.group(1) + "no-such-list", ProblemCode.UNKNOWN_LIST);
            case INVALID_UTF8 -> {
                int i = random.nextInt(lines.size());
                byte[] before = String.join("\n", lines.subList(0, i)).getBytes(StandardCharsets.UTF_8);
                byte[] after = String.join("\n", lines.subList(i, lines.size())).getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                bytes.writeBytes(before);
                if (i > 0) {
                    bytes.write('\n');
                }
                bytes.writeBytes(BAD_BYTES.get(random.nextInt(BAD_BYTES.size())));
                bytes.writeBytes(after);
                variants.add(new Variant(variants.size() + 1, file, kind, bytes.toByteArray(), i + 1, ProblemCode.ENCODING));
                yield true;
            }
            case CONTROL_CHARACTER -> {
                List<Integer> at = matching(lines, QUOTED);
                if (at.isEmpty()) {
                    yield false;
                }
                int i = at.get(random.nextInt(at.size()));
                Matcher m = QUOTED.matcher(lines.get(i));
                m.find();
                String line = lines.get(i);
                lines.set(i, line.substring(0, m.start() + 2) + (random.nextBoolean() ? "\u0000" : "\u0007") + line.substring(m.start() + 2));
                yield add(file, kind, String.join("\n", lines), i + 1, ProblemCode.YAML_SYNTAX);
            }
            case HUGE -> {
                StringBuilder huge = new StringBuilder(text);
                String padding = "# " + "padding ".repeat(12) + "\n";
                while (huge.length() <= 2_100_000) {
                    huge.append(padding);
                }
                yield add(file, kind, huge.toString(), 1, ProblemCode.YAML_SYNTAX);
            }
            case EMPTIED -> add(file, kind, random.nextBoolean() ? "" : "# nothing here any more\n", 0, null);
        };
    }

    private boolean replaceLine(String file, Kind kind, List<String> lines, Pattern pattern,
                                java.util.function.Function<Matcher, String> replacement, ProblemCode expected) {
        List<Integer> at = matching(lines, pattern);
        if (at.isEmpty()) {
            return false;
        }
        int i = at.get(random.nextInt(at.size()));
        Matcher m = pattern.matcher(lines.get(i));
        if (!m.find()) {
            return false;
        }
        lines.set(i, replacement.apply(m));
        return add(file, kind, String.join("\n", lines), i + 1, expected);
    }

    private static List<Integer> matching(List<String> lines, Pattern pattern) {
        return IntStream.range(0, lines.size()).filter(i -> pattern.matcher(lines.get(i)).find()).boxed().toList();
    }

    private boolean add(String file, Kind kind, String text, int line, ProblemCode expected) {
        variants.add(new Variant(variants.size() + 1, file, kind, text.getBytes(StandardCharsets.UTF_8), line, expected));
        return true;
    }
}
