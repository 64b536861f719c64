package org.parcours.formcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcours.testsupport.DamagedForms;
import org.parcours.testsupport.DamagedForms.Kind;
import org.parcours.testsupport.DamagedForms.Variant;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code forms check} through its command line: the shipped folder passes, each file of the
 * damaged corpus that must break fails with the expected problem on the damaged line, and the
 * SARIF it writes is valid SARIF 2.1.0 (the OASIS schema, committed under src/test/resources/sarif)
 * with each result at its problem's line and column. The comparison with what the running
 * catalog reports for the same files is in {@code FormsCheckCatalogTests}.
 */
class FormsCheckTests {

    private static final long SEED = 20261123L;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Schema SARIF = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
            .getSchema(resource("/sarif/sarif-schema-2.1.0.json"), InputFormat.JSON);

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = FormsCheckCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theShippedFolderPassesAndSaysWhatEachFilePublishes() {
        Run text = run("forms", "check", "forms/");

        assertThat(text.exit()).as(text.out()).isZero();
        assertThat(text.out()).containsPattern("(?m)^forms/imasp\\.yaml +form imasp: \\d+ sections, \\d+ items$")
                .containsPattern("(?m)^forms/scales/imasp-abc\\.yaml +scale imasp-abc: 5 values$")
                .containsPattern("(?m)^forms/policy\\.yaml +policy parcours: \\d+ values$")
                .containsPattern("(?m)^\\d+ files checked \\(.*\\): no problems$")
                .doesNotContain("error [");

        JsonNode json = JSON.readTree(run("forms", "check", "--format", "json", "forms").out());
        assertThat(json.path("ok").asBoolean()).isTrue();
        JsonNode imasp = stream(json.path("files")).stream().filter(f -> f.path("file").asString().equals("forms/imasp.yaml")).findFirst().orElseThrow();
        assertThat(imasp.path("kind").asString()).isEqualTo("form");
        assertThat(imasp.path("items").asInt()).isGreaterThan(20);
    }

    @Test
    void comparedWithAnEarlierFolderItSaysWhichFormsGetANewVersion() throws IOException {
        Path before = copyOfForms();
        Path now = Files.createDirectories(dir.resolve("now"));
        for (var file : DamagedForms.filesOf(before).entrySet()) {
            Path target = now.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        // a label of the IMASP form, and an option of the list the CASU form uses for its schemes
        Path imasp = now.resolve("imasp.yaml");
        Files.writeString(imasp, Files.readString(imasp).replaceFirst("(?m)^(\\s+label: \\{ fr: \")", "$1Nouveau "));
        Path schemes = now.resolve("lists/aid-schemes.yaml");
        Files.writeString(schemes, Files.readString(schemes).replaceFirst("(?m)^(\\s+label: \\{ fr: \")", "$1Nouveau "));
        Files.delete(now.resolve("crisis-intake.yaml"));

        Run text = run("forms", "check", "--against", before.toString(), now.toString());
        assertThat(text.exit()).as(text.out()).isZero();
        assertThat(text.out()).containsPattern("(?m)/imasp\\.yaml +form imasp: .*; publishes a new version$")
                .containsPattern("(?m)/casu\\.yaml +form casu: .*; publishes a new version$")
                .containsPattern("(?m)/masp-contract\\.yaml +form masp-contract: .*; unchanged, no new version$")
                .contains("form crisis-intake: no longer in the folder");

        JsonNode json = JSON.readTree(run("forms", "check", "--format", "json", "--against", before.toString(), now.toString()).out());
        Map<String, String> changes = new java.util.TreeMap<>();
        stream(json.path("files")).stream().filter(f -> f.path("kind").asString().equals("form"))
                .forEach(f -> changes.put(f.path("id").asString(), f.path("change").asString()));
        assertThat(changes).containsEntry("imasp", "new-version").containsEntry("casu", "new-version")
                .containsEntry("support-plan", "unchanged").doesNotContainKey("crisis-intake");
        assertThat(stream(json.path("removedForms"))).extracting(JsonNode::asString).containsExactly("crisis-intake");
    }

    @Test
    void aWrongCommandLineExitsWithTwo() {
        assertThat(run("forms", "check", "--format", "xml", "forms").exit()).isEqualTo(2);
        assertThat(run("forms", "check", "no-such-folder").exit()).isEqualTo(2);
        assertThat(run("forms", "check", "--colour", "forms").err()).contains("unknown option --colour");
    }

    @Test
    void everyDamagedFileFailsWithItsProblemAtTheDamagedLine() throws IOException {
        Path forms = copyOfForms();
        List<Variant> corpus = DamagedForms.generate(DamagedForms.filesOf(forms), SEED, 6);
        assertThat(corpus).hasSizeGreaterThan(60);
        SoftAssertions softly = new SoftAssertions();
        int failed = 0;
        for (Variant variant : corpus) {
            Path file = forms.resolve(variant.file());
            byte[] original = Files.readAllBytes(file);
            Files.write(file, variant.bytes());
            try {
                Run run = run("forms", "check", "--format", "json", forms.toString());
                JsonNode json = JSON.readTree(run.out());
                List<JsonNode> problems = stream(json.path("files")).stream().flatMap(f -> stream(f.path("problems")).stream()).toList();
                softly.assertThat(run.exit()).as("%s: exit code with %d problem(s)", variant, problems.size()).isEqualTo(problems.isEmpty() ? 0 : 1);
                if (run.exit() == 1) {
                    failed++;
                }
                if (variant.kind().alwaysBroken || variant.kind() == Kind.EMPTIED && org.parcours.catalog.FormsFolder.isForm(variant.file())) {
                    softly.assertThat(run.exit()).as("%s fails", variant).isEqualTo(1);
                }
                String name = FormsCheckCommand.prefix(forms.toString()) + variant.file();
                if (variant.expected() != null) {
                    softly.assertThat(problems).as("%s: a %s problem", variant, variant.expected())
                            .anySatisfy(p -> assertThat(p.path("code").asString()).isEqualTo(variant.expected().code()));
                }
                if (variant.expectedLine() > 0) {
                    softly.assertThat(problems).as("%s: a problem on the damaged line", variant).anySatisfy(p -> {
                        assertThat(p.path("file").asString()).isEqualTo(name);
                        assertThat(p.path("line").asInt()).isEqualTo(variant.expectedLine());
                    });
                }
                for (JsonNode p : problems) {
                    softly.assertThat(p.path("hint").isString() && p.path("message").asString().length() > 3).as("%s: %s", variant, p).isTrue();
                }
            } finally {
                Files.write(file, original);
            }
        }
        System.out.println("forms check on the damaged corpus: " + failed + " of " + corpus.size() + " variants exit 1");
        softly.assertAll();
    }

    @Test
    void itsSarifIsValidSarif210WithEachResultAtItsLine() throws IOException {
        Path forms = copyOfForms();
        Map<String, String> files = DamagedForms.filesOf(forms);
        List<Variant> sample = DamagedForms.generate(files, SEED, 1).stream().filter(v -> v.kind().alwaysBroken).toList();
        assertThat(sample).hasSizeGreaterThan(5);

        assertThat(SARIF.validate(run("forms", "check", "--format", "sarif", "forms").out(), InputFormat.JSON))
                .as("the SARIF of the shipped folder").extracting(Error::toString).isEmpty();
        for (Variant variant : sample) {
            Path file = forms.resolve(variant.file());
            byte[] original = Files.readAllBytes(file);
            Files.write(file, variant.bytes());
            try {
                Run sarif = run("forms", "check", "--format", "sarif", forms.toString());
                assertThat(sarif.exit()).as("%s", variant).isEqualTo(1);
                assertThat(SARIF.validate(sarif.out(), InputFormat.JSON)).as("SARIF of %s", variant).extracting(Error::toString).isEmpty();

                JsonNode json = JSON.readTree(run("forms", "check", "--format", "json", forms.toString()).out());
                List<String> expected = stream(json.path("files")).stream().flatMap(f -> stream(f.path("problems")).stream())
                        .map(p -> p.path("code").asString() + " " + p.path("file").asString() + ":" + p.path("line").asInt() + ":" + p.path("column").asInt())
                        .toList();
                JsonNode run = JSON.readTree(sarif.out()).path("runs").path(0);
                List<String> results = stream(run.path("results")).stream().map(r -> {
                    JsonNode at = r.path("locations").path(0).path("physicalLocation");
                    assertThat(run.path("tool").path("driver").path("rules").path(r.path("ruleIndex").asInt()).path("id").asString())
                            .isEqualTo(r.path("ruleId").asString());
                    return r.path("ruleId").asString() + " " + at.path("artifactLocation").path("uri").asString() + ":"
                            + at.path("region").path("startLine").asInt() + ":" + at.path("region").path("startColumn").asInt();
                }).toList();
                assertThat(results).as("SARIF results of %s", variant).isEqualTo(expected).isNotEmpty();
            } finally {
                Files.write(file, original);
            }
        }
    }

    private Path copyOfForms() throws IOException {
        for (var file : DamagedForms.filesOf(Path.of("forms")).entrySet()) {
            Path target = dir.resolve("forms").resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        return dir.resolve("forms");
    }

    private static List<JsonNode> stream(JsonNode array) {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    private static String resource(String name) {
        try (var in = FormsCheckTests.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
