package org.parcours.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.parcours.formdef.FormDefinitionException;
import org.parcours.formdef.FormProblem;
import org.parcours.formdef.FormSource;
import org.parcours.formdef.ProblemCode;
import org.parcours.formdef.SourcePosition;

/**
 * Which files of a forms folder are read and how, without a database or Spring: the catalog
 * publishes from it and {@code forms check} checks with it, so both see the same files and the
 * same problems.
 */
public final class FormsFolder {

    public static final String POLICY_FILE = "policy.yaml";
    static final List<String> SHARED_FOLDERS = List.of("scales/", "lists/");

    private FormsFolder() {
    }

    /** The folder's files: those read as UTF-8, and the problem of each that is not. */
    public record Contents(List<FormSource> sources, Map<String, FormProblem> unreadable) {
    }

    /** The form files of the top level and the shared files of scales/ and lists/, by name, as UTF-8. */
    public static Contents read(Path dir) {
        List<FormSource> sources = new ArrayList<>();
        Map<String, FormProblem> unreadable = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml") && Files.isRegularFile(f))
                    .filter(f -> dir.relativize(f).getNameCount() == 1 || dir.relativize(f).startsWith("scales")
                            || dir.relativize(f).startsWith("lists"))
                    .sorted(Comparator.comparing(Path::toString)).toList()) {
                String name = dir.relativize(f).toString().replace('\\', '/');
                try {
                    sources.add(FormSource.decode(name, Files.readAllBytes(f)));
                } catch (FormDefinitionException e) {
                    unreadable.put(name, e.problems().getFirst());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the forms folder " + dir.toAbsolutePath(), e);
        }
        return new Contents(sources, unreadable);
    }

    /** A file of scales/ or lists/, read with every form. */
    public static boolean isShared(String name) {
        return SHARED_FOLDERS.stream().anyMatch(name::startsWith);
    }

    /** A file that is read as a form (neither shared nor the policy). */
    public static boolean isForm(String name) {
        return !isShared(name) && !name.equals(POLICY_FILE);
    }

    /** The key a form file's name gives it. */
    public static String keyOf(String name) {
        return name.endsWith(".yaml") ? name.substring(0, name.length() - ".yaml".length()) : name;
    }

    /** An emptied or cut form file must not take its form out of service: it is broken. */
    public static FormProblem definesNoForm(String name) {
        return new FormProblem(ProblemCode.MISSING_KEY, new SourcePosition(name, 1, 1), "the file defines no form",
                "start it with 'form: " + keyOf(name) + "'; scales and lists belong in scales/ and lists/");
    }

    public static FormProblem holdsNoPolicy(String name) {
        return new FormProblem(ProblemCode.UNKNOWN_DOCUMENT, new SourcePosition(name, 1, 1),
                "policy.yaml holds no 'policy:' document", "start it with 'policy: <id>'");
    }
}
