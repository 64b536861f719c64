package org.parcours.formcheck;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.parcours.formcheck.FormsCheck.FileReport;
import org.parcours.formcheck.FormsCheck.Result;
import org.parcours.formdef.FormProblem;
import org.parcours.formdef.ProblemCode;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code forms check [--format text|json|sarif] [--output FILE] [--against FOLDER] [FOLDER]}: the command line of
 * {@link FormsCheck}, run from the application jar before any Spring context starts (so no
 * database and no web server), or from the repository's {@code ./forms-check}. Exit code 0 when
 * the folder has no problem, 1 when it has, 2 for a wrong command line.
 */
public final class FormsCheckCommand {

    static final String USAGE = "usage: forms check [--format text|json|sarif] [--output FILE] [--against EARLIER_FOLDER] [FOLDER (default forms)]";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FormsCheckCommand() {
    }

    /** Whether the arguments ask for this command rather than the application. */
    public static boolean handles(String[] args) {
        return args.length >= 2 && args[0].equals("forms") && args[1].equals("check");
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs {@code forms check ...}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String format = "text";
        String output = null;
        String against = null;
        String folder = "forms";
        List<String> rest = new ArrayList<>(List.of(args).subList(handles(args) ? 2 : 0, args.length));
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if ((arg.equals("--format") || arg.equals("--output") || arg.equals("--against")) && i + 1 < rest.size()) {
                String value = rest.get(++i);
                switch (arg) {
                    case "--format" -> format = value;
                    case "--output" -> output = value;
                    default -> against = value;
                }
            } else if (arg.startsWith("--format=")) {
                format = arg.substring("--format=".length());
            } else if (arg.startsWith("--output=")) {
                output = arg.substring("--output=".length());
            } else if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                return 0;
            } else if (arg.startsWith("-")) {
                err.println("unknown option " + arg + "\n" + USAGE);
                return 2;
            } else {
                folder = arg;
            }
        }
        if (!List.of("text", "json", "sarif").contains(format)) {
            err.println("unknown format " + format + " (text, json or sarif)\n" + USAGE);
            return 2;
        }
        Path dir = Path.of(folder);
        if (!Files.isDirectory(dir)) {
            err.println("no forms folder " + dir.toAbsolutePath() + "\n" + USAGE);
            return 2;
        }
        if (against != null && !Files.isDirectory(Path.of(against))) {
            err.println("no earlier forms folder " + Path.of(against).toAbsolutePath() + "\n" + USAGE);
            return 2;
        }
        Result result = new FormsCheck().check(dir);
        Map<String, FormsCheck.Change> changes = against == null ? Map.of()
                : FormsCheck.changes(result, new FormsCheck().check(Path.of(against)));
        String prefix = prefix(folder);
        String report = switch (format) {
            case "json" -> json(result, prefix, changes);
            case "sarif" -> sarif(result, prefix);
            default -> text(result, prefix, changes);
        };
        if (output == null) {
            out.print(report);
        } else {
            try {
                Files.writeString(Path.of(output), report, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + output, e);
            }
            out.print(format.equals("text") ? "" : text(result, prefix, changes));
        }
        out.flush();
        return result.ok() ? 0 : 1;
    }

    /** The folder as given, with forward slashes and one trailing slash, so problems read {@code forms/imasp.yaml:3:5}. */
    static String prefix(String folder) {
        String p = folder.replace('\\', '/');
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p.equals(".") ? "" : p + "/";
    }

    static String text(Result result, String prefix) {
        return text(result, prefix, Map.of());
    }

    /** @param changes per form id, empty unless compared with an earlier folder */
    static String text(Result result, String prefix, Map<String, FormsCheck.Change> changes) {
        StringBuilder out = new StringBuilder();
        for (FormProblem p : result.problems()) {
            out.append(prefix).append(p.at().source()).append(':').append(p.at().line()).append(':').append(p.at().column())
                    .append(": error [").append(p.code().code()).append("] ").append(p.message());
            if (!p.hint().isEmpty()) {
                out.append(" (").append(p.hint()).append(')');
            }
            out.append('\n');
        }
        if (!result.problems().isEmpty()) {
            out.append('\n');
        }
        int width = result.files().stream().mapToInt(f -> (prefix + f.file()).length()).max().orElse(0);
        Map<String, Integer> kinds = new TreeMap<>();
        for (FileReport file : result.files()) {
            kinds.merge(file.summary().kind(), 1, Integer::sum);
            String change = file.summary().kind().equals("form") ? file.summary().id().map(changes::get).map(FormsCheckCommand::describe).orElse("") : "";
            out.append(String.format(Locale.ROOT, "%-" + width + "s  %s%s%n", prefix + file.file(), describe(file), change));
        }
        changes.forEach((id, change) -> {
            if (change == FormsCheck.Change.REMOVED) {
                out.append("form ").append(id).append(": no longer in the folder (its versions and answers stay)\n");
            }
        });
        long broken = result.files().stream().filter(f -> !f.problems().isEmpty()).count();
        out.append(String.format(Locale.ROOT, "%d files checked (%s): %s%n", result.files().size(),
                String.join(", ", kinds.entrySet().stream().map(e -> e.getValue() + " " + e.getKey() + (e.getValue() > 1 ? "s" : "")).toList()),
                result.ok() ? "no problems" : result.problems().size() + " problem(s) in " + broken + " file(s)"));
        return out.toString();
    }

    private static String describe(FormsCheck.Change change) {
        return switch (change) {
            case NEW_FORM -> "; a new form";
            case NEW_VERSION -> "; publishes a new version";
            case UNCHANGED -> "; unchanged, no new version";
            case REMOVED -> "";
        };
    }

    private static String describe(FileReport file) {
        var s = file.summary();
        if (!file.problems().isEmpty()) {
            return s.kind() + ": BROKEN, " + file.problems().size() + " problem(s); publishes nothing";
        }
        if (s.id().isEmpty()) {
            return s.kind() + ": publishes nothing";
        }
        return switch (s.kind()) {
            case "form" -> String.format(Locale.ROOT, "form %s: %d sections, %d items", s.id().get(), s.sections(), s.items());
            case "scale" -> String.format(Locale.ROOT, "scale %s: %d values", s.id().get(), s.values());
            case "list" -> String.format(Locale.ROOT, "list %s: %d options", s.id().get(), s.values());
            case "policy" -> String.format(Locale.ROOT, "policy %s: %d values", s.id().get(), s.values());
            default -> s.kind();
        };
    }

    static String json(Result result, String prefix) {
        return json(result, prefix, Map.of());
    }

    static String json(Result result, String prefix, Map<String, FormsCheck.Change> changes) {
        ObjectNode root = JSON.createObjectNode();
        root.put("ok", result.ok());
        root.put("problemCount", result.problems().size());
        ArrayNode removed = root.putArray("removedForms");
        changes.forEach((id, change) -> {
            if (change == FormsCheck.Change.REMOVED) {
                removed.add(id);
            }
        });
        ArrayNode files = root.putArray("files");
        for (FileReport file : result.files()) {
            ObjectNode f = files.addObject();
            f.put("file", prefix + file.file());
            f.put("kind", file.summary().kind());
            file.summary().id().ifPresentOrElse(id -> f.put("id", id), () -> f.putNull("id"));
            switch (file.summary().kind()) {
                case "form" -> {
                    f.put("sections", file.summary().sections());
                    f.put("items", file.summary().items());
                    file.summary().versionHash().ifPresent(hash -> f.put("versionHash", hash));
                    file.summary().id().map(changes::get).ifPresent(change -> f.put("change", change.name().toLowerCase(Locale.ROOT).replace('_', '-')));
                }
                case "scale", "policy" -> f.put("values", file.summary().values());
                case "list" -> f.put("options", file.summary().values());
                default -> {
                }
            }
            ArrayNode problems = f.putArray("problems");
            for (FormProblem p : file.problems()) {
                ObjectNode n = problems.addObject();
                n.put("file", prefix + p.at().source());
                n.put("line", p.at().line());
                n.put("column", p.at().column());
                n.put("code", p.code().code());
                n.put("message", p.message());
                n.put("hint", p.hint());
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /** SARIF 2.1.0: one run, one rule per problem code, one error result per problem at its line and column. */
    static String sarif(Result result, String prefix) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "parcours forms check");
        driver.put("version", version());
        ArrayNode rules = driver.putArray("rules");
        List<ProblemCode> codes = List.of(ProblemCode.values());
        for (ProblemCode code : codes) {
            ObjectNode rule = rules.addObject();
            rule.put("id", code.code());
            rule.putObject("shortDescription").put("text", "Parcours form language: " + code.code().replace('-', ' '));
            rule.putObject("defaultConfiguration").put("level", "error");
        }
        ArrayNode results = run.putArray("results");
        for (FormProblem p : result.problems()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", p.code().code());
            r.put("ruleIndex", codes.indexOf(p.code()));
            r.put("level", "error");
            r.putObject("message").put("text", p.message() + (p.hint().isEmpty() ? "" : " (" + p.hint() + ")"));
            ObjectNode location = r.putArray("locations").addObject().putObject("physicalLocation");
            location.putObject("artifactLocation").put("uri", uri(prefix + p.at().source()));
            ObjectNode region = location.putObject("region");
            region.put("startLine", Math.max(1, p.at().line()));
            region.put("startColumn", Math.max(1, p.at().column()));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /** A relative path as a URI reference (spaces and the like percent-encoded). */
    private static String uri(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a path: " + path, e);
        }
    }

    private static String version() {
        String version = FormsCheckCommand.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
