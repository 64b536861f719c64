package org.parcours.formdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The JSON Schema of the form language (forms/schema/parcours-forms.schema.json), used by editors
 * for autocomplete and underlining: it accepts every shipped file, and it rejects the same broken
 * documents as {@link FormReader} — the reader and the schema agree.
 *
 * <p>YAML is turned into a JSON tree with Jackson's YAML module (YAML 1.2 scalars, as editors
 * read them); a source with several documents ({@code ---}) is checked document by document.
 */
class FormSchemaTests {

    private static final Path FORMS = Path.of("forms");
    private static final Path SCHEMA_FILE = FORMS.resolve("schema/parcours-forms.schema.json");
    private static final String BROKEN_SOURCE = "broken.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Schema SCHEMA = REGISTRY.getSchema(read(SCHEMA_FILE), InputFormat.JSON);

    // ---- the schema itself ---------------------------------------------------------------------

    @Test
    void theSchemaIsAValidDraft202012Schema() {
        Schema metaSchema = REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        JsonNode schema = JsonMapper.builder().build().readTree(read(SCHEMA_FILE));

        assertThat(metaSchema.validate(schema)).as("problems of %s against the 2020-12 meta-schema", SCHEMA_FILE)
                .extracting(Error::toString).isEmpty();
        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void theSchemaNamesExactlyTheRolesTheReaderKnows() {
        JsonNode schema = JsonMapper.builder().build().readTree(read(SCHEMA_FILE));
        List<String> named = new ArrayList<>();
        schema.path("$defs").path("formDocument").path("properties").path("bindings").path("propertyNames").path("enum")
                .forEach(n -> named.add(n.asString()));

        assertThat(named).containsExactlyInAnyOrderElementsOf(Stream.of(BindingRole.values()).map(BindingRole::key).toList());
    }

    // ---- (a) every shipped file ----------------------------------------------------------------

    @Test
    void everyShippedFileSatisfiesTheSchema() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(FORMS)) {
            files = walk.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.startsWith(FORMS.resolve("schema")))
                    .sorted().toList();
        }
        assertThat(files).as("*.yaml under %s", FORMS.toAbsolutePath()).isNotEmpty();

        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String name = FORMS.relativize(file).toString().replace('\\', '/');
            problems.addAll(schemaProblems(name, read(file)));
        }
        assertThat(problems).as("schema problems of the shipped files").isEmpty();
    }

    // ---- (b) broken documents: the reader and the schema agree ---------------------------------

    /**
     * A document with exactly one mistake.
     *
     * @param codes the reader problem codes that name this mistake (any one of them will do)
     * @param bad   the faulty text in {@code yaml}
     * @param good  what {@code bad} should be: with it the document is valid for both
     */
    record Broken(String mistake, Set<String> codes, String yaml, String bad, String good) {

        Broken {
            assertThat(yaml).as("%s: the faulty text occurs exactly once", mistake).containsOnlyOnce(bad);
        }

        String fixed() {
            return yaml.replace(bad, good);
        }

        @Override
        public String toString() {
            return mistake;
        }
    }

    static List<Broken> brokenDocuments() {
        return List.of(
                new Broken("an unknown key in an item", Set.of("unknown-key"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: remark
                                type: text
                                lable: { fr: "Remarque", nl: "Opmerking", en: "Remark" }
                        """, "lable:", "label:"),
                new Broken("a label without its nl text", Set.of("missing-translation"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: remark
                                type: text
                                label: { fr: "Remarque", en: "Remark" }
                        """, "en: \"Remark\"", "nl: \"Opmerking\", en: \"Remark\""),
                new Broken("an empty text in a label", Set.of("wrong-type", "missing-translation"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "", en: "S" }
                            items:
                              - id: remark
                                type: text
                                label: { fr: "Remarque", nl: "Opmerking", en: "Remark" }
                        """, "nl: \"\"", "nl: \"S\""),
                new Broken("a form id with capitals", Set.of("invalid-id"), """
                        form: Imasp
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: remark
                                type: text
                                label: { fr: "Remarque", nl: "Opmerking", en: "Remark" }
                        """, "Imasp", "imasp"),
                new Broken("an item id starting with a digit", Set.of("invalid-id"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: 2nd_remark
                                type: text
                                label: { fr: "Remarque", nl: "Opmerking", en: "Remark" }
                        """, "2nd_remark", "second_remark"),
                new Broken("an unknown item type", Set.of("unknown-item-type"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: remark
                                type: txt
                                label: { fr: "Remarque", nl: "Opmerking", en: "Remark" }
                        """, "type: txt", "type: text"),
                new Broken("an item without a type", Set.of("missing-key"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: remark
                                label: { fr: "Remarque", nl: "Opmerking", en: "Remark" }
                        """, "      - id: remark\n", "      - id: remark\n        type: text\n"),
                new Broken("a choice with both options and list", Set.of("conflicting-keys"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: track
                                type: choice
                                label: { fr: "Parcours", nl: "Traject", en: "Track" }
                                list: tracks
                                options:
                                  - code: social
                                    label: { fr: "Social", nl: "Sociaal", en: "Social" }
                        """, "        list: tracks\n", ""),
                new Broken("a multi-choice with neither options nor list", Set.of("missing-key"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: schemes
                                type: multi-choice
                                label: { fr: "Dispositifs", nl: "Regelingen", en: "Schemes" }
                        """, "en: \"Schemes\" }\n", """
                        en: "Schemes" }
                                options:
                                  - code: food
                                    label: { fr: "Aide alimentaire", nl: "Voedselhulp", en: "Food aid" }
                        """),
                new Broken("an unknown colour in a scale", Set.of("unknown-colour"), """
                        scale: levels
                        title: { fr: "Niveaux", nl: "Niveaus", en: "Levels" }
                        values:
                          - code: A
                            colour: orange
                            label: { fr: "Bien", nl: "Goed", en: "Good" }
                        """, "orange", "amber"),
                new Broken("'problem' as a text instead of true or false", Set.of("wrong-type"), """
                        scale: levels
                        values:
                          - code: B
                            problem: "yes"
                            label: { fr: "Mal", nl: "Slecht", en: "Bad" }
                        """, "\"yes\"", "true"),
                new Broken("a scale without values", Set.of("missing-key"), """
                        scale: levels
                        title: { fr: "Niveaux", nl: "Niveaus", en: "Levels" }
                        """, "en: \"Levels\" }\n", """
                        en: "Levels" }
                        values:
                          - code: A
                            label: { fr: "Bien", nl: "Goed", en: "Good" }
                        """),
                new Broken("an integer minimum given as text", Set.of("wrong-type", "invalid-constraint"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: children
                                type: integer
                                label: { fr: "Enfants", nl: "Kinderen", en: "Children" }
                                min: none
                        """, "min: none", "min: 0"),
                new Broken("a date maximum that is not an ISO date", Set.of("wrong-type", "invalid-constraint"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: start_date
                                type: date
                                label: { fr: "Début", nl: "Begin", en: "Start" }
                                max: 31/12/2030
                        """, "31/12/2030", "today"),
                new Broken("a key of another item type ('min' on a text)", Set.of("unknown-key"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: remark
                                type: text
                                label: { fr: "Remarque", nl: "Opmerking", en: "Remark" }
                                min: 3
                        """, "        min: 3\n", "        max-length: 300\n"),
                new Broken("sections that are not a list", Set.of("wrong-type"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          id: s
                          title: { fr: "S", nl: "S", en: "S" }
                          items:
                            - id: remark
                              type: text
                              label: { fr: "Remarque", nl: "Opmerking", en: "Remark" }
                        """, """
                        sections:
                          id: s
                          title: { fr: "S", nl: "S", en: "S" }
                          items:
                            - id: remark
                              type: text
                              label: { fr: "Remarque", nl: "Opmerking", en: "Remark" }
                        """, """
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: remark
                                type: text
                                label: { fr: "Remarque", nl: "Opmerking", en: "Remark" }
                        """),
                new Broken("a section without items", Set.of("empty-list"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items: []
                        """, "items: []", """
                        items:
                              - id: ok
                                type: yes-no
                                label: { fr: "D'accord", nl: "Akkoord", en: "Agreed" }"""),
                new Broken("a role that does not exist in 'sensitive'", Set.of("wrong-type", "unknown-key"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: diagnosis
                                type: text
                                label: { fr: "Diagnostic", nl: "Diagnose", en: "Diagnosis" }
                                sensitive: [ADMIN, DOCTOR]
                        """, "DOCTOR", "COMMITTEE"),
                new Broken("an unknown prefill", Set.of("wrong-type", "unknown-key"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: employer
                                type: text
                                label: { fr: "Employeur", nl: "Werkgever", en: "Employer" }
                                prefill: previous-evaluation
                        """, "previous-evaluation", "last-evaluation"),
                new Broken("a constraint without a message", Set.of("missing-key", "invalid-constraint"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: children
                                type: integer
                                label: { fr: "Enfants", nl: "Kinderen", en: "Children" }
                                constraints:
                                  - expression: "children < 20"
                        """, "- expression: \"children < 20\"\n", """
                        - expression: "children < 20"
                                    message: { fr: "Trop", nl: "Te veel", en: "Too many" }
                        """),
                new Broken("an unknown key inside a repeat's items", Set.of("unknown-key"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: household
                                type: repeat
                                label: { fr: "Ménage", nl: "Gezin", en: "Household" }
                                max: 12
                                items:
                                  - id: birth_date
                                    type: date
                                    label: { fr: "Naissance", nl: "Geboorte", en: "Birth" }
                                    maximum: today
                        """, "maximum: today", "max: today"),
                new Broken("a computed item without an expression", Set.of("missing-key"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: income
                                type: money
                                label: { fr: "Revenus", nl: "Inkomen", en: "Income" }
                              - id: yearly_income
                                type: computed
                                label: { fr: "Revenus annuels", nl: "Jaarinkomen", en: "Yearly income" }
                        """, "en: \"Yearly income\" }\n", """
                        en: "Yearly income" }
                                expression: "income * 12.0"
                        """),
                new Broken("a note with a label instead of a text", Set.of("unknown-key", "missing-key"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: intro
                                type: note
                                label: { fr: "Lisez **ceci**", nl: "Lees **dit**", en: "Read **this**" }
                        """, "label:", "text:"),
                new Broken("a scale item without its scale", Set.of("missing-key"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: housing
                                type: scale
                                label: { fr: "Logement", nl: "Wonen", en: "Housing" }
                        ---
                        scale: levels
                        values:
                          - code: A
                            label: { fr: "Bien", nl: "Goed", en: "Good" }
                        """, "        type: scale\n", "        type: scale\n        scale: levels\n"),
                new Broken("an option code with a space", Set.of("invalid-id"), """
                        list: aid-schemes
                        title: { fr: "Dispositifs", nl: "Regelingen", en: "Schemes" }
                        options:
                          - code: "food aid"
                            label: { fr: "Aide alimentaire", nl: "Voedselhulp", en: "Food aid" }
                        """, "\"food aid\"", "food"),
                new Broken("a policy value that is a list", Set.of("wrong-type"), """
                        policy: parcours
                        values:
                          imasp:
                            first_evaluation_after: P3M
                            reminder_days: [7, 14]
                        """, "[7, 14]", "7"),
                new Broken("a policy without values", Set.of("missing-key"), """
                        policy: parcours
                        """, "policy: parcours\n", """
                        policy: parcours
                        values:
                          casu:
                            social_only_age: 60
                        """),
                new Broken("a binding to a misspelt role", Set.of("unknown-role", "missing-binding"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        bindings:
                          aid.schemez: schemes
                          aid.scheme: scheme
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: schemes
                                type: repeat
                                label: { fr: "Demandes", nl: "Aanvragen", en: "Requests" }
                                items:
                                  - id: scheme
                                    type: choice
                                    label: { fr: "Dispositif", nl: "Regeling", en: "Scheme" }
                                    options:
                                      - code: food
                                        label: { fr: "Aide alimentaire", nl: "Voedselhulp", en: "Food aid" }
                        """, "aid.schemez", "aid.schemes"),
                new Broken("bindings written as a list", Set.of("wrong-type"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        bindings:
                          - contract.start
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: start_date
                                type: date
                                label: { fr: "Début", nl: "Begin", en: "Start" }
                        """, "bindings:\n  - contract.start\n", ""),
                new Broken("a repeat inside a repeat", Set.of("invalid-constraint"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: household
                                type: repeat
                                label: { fr: "Ménage", nl: "Gezin", en: "Household" }
                                items:
                                  - id: incomes
                                    type: repeat
                                    label: { fr: "Revenus", nl: "Inkomens", en: "Incomes" }
                                    items:
                                      - id: amount
                                        type: money
                                        label: { fr: "Montant", nl: "Bedrag", en: "Amount" }
                        """, """
                                  - id: incomes
                                    type: repeat
                                    label: { fr: "Revenus", nl: "Inkomens", en: "Incomes" }
                                    items:
                                      - id: amount
                                        type: money
                                        label: { fr: "Montant", nl: "Bedrag", en: "Amount" }
                        """, """
                                  - id: amount
                                    type: money
                                    label: { fr: "Montant", nl: "Bedrag", en: "Amount" }
                        """),
                new Broken("'required: true' together with 'required-when'", Set.of("conflicting-keys"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: working
                                type: yes-no
                                label: { fr: "Travaille", nl: "Werkt", en: "Working" }
                              - id: employer
                                type: text
                                label: { fr: "Employeur", nl: "Werkgever", en: "Employer" }
                                required: true
                                required-when: "working"
                        """, "        required: true\n", ""),
                new Broken("a pattern message without a pattern", Set.of("conflicting-keys"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: postcode
                                type: text
                                label: { fr: "Code postal", nl: "Postcode", en: "Postcode" }
                                pattern-message: { fr: "4 chiffres", nl: "4 cijfers", en: "4 digits" }
                        """, "        pattern-message:", "        pattern: \"[0-9]{4}\"\n        pattern-message:"),
                new Broken("a text longer than the 4000 characters limit", Set.of("invalid-constraint"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: story
                                type: text
                                multiline: true
                                max-length: 10000
                                label: { fr: "Récit", nl: "Verhaal", en: "Story" }
                        """, "10000", "4000"),
                new Broken("a policy period that is not ISO-8601", Set.of("wrong-type"), """
                        policy: parcours
                        values:
                          imasp:
                            first_evaluation_after: P3 months
                            social_only_age: 60
                        """, "P3 months", "P3M"),
                new Broken("privacy: an unknown data category", Set.of("unknown-category"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: income
                                type: money
                                label: { fr: "Revenus", nl: "Inkomen", en: "Income" }
                                privacy:
                                  categories: [finance]
                                  legal-basis: public-task
                                  retention: { keep: P5Y, after: file-closed, then: erase }
                        """, "[finance]", "[financial]"),
                new Broken("privacy: a malformed retention period", Set.of("invalid-period"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: income
                                type: money
                                label: { fr: "Revenus", nl: "Inkomen", en: "Income" }
                                privacy:
                                  categories: [financial]
                                  legal-basis: public-task
                                  retention: { keep: P5 years, after: file-closed, then: erase }
                        """, "P5 years", "P5Y"),
                new Broken("privacy: an unknown retention event", Set.of("unknown-event"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: income
                                type: money
                                label: { fr: "Revenus", nl: "Inkomen", en: "Income" }
                                privacy:
                                  categories: [financial]
                                  legal-basis: public-task
                                  retention: { keep: P5Y, after: file-closd, then: erase }
                        """, "file-closd", "file-closed"),
                new Broken("privacy: an unknown legal basis", Set.of("unknown-legal-basis"), """
                        form: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: income
                                type: money
                                label: { fr: "Revenus", nl: "Inkomen", en: "Income" }
                                privacy:
                                  categories: [financial]
                                  legal-basis: public-interest
                                  retention: { keep: P5Y, after: file-closed, then: erase }
                        """, "public-interest", "public-task"),
                new Broken("a policy name with capitals", Set.of("invalid-id"), """
                        policy: parcours
                        values:
                          imasp:
                            socialOnlyAge: 60
                        """, "socialOnlyAge", "social_only_age"),
                new Broken("a document that is neither form, scale, list nor policy", Set.of("unknown-document"), """
                        name: f
                        title: { fr: "F", nl: "F", en: "F" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: remark
                                type: text
                                label: { fr: "Remarque", nl: "Opmerking", en: "Remark" }
                        """, "name: f", "form: f"));
    }

    @Test
    void theBrokenDocumentsAreManyAndEachMistakeIsDifferent() {
        assertThat(brokenDocuments()).hasSizeGreaterThanOrEqualTo(12)
                .extracting(Broken::mistake).doesNotHaveDuplicates();
        assertThat(brokenDocuments()).extracting(Broken::yaml).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    void theSchemaRejectsEachBrokenDocument(Broken broken) {
        assertThat(schemaProblems(BROKEN_SOURCE, broken.yaml()))
                .as("schema problems of a document with %s:%n%s", broken.mistake(), broken.yaml()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    void theReaderRejectsEachBrokenDocument(Broken broken) {
        Throwable thrown = catchThrowable(() -> new FormReader().read(List.of(new FormSource(BROKEN_SOURCE, broken.yaml()))));

        assertThat(thrown).as("reading a document with %s:%n%s", broken.mistake(), broken.yaml())
                .isInstanceOf(FormDefinitionException.class);
        assertThat(((FormDefinitionException) thrown).problems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.at().source()).isEqualTo(BROKEN_SOURCE);
            assertThat(problem.at().line()).isPositive();
            assertThat(problem.at().column()).isPositive();
        });
    }

    /** The reader names the mistake with the code the README gives for it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    void theReaderNamesEachMistake(Broken broken) {
        Throwable thrown = catchThrowable(() -> new FormReader().read(List.of(new FormSource(BROKEN_SOURCE, broken.yaml()))));

        assertThat(thrown).isInstanceOf(FormDefinitionException.class);
        assertThat(((FormDefinitionException) thrown).problems())
                .as("problems for %s (expected one of %s)", broken.mistake(), broken.codes())
                .extracting(problem -> problem.code().code()).containsAnyElementsOf(broken.codes());
    }

    /** Each broken document is broken only by its one mistake: fixed, the schema accepts it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    void theSchemaAcceptsEachDocumentOnceFixed(Broken broken) {
        assertThat(schemaProblems(BROKEN_SOURCE, broken.fixed()))
                .as("schema problems of the fixed document:%n%s", broken.fixed()).isEmpty();
    }

    /** Each broken document is broken only by its one mistake: fixed, the reader accepts it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDocuments")
    void theReaderAcceptsEachDocumentOnceFixed(Broken broken) {
        Throwable thrown = catchThrowable(() -> new FormReader().read(List.of(new FormSource(BROKEN_SOURCE, broken.fixed()))));

        assertThat(thrown).as("reading the fixed document:%n%s", broken.fixed()).isNull();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The schema problems of every document of a YAML source, as "name[document] /path: message". */
    private static List<String> schemaProblems(String name, String yaml) {
        List<String> problems = new ArrayList<>();
        int index = 0;
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                String where = name + "[document " + (++index) + "]";
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                problems.addAll(SCHEMA.validate(document).stream()
                        .map(error -> where + " " + error.getInstanceLocation() + ": " + error.getMessage())
                        .collect(Collectors.toList()));
            }
        } catch (RuntimeException e) {
            problems.add(name + ": not YAML: " + e.getMessage());
        }
        if (index == 0) {
            problems.add(name + ": no document");
        }
        return problems;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
