package org.parcours.formcheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.parcours.catalog.FormsFolder;
import org.parcours.formdef.FormBundle;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormDefinitionException;
import org.parcours.formdef.FormProblem;
import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;
import org.parcours.formdef.Policy;
import org.parcours.formdef.programme.Programme;
import org.parcours.formdef.programme.ProgrammeReader;

/**
 * Checks a forms folder with the engine the application publishes with, without a database:
 * the files {@link FormsFolder} reads, each form read with the shared scales and lists as the
 * catalog reads it, each shared file read alone as the studio shows it, the policy read alone,
 * and the same refusals of an emptied form file or a policy file without a policy.
 */
public final class FormsCheck {

    /**
     * What a file would publish: its kind, id and counts (empty for a file that cannot be read), and
     * for a form the content hash its version would have (the catalog's: same hash, same version).
     */
    public record Summary(String kind, Optional<String> id, int sections, int items, int values, Optional<String> versionHash) {

        Summary(String kind, Optional<String> id, int sections, int items, int values) {
            this(kind, id, sections, items, values, Optional.empty());
        }
    }

    /** One file of the folder, its summary and the problems located in it. */
    public record FileReport(String file, Summary summary, List<FormProblem> problems) {

        public FileReport {
            problems = List.copyOf(problems);
        }
    }

    /** Every file of the folder, in name order, and every problem once. */
    public record Result(List<FileReport> files) {

        public Result {
            files = List.copyOf(files);
        }

        public List<FormProblem> problems() {
            return files.stream().flatMap(f -> f.problems().stream()).toList();
        }

        public boolean ok() {
            return problems().isEmpty();
        }
    }

    private final FormReader reader = new FormReader();
    private final ProgrammeReader programmeReader = new ProgrammeReader();

    public Result check(Path dir) {
        FormsFolder.Contents folder = FormsFolder.read(dir);
        List<FormSource> shared = folder.sources().stream().filter(s -> FormsFolder.isShared(s.name())).toList();
        Set<FormProblem> problems = new LinkedHashSet<>(folder.unreadable().values());
        Map<String, Summary> summaries = new LinkedHashMap<>();
        folder.unreadable().keySet().forEach(name -> summaries.put(name, new Summary(kindOf(name), Optional.empty(), 0, 0, 0)));

        Map<String, FormDefinition> forms = new LinkedHashMap<>();
        Set<String> brokenForms = new java.util.HashSet<>();
        List<FormSource> programmes = new ArrayList<>();
        for (FormSource source : folder.sources()) {
            String name = source.name();
            if (name.equals(FormsFolder.POLICY_FILE)) {
                summaries.put(name, policy(source, problems));
            } else if (FormsFolder.isProgramme(name)) {
                programmes.add(source);
            } else if (FormsFolder.isShared(name)) {
                summaries.put(name, shared(source, problems));
            } else {
                List<FormSource> withShared = new ArrayList<>(shared);
                withShared.add(source);
                Summary form = form(name, withShared, problems, forms);
                if (form.id().isEmpty()) {
                    brokenForms.add(FormsFolder.keyOf(name));
                }
                summaries.put(name, form);
            }
        }
        // programmes last: they name the forms and the policy values read above, as in the catalog
        Optional<Policy> policy = folder.sources().stream().filter(s -> s.name().equals(FormsFolder.POLICY_FILE)).findFirst()
                .flatMap(this::readPolicy);
        // a broken policy file is reported; the app would read the programmes with its last good version
        boolean policyBroken = folder.unreadable().containsKey(FormsFolder.POLICY_FILE)
                || folder.sources().stream().anyMatch(s -> s.name().equals(FormsFolder.POLICY_FILE)) && policy.isEmpty();
        for (FormSource source : programmes) {
            summaries.put(source.name(), policyBroken ? new Summary("programme", Optional.empty(), 0, 0, 0)
                    : programme(source, forms, brokenForms, policy, problems));
        }

        List<FileReport> files = new ArrayList<>();
        summaries.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> files.add(new FileReport(entry.getKey(),
                entry.getValue(), problems.stream().filter(p -> p.at().source().equals(entry.getKey()))
                        .sorted(Comparator.comparingInt((FormProblem p) -> p.at().line()).thenComparingInt(p -> p.at().column()))
                        .toList())));
        // a problem in a file the folder does not read (should not happen) is still reported
        problems.stream().filter(p -> !summaries.containsKey(p.at().source())).forEach(p ->
                files.add(new FileReport(p.at().source(), new Summary("other", Optional.empty(), 0, 0, 0), List.of(p))));
        return new Result(files);
    }

    private Summary form(String name, List<FormSource> withShared, Set<FormProblem> problems, Map<String, FormDefinition> forms) {
        try {
            FormBundle bundle = reader.read(withShared);
            if (bundle.forms().isEmpty()) {
                problems.add(FormsFolder.definesNoForm(name));
                return new Summary("form", Optional.empty(), 0, 0, 0);
            }
            FormDefinition form = bundle.forms().values().iterator().next();
            forms.put(form.id(), form);
            List<FormSource> sharedSources = withShared.subList(0, withShared.size() - 1);
            String hash = FormsFolder.contentHash(FormsFolder.bundledText(form, bundle, withShared.getLast(), sharedSources));
            return new Summary("form", Optional.of(form.id()), form.sections().size(), (int) form.allItems().count(), 0, Optional.of(hash));
        } catch (FormDefinitionException e) {
            problems.addAll(e.problems());
            return new Summary("form", Optional.empty(), 0, 0, 0);
        }
    }

    /** Whether publishing {@code now} over {@code before} gives a form a new version. */
    public enum Change {
        NEW_FORM, NEW_VERSION, UNCHANGED, REMOVED
    }

    /**
     * Per form id, what publishing the folder checked in {@code now} would do to the forms of
     * {@code before} (e.g. the previous checkout): a new form, a new version, nothing, or a form
     * no longer in the folder (its versions stay; its answers keep their version).
     */
    public static Map<String, Change> changes(Result now, Result before) {
        Map<String, String> old = hashes(before);
        Map<String, String> current = hashes(now);
        Map<String, Change> changes = new java.util.TreeMap<>();
        current.forEach((id, hash) -> changes.put(id, !old.containsKey(id) ? Change.NEW_FORM
                : old.get(id).equals(hash) ? Change.UNCHANGED : Change.NEW_VERSION));
        old.keySet().stream().filter(id -> !current.containsKey(id)).forEach(id -> changes.put(id, Change.REMOVED));
        return changes;
    }

    /** form id to version hash; a broken form has the empty hash (anything differs from it) */
    private static Map<String, String> hashes(Result result) {
        Map<String, String> hashes = new LinkedHashMap<>();
        result.files().stream().filter(f -> f.summary().kind().equals("form")).forEach(f -> hashes.put(
                f.summary().id().orElse(FormsFolder.keyOf(f.file())), f.summary().versionHash().orElse("")));
        return hashes;
    }

    private Summary shared(FormSource source, Set<FormProblem> problems) {
        String kind = kindOf(source.name());
        try {
            FormBundle bundle = reader.read(List.of(source));
            if (!bundle.scales().isEmpty()) {
                var scale = bundle.scales().values().iterator().next();
                return new Summary(kind, Optional.of(scale.id()), 0, 0, scale.values().size());
            }
            if (!bundle.lists().isEmpty()) {
                var list = bundle.lists().values().iterator().next();
                return new Summary(kind, Optional.of(list.id()), 0, 0, list.options().size());
            }
            return new Summary(kind, Optional.empty(), 0, 0, 0);
        } catch (FormDefinitionException e) {
            problems.addAll(e.problems());
            return new Summary(kind, Optional.empty(), 0, 0, 0);
        }
    }

    private Optional<Policy> readPolicy(FormSource source) {
        try {
            return reader.read(List.of(source)).policy();
        } catch (FormDefinitionException e) {
            return Optional.empty(); // reported with the policy file
        }
    }

    /**
     * A programme is read with the forms of the folder. One naming a form that is broken here is not
     * checked: the app would read it with that form's last good version, which a folder alone
     * does not have, and the form's own problems are reported already.
     */
    private Summary programme(FormSource source, Map<String, FormDefinition> forms, Set<String> brokenForms, Optional<Policy> policy,
                              Set<FormProblem> problems) {
        if (namedForm(source).filter(brokenForms::contains).isPresent()) {
            return new Summary("programme", Optional.empty(), 0, 0, 0);
        }
        try {
            List<Programme> read = programmeReader.read(List.of(source), forms, policy);
            return new Summary("programme", read.stream().findFirst().map(Programme::id), 0, 0, 0);
        } catch (FormDefinitionException e) {
            problems.addAll(e.problems());
            return new Summary("programme", Optional.empty(), 0, 0, 0);
        }
    }

    /** The form a programme file names ({@code form: <id>}), when its text reads as a mapping. */
    private static Optional<String> namedForm(FormSource source) {
        try {
            return new org.yaml.snakeyaml.Yaml().<Object>load(source.text()) instanceof Map<?, ?> map && map.get("form") instanceof String form
                    ? Optional.of(form) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // not YAML: the programme reader reports it
        }
    }

    private Summary policy(FormSource source, Set<FormProblem> problems) {
        try {
            var policy = reader.read(List.of(source)).policy();
            if (policy.isEmpty()) {
                problems.add(FormsFolder.holdsNoPolicy(source.name()));
                return new Summary("policy", Optional.empty(), 0, 0, 0);
            }
            return new Summary("policy", Optional.of(policy.get().id()), 0, 0, policy.get().values().size());
        } catch (FormDefinitionException e) {
            problems.addAll(e.problems());
            return new Summary("policy", Optional.empty(), 0, 0, 0);
        }
    }

    private static String kindOf(String name) {
        if (name.startsWith("scales/")) {
            return "scale";
        }
        if (name.startsWith("lists/")) {
            return "list";
        }
        if (FormsFolder.isProgramme(name)) {
            return "programme";
        }
        return name.equals(FormsFolder.POLICY_FILE) ? "policy" : "form";
    }
}
