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

import java.util.TreeSet;

import org.parcours.formdef.ChoiceItem;
import org.parcours.formdef.FormBundle;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormDefinitionException;
import org.parcours.formdef.Item;
import org.parcours.formdef.ScaleItem;
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
    /** Programme declarations: read after the forms and the policy they refer to. */
    public static final String PROGRAMMES_FOLDER = "programmes/";

    private FormsFolder() {
    }

    /** The folder's files: those read as UTF-8, and the problem of each that is not. */
    public record Contents(List<FormSource> sources, Map<String, FormProblem> unreadable) {
    }

    /** The form files of the top level, the shared files of scales/ and lists/ and the programmes, by name, as UTF-8. */
    public static Contents read(Path dir) {
        List<FormSource> sources = new ArrayList<>();
        Map<String, FormProblem> unreadable = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml") && Files.isRegularFile(f))
                    .filter(f -> dir.relativize(f).getNameCount() == 1 || dir.relativize(f).startsWith("scales")
                            || dir.relativize(f).startsWith("lists") || dir.relativize(f).startsWith("programmes"))
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

    /** A file of programmes/, read with the live forms and the policy. */
    public static boolean isProgramme(String name) {
        return name.startsWith(PROGRAMMES_FOLDER);
    }

    /** A file that is read as a form (neither shared, nor a programme, nor the policy). */
    public static boolean isForm(String name) {
        return !isShared(name) && !isProgramme(name) && !name.equals(POLICY_FILE);
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

    /**
     * The text a form version is stored as: the shared files the form uses, then the form file. Two
     * readings with the same text are the same version; any other text is a new version.
     */
    public static String bundledText(FormDefinition form, FormBundle bundle, FormSource formSource, List<FormSource> scaleSources) {
        TreeSet<String> usedScaleSources = new TreeSet<>();
        form.allItems().forEach((Item item) -> {
            switch (item) {
                case ScaleItem scaleItem -> usedScaleSources.add(bundle.sharedSources().get("scale:" + scaleItem.scale().id()));
                case ChoiceItem choice when bundle.sharedSources().containsKey("list:" + choice.options().id())
                        && bundle.lists().get(choice.options().id()) == choice.options() ->
                        usedScaleSources.add(bundle.sharedSources().get("list:" + choice.options().id()));
                default -> {
                }
            }
        });
        StringBuilder text = new StringBuilder();
        for (FormSource scale : scaleSources) {
            if (usedScaleSources.contains(scale.name())) {
                text.append("# source: ").append(scale.name()).append('\n').append(scale.text().strip()).append("\n---\n");
            }
        }
        return text.append("# source: ").append(formSource.name()).append('\n').append(formSource.text().strip()).append('\n')
                .toString();
    }

    /** The hash a version is known by (the catalog's content hash). */
    public static String contentHash(String bundledText) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bundledText.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
