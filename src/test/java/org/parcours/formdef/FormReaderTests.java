package org.parcours.formdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The YAML form reader, without Spring: every problem code with its exact position and a helpful
 * message, all problems at once, the records built from a valid form, and the shipped forms/.
 *
 * <p>Fixtures are written from column 1 so the line and column numbers can be read off the text.
 */
class FormReaderTests {

    /** A valid shared scale, given as a second source to the fixtures that need one. */
    private static final String SCALE = """
            scale: imasp-abc
            title: { fr: "Échelle", nl: "Schaal", en: "Scale" }
            values:
              - code: A
                colour: green
                label: { fr: "Pas d'obstacle", nl: "Geen belemmering", en: "No obstacle" }
              - code: B
                colour: amber
                problem: true
                label: { fr: "Obstacle", nl: "Belemmering", en: "Obstacle" }
            """;

    private static final String SCALE_SOURCE = "scales/imasp-abc.yaml";
    private static final String TEST_SOURCE = "test.yaml";

    // ---- 1. every problem code -----------------------------------------------------------------

    /**
     * One fixture and the problem it must produce.
     *
     * @param count how many problems the fixture gives in all (some mistakes have a follow-up)
     */
    record Case(String name, ProblemCode code, String yaml, int count, int line, int column,
            String message, String hint) {

        @Override
        public String toString() {
            return code.code() + ": " + name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("a colon inside a plain value", ProblemCode.YAML_SYNTAX, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: Logement: Wonen
                        """, 1, 5, 20, "mapping values are not allowed", "check indentation, colons and quotes"),
                new Case("a document that is neither scale nor form", ProblemCode.UNKNOWN_DOCUMENT, """
                        # a stray document
                        name: imasp
                        sections: []
                        """, 1, 2, 1, "this document is neither a scale nor a form", "start it with 'scale: <id>' or 'form: <id>'"),
                new Case("a misspelt item key", ProblemCode.UNKNOWN_KEY, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: text
                                lable: { fr: "Q", nl: "Q", en: "Q" }
                        """, 2, 9, 9, "unknown key 'lable' in a 'text' item",
                        "did you mean 'label'? allowed keys: id, label, max-length, multiline, type"),
                new Case("a language that is not supported", ProblemCode.UNKNOWN_KEY, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T", de: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: text
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 2, 37, "unknown key 'de' in 'title'", "allowed keys: en, fr, nl"),
                new Case("a key given twice", ProblemCode.DUPLICATE_KEY, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            title: { fr: "S2", nl: "S2", en: "S2" }
                            items:
                              - id: q
                                type: text
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 6, 5, "key 'title' appears twice in a section", "keep one of them"),
                new Case("a form without title", ProblemCode.MISSING_KEY, """
                        form: f
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: text
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 1, 1, "missing 'title'", "add 'title: { fr: ..., nl: ..., en: ... }'"),
                new Case("a scale item without scale", ProblemCode.MISSING_KEY, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: scale
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 7, 9, "missing 'scale'", "add 'scale: ...'"),
                new Case("an item without type, its scale key not reported as well", ProblemCode.MISSING_KEY, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                scale: imasp-abc
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 7, 9, "missing 'type'", "add 'type: ...'"),
                new Case("a max-length that is not a number", ProblemCode.WRONG_TYPE, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: text
                                max-length: lots
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 9, 21, "'max-length' must be a positive whole number", ""),
                new Case("a multiline that is not a boolean", ProblemCode.WRONG_TYPE, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: text
                                multiline: yes
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 9, 20, "'multiline' must be true or false", ""),
                new Case("a label without languages", ProblemCode.WRONG_TYPE, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: text
                                label: Question
                        """, 1, 9, 16, "'label' must give a text per language",
                        "write 'label: { fr: ..., nl: ..., en: ... }'"),
                new Case("sections that are not a list", ProblemCode.WRONG_TYPE, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections: medical
                        """, 1, 3, 11, "'sections' must be a list", "starting with '- '"),
                new Case("an item id with capitals", ProblemCode.INVALID_ID, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: Homeless
                                type: text
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 7, 13, "id 'Homeless' is not valid",
                        "use lower-case letters, digits, '_' or '-', starting with a letter"),
                new Case("a scale value code with a space", ProblemCode.INVALID_ID, """
                        scale: other
                        values:
                          - code: "A B"
                            label: { fr: "A", nl: "A", en: "A" }
                        """, 1, 3, 11, "scale value code 'A B' is not valid", "use letters, digits, '?', '_' or '-'"),
                new Case("an item id used in two sections", ProblemCode.DUPLICATE_ID, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: text
                                label: { fr: "Q", nl: "Q", en: "Q" }
                          - id: t
                            title: { fr: "T", nl: "T", en: "T" }
                            items:
                              - id: q
                                type: text
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 13, 13, "id 'q' is used twice in this form", "answers are stored under them"),
                new Case("a scale defined in two files", ProblemCode.DUPLICATE_ID, """
                        scale: imasp-abc
                        values:
                          - code: A
                            label: { fr: "A", nl: "A", en: "A" }
                        """, 1, 1, 8, "scale 'imasp-abc' is defined twice (also in scales/imasp-abc.yaml)",
                        "give one of them another id"),
                new Case("a scale value code given twice", ProblemCode.DUPLICATE_ID, """
                        scale: other
                        values:
                          - code: A
                            label: { fr: "A", nl: "A", en: "A" }
                          - code: A
                            label: { fr: "A2", nl: "A2", en: "A2" }
                        """, 1, 5, 11, "scale value 'A' appears twice in this scale", "must be unique"),
                new Case("a label without Dutch", ProblemCode.MISSING_TRANSLATION, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: text
                                label: { fr: "Q", en: "Q" }
                        """, 1, 9, 16, "'label' has no nl text", "add 'nl: ...'; every label needs fr, nl and en"),
                new Case("a misspelt scale", ProblemCode.UNKNOWN_SCALE, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: scale
                                scale: imasp-ab
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 9, 16, "unknown scale 'imasp-ab'", "did you mean 'imasp-abc'? known scales: imasp-abc"),
                new Case("a misspelt item type", ProblemCode.UNKNOWN_ITEM_TYPE, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: txt
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 8, 15, "unknown item type 'txt'", "did you mean 'text'? known types: scale, text"),
                new Case("a misspelt item type, its scale key not reported as well", ProblemCode.UNKNOWN_ITEM_TYPE, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: scael
                                scale: imasp-abc
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 8, 15, "unknown item type 'scael'", "did you mean 'scale'? known types: scale, text"),
                new Case("a misspelt colour", ProblemCode.UNKNOWN_COLOUR, """
                        scale: traffic
                        values:
                          - code: G
                            colour: gren
                            label: { fr: "Vert", nl: "Groen", en: "Green" }
                        """, 1, 4, 13, "unknown colour 'gren'",
                        "did you mean 'green'? known colours: green, amber, red, neutral"),
                new Case("a section without items", ProblemCode.EMPTY_LIST, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items: []
                        """, 1, 6, 12, "'items' is empty", "add at least one entry"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsEachProblemWithItsPositionAndAHelpfulHint(Case c) {
        List<FormProblem> problems = problems(new FormSource(SCALE_SOURCE, SCALE), new FormSource(TEST_SOURCE, c.yaml()));

        assertThat(problems).as("all problems of %s", c).hasSize(c.count());
        assertThat(problems).allSatisfy(p -> assertThat(p.at().source()).isEqualTo(TEST_SOURCE));
        assertThat(problems).filteredOn(p -> p.code() == c.code()).singleElement().satisfies(p -> {
            assertThat(p.at().line()).as("line").isEqualTo(c.line());
            assertThat(p.at().column()).as("column").isEqualTo(c.column());
            assertThat(p.message()).contains(c.message());
            assertThat(p.hint()).contains(c.hint());
        });
    }

    @Test
    void theTableCoversEveryProblemCode() {
        Set<ProblemCode> covered = cases().stream().map(Case::code)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProblemCode.class)));

        assertThat(covered).containsExactlyInAnyOrder(ProblemCode.values());
    }

    @Test
    void misspeltItemKeyAlsoReportsTheMissingLabelAtTheItem() {
        List<FormProblem> problems = problems(new FormSource(TEST_SOURCE, """
                form: f
                title: { fr: "T", nl: "T", en: "T" }
                sections:
                  - id: s
                    title: { fr: "S", nl: "S", en: "S" }
                    items:
                      - id: q
                        type: text
                        lable: { fr: "Q", nl: "Q", en: "Q" }
                """));

        assertThat(problems).extracting(FormProblem::code, p -> p.at().line(), p -> p.at().column())
                .containsExactly(tuple(ProblemCode.MISSING_KEY, 7, 9), tuple(ProblemCode.UNKNOWN_KEY, 9, 9));
        assertThat(problems.getFirst().message()).isEqualTo("missing 'label'");
    }

    @Test
    void suggestsOnlyCloseNamesAndAlwaysTheSameOne() {
        assertThat(FormReader.suggestion("lable", List.of("id", "type", "label"))).isEqualTo("did you mean 'label'? ");
        assertThat(FormReader.suggestion("imasp-ab", List.of("imasp-abc"))).isEqualTo("did you mean 'imasp-abc'? ");
        // a two-letter word differing in every letter is no near miss: 'de' is not a misspelt 'nl'
        assertThat(FormReader.suggestion("de", List.of("fr", "nl", "en"))).isEmpty();
        assertThat(FormReader.suggestion("<<", List.of("id", "type", "label"))).isEmpty();
        assertThat(FormReader.suggestion("orange", List.of("green", "amber", "red", "neutral"))).isEmpty();
        // equally close names: the first in alphabetical order, whatever the order of the set
        assertThat(FormReader.suggestion("bat", List.of("hat", "cat"))).isEqualTo("did you mean 'cat'? ");
        assertThat(FormReader.suggestion("bat", List.of("cat", "hat"))).isEqualTo("did you mean 'cat'? ");
    }

    @Test
    void anUnsupportedLanguageGetsNoFarFetchedSuggestion() {
        List<FormProblem> problems = problems(new FormSource(TEST_SOURCE, """
                form: f
                title: { fr: "T", nl: "T", en: "T", de: "T" }
                sections: []
                """));

        assertThat(problems).extracting(FormProblem::code, FormProblem::hint).containsExactly(
                tuple(ProblemCode.UNKNOWN_KEY, "allowed keys: en, fr, nl"),
                tuple(ProblemCode.EMPTY_LIST, "add at least one entry"));
    }

    @Test
    void aFileLargerThanTheLimitIsASyntaxProblemAtItsStart() {
        String huge = "form: f\n# " + "x".repeat(2_000_000) + "\n";

        List<FormProblem> problems = problems(new FormSource("huge.yaml", huge));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.YAML_SYNTAX);
            assertThat(p.at()).isEqualTo(new SourcePosition("huge.yaml", 1, 1));
            assertThat(p.message()).contains("larger than");
            assertThat(p.hint()).contains("split it");
        });
    }

    @Test
    void aProblemPrintsAsFileLineColumnCodeMessageAndHint() {
        FormProblem problem = problems(new FormSource(SCALE_SOURCE, SCALE), new FormSource("imasp.yaml", """
                form: f
                title: { fr: "T", nl: "T", en: "T" }
                sections:
                  - id: s
                    title: { fr: "S", nl: "S", en: "S" }
                    items:
                      - id: q
                        type: scale
                        scale: imasp-ab
                        label: { fr: "Q", nl: "Q", en: "Q" }
                """)).getFirst();

        assertThat(problem).hasToString("imasp.yaml:9:16: [unknown-scale] unknown scale 'imasp-ab'"
                + " (did you mean 'imasp-abc'? known scales: imasp-abc)");
        assertThat(ProblemCode.MISSING_TRANSLATION.code()).isEqualTo("missing-translation");
    }

    // ---- 2. all problems at once --------------------------------------------------------------

    @Test
    void reportsEveryProblemOfAFileAtOnceSortedByLine() {
        // The scale (second document) is read before the form, so its problem is found first.
        Throwable thrown = catchThrowable(() -> new FormReader().read(List.of(new FormSource("imasp.yaml", """
                form: f
                title: { fr: "T", nl: "T", en: "T" }
                sections:
                  - id: s
                    title: { fr: "S", nl: "S", en: "S" }
                    items:
                      - id: q
                        type: scale
                        scale: imasp-ab
                        label: { fr: "Q", nl: "Q" }
                ---
                scale: imasp-abc
                values:
                  - code: A
                    colour: gren
                    label: { fr: "A", nl: "A", en: "A" }
                """))));

        assertThat(thrown).isInstanceOf(FormDefinitionException.class);
        List<FormProblem> problems = ((FormDefinitionException) thrown).problems();
        assertThat(problems).extracting(FormProblem::code, p -> p.at().line(), p -> p.at().column())
                .containsExactly(
                        tuple(ProblemCode.UNKNOWN_SCALE, 9, 16),
                        tuple(ProblemCode.MISSING_TRANSLATION, 10, 16),
                        tuple(ProblemCode.UNKNOWN_COLOUR, 15, 13));
        assertThat(problems.getFirst().hint()).startsWith("did you mean 'imasp-abc'?");
        assertThat(thrown.getMessage().lines().toList())
                .containsExactlyElementsOf(problems.stream().map(FormProblem::toString).toList());
    }

    @Test
    void reportsTheProblemsOfEverySourceSortedBySourceThenLine() {
        List<FormProblem> problems = problems(
                new FormSource("scales/b.yaml", """
                        scale: b
                        values: []
                        """),
                new FormSource("a.yaml", """
                        form: a
                        title: { fr: "T", nl: "T" }
                        sections: []
                        """));

        assertThat(problems).extracting(p -> p.at().toString(), FormProblem::code).containsExactly(
                tuple("a.yaml:2:8", ProblemCode.MISSING_TRANSLATION),
                tuple("a.yaml:3:11", ProblemCode.EMPTY_LIST),
                tuple("scales/b.yaml:2:9", ProblemCode.EMPTY_LIST));
    }

    // ---- 3. a valid form ----------------------------------------------------------------------

    @Test
    void readsAValidFormIntoRecords() {
        FormBundle bundle = new FormReader().read(List.of(
                new FormSource("scales/traffic.yaml", """
                        scale: traffic
                        title: { fr: "Feu", nl: "Licht", en: "Light" }
                        values:
                          - code: A
                            colour: green
                            label: { fr: "Vert", nl: "Groen", en: "Green" }
                          - code: B
                            colour: amber
                            problem: true
                            label: { fr: "Orange", nl: "Oranje", en: "Amber" }
                          - code: C
                            colour: red
                            problem: false
                            label: { fr: "Rouge", nl: "Rood", en: "Red" }
                          - code: "?"
                            label: { fr: "Inconnu", nl: "Onbekend", en: "Unknown" }
                        """),
                new FormSource("check.yaml", """
                        form: check
                        title: { fr: "Bilan", nl: "Balans", en: "Check" }
                        sections:
                          - id: housing
                            title: { fr: "Logement", nl: "Wonen", en: "Housing" }
                            items:
                              - id: homeless
                                type: scale
                                scale: traffic
                                label: { fr: "Sans-abri", nl: "Dakloos", en: "Homeless" }
                              - id: comment
                                type: text
                                multiline: true
                                max-length: 500
                                label: { fr: "Commentaire", nl: "Opmerking", en: "Comment" }
                              - id: note
                                type: text
                                label: { fr: "Note", nl: "Nota", en: "Note" }
                        """)));

        Scale traffic = bundle.scales().get("traffic");
        assertThat(bundle.scales()).containsOnlyKeys("traffic");
        assertThat(bundle.scaleSources()).containsExactlyEntriesOf(Map.of("traffic", "scales/traffic.yaml"));
        assertThat(traffic.title()).isEqualTo(LocalizedText.of("Feu", "Licht", "Light"));
        assertThat(traffic.values()).extracting(ScaleValue::code, ScaleValue::colour, ScaleValue::problem)
                .containsExactly(
                        tuple("A", Colour.GREEN, false),
                        tuple("B", Colour.AMBER, true),
                        tuple("C", Colour.RED, false),
                        tuple("?", Colour.NEUTRAL, false));
        assertThat(traffic.value("B").orElseThrow().label()).isEqualTo(LocalizedText.of("Orange", "Oranje", "Amber"));

        assertThat(bundle.forms()).containsOnlyKeys("check");
        FormDefinition form = bundle.forms().get("check");
        assertThat(form.id()).isEqualTo("check");
        assertThat(form.title()).isEqualTo(LocalizedText.of("Bilan", "Balans", "Check"));
        assertThat(form.sections()).singleElement().satisfies(section -> {
            assertThat(section.id()).isEqualTo("housing");
            assertThat(section.title()).isEqualTo(LocalizedText.of("Logement", "Wonen", "Housing"));
            assertThat(section.items()).extracting(Item::id).containsExactly("homeless", "comment", "note");
        });

        assertThat(form.item("homeless")).get().isInstanceOfSatisfying(ScaleItem.class, item -> {
            assertThat(item.scale()).isSameAs(traffic);
            assertThat(item.label()).isEqualTo(LocalizedText.of("Sans-abri", "Dakloos", "Homeless"));
            assertThat(item.accepts("B")).isTrue();
            assertThat(item.accepts("?")).isTrue();
            assertThat(item.accepts("D")).isFalse();
        });
        assertThat(form.item("comment")).get().isEqualTo(
                new TextItem("comment", LocalizedText.of("Commentaire", "Opmerking", "Comment"), true, 500));
        assertThat(form.item("note")).get().isEqualTo(
                new TextItem("note", LocalizedText.of("Note", "Nota", "Note"), false, TextItem.DEFAULT_MAX_LENGTH));
        TextItem comment = (TextItem) form.item("comment").orElseThrow();
        assertThat(comment.accepts("x".repeat(500))).isTrue();
        assertThat(comment.accepts("x".repeat(501))).isFalse();
        assertThat(form.item("missing")).isEmpty();
    }

    @Test
    void localizedTextFallsBackToFrench() {
        LocalizedText text = LocalizedText.of("Logement", "Wonen", "Housing");

        assertThat(text.in(Locale.FRENCH)).isEqualTo("Logement");
        assertThat(text.in(Locale.forLanguageTag("nl-BE"))).isEqualTo("Wonen");
        assertThat(text.in(Locale.ENGLISH)).isEqualTo("Housing");
        assertThat(text.in(Locale.GERMAN)).isEqualTo("Logement");
        assertThat(text.in(Locale.ROOT)).isEqualTo("Logement");
        assertThat(new LocalizedText(Map.of("fr", "Seul")).in(Locale.ENGLISH)).isEqualTo("Seul");
    }

    // ---- 4. the shipped forms/ ----------------------------------------------------------------

    @Test
    void readsTheShippedForms() throws IOException {
        FormBundle bundle = new FormReader().read(shippedSources());

        FormDefinition imasp = bundle.forms().get("imasp");
        assertThat(imasp).as("form 'imasp'").isNotNull();
        assertThat(imasp.sections()).extracting(Section::id)
                .containsExactly("medical", "housing", "family", "societal", "other");
        assertThat(imasp.sections()).allSatisfy(section -> assertThat(section.items()).isNotEmpty());
        assertThat(bundle.scaleSources()).containsEntry("imasp-abc", "scales/imasp-abc.yaml");

        List<ScaleItem> scaleItems = bundle.forms().values().stream().flatMap(FormDefinition::items)
                .filter(ScaleItem.class::isInstance).map(ScaleItem.class::cast).toList();
        assertThat(imasp.sections()).allSatisfy(section -> assertThat(section.items())
                .as("scale items of section %s", section.id()).anyMatch(ScaleItem.class::isInstance));
        assertThat(scaleItems).extracting(item -> item.scale().id()).isNotEmpty().containsOnly("imasp-abc");
        Scale abc = bundle.scales().get("imasp-abc");
        assertThat(abc.values()).extracting(ScaleValue::code).containsExactly("A", "B", "C", "NVT", "?");
        assertThat(abc.values()).extracting(ScaleValue::colour)
                .containsExactly(Colour.GREEN, Colour.AMBER, Colour.RED, Colour.NEUTRAL, Colour.NEUTRAL);
        assertThat(abc.values()).extracting(ScaleValue::problem).containsExactly(false, true, true, false, false);
        assertThat(scaleItems).allSatisfy(item -> assertThat(item.scale()).as("scale of %s", item.id()).isSameAs(abc));
        assertThat(imasp.item("comment")).get().isInstanceOfSatisfying(TextItem.class, comment -> {
            assertThat(comment.multiline()).isTrue();
            assertThat(comment.maxLength()).isEqualTo(2000);
        });

        List<LocalizedText> labels = new ArrayList<>();
        for (Scale scale : bundle.scales().values()) {
            labels.add(scale.title());
            scale.values().forEach(v -> labels.add(v.label()));
        }
        for (FormDefinition form : bundle.forms().values()) {
            labels.add(form.title());
            form.sections().forEach(s -> labels.add(s.title()));
            form.items().forEach(i -> labels.add(i.label()));
        }
        assertThat(labels).hasSizeGreaterThan(25).allSatisfy(label -> {
            assertThat(label.byLanguage()).containsOnlyKeys("fr", "nl", "en");
            assertThat(label.byLanguage().values()).allSatisfy(text -> assertThat(text).isNotBlank());
        });
    }

    /** Every *.yaml under forms/, named by its path relative to forms/ as in error messages. */
    private static List<FormSource> shippedSources() throws IOException {
        Path forms = Path.of("forms");
        assertThat(forms).as("forms/ relative to %s", Path.of("").toAbsolutePath()).isDirectory();
        List<FormSource> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(forms)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String name = forms.relativize(file).toString().replace('\\', '/');
                sources.add(new FormSource(name, Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        assertThat(sources).extracting(FormSource::name).contains("imasp.yaml", "scales/imasp-abc.yaml");
        return sources;
    }

    // ---- 5. several documents in one source ---------------------------------------------------

    @Test
    void readsAScaleAndAFormFromOneMultiDocumentSource() {
        FormBundle bundle = new FormReader().read(List.of(new FormSource("all-in-one.yaml", """
                # the form comes first; the scale below is read before it anyway
                form: mini
                title: { fr: "Mini", nl: "Mini", en: "Mini" }
                sections:
                  - id: s
                    title: { fr: "S", nl: "S", en: "S" }
                    items:
                      - id: q
                        type: scale
                        scale: yes-no
                        label: { fr: "Q", nl: "V", en: "Q" }
                ---
                scale: yes-no
                values:
                  - code: Y
                    colour: green
                    label: { fr: "Oui", nl: "Ja", en: "Yes" }
                  - code: N
                    colour: red
                    problem: true
                    label: { fr: "Non", nl: "Nee", en: "No" }
                """)));

        assertThat(bundle.scales()).containsOnlyKeys("yes-no");
        assertThat(bundle.scaleSources()).containsEntry("yes-no", "all-in-one.yaml");
        assertThat(bundle.forms()).containsOnlyKeys("mini");
        assertThat(bundle.forms().get("mini").item("q")).get().isInstanceOfSatisfying(ScaleItem.class, item -> {
            assertThat(item.scale()).isSameAs(bundle.scales().get("yes-no"));
            assertThat(item.scale().values()).extracting(ScaleValue::code, ScaleValue::colour, ScaleValue::problem)
                    .containsExactly(tuple("Y", Colour.GREEN, false), tuple("N", Colour.RED, true));
        });
    }

    @Test
    void positionsInALaterDocumentCountLinesFromTheStartOfTheSource() {
        List<FormProblem> problems = problems(new FormSource("multi.yaml", """
                scale: one
                values:
                  - code: A
                    label: { fr: "A", nl: "A", en: "A" }
                ---
                scale: two
                values:
                  - code: A
                    colour: blue
                    label: { fr: "A", nl: "A", en: "A" }
                ---
                - not
                - a form
                """));

        assertThat(problems).extracting(p -> p.at().toString(), FormProblem::code).containsExactly(
                tuple("multi.yaml:9:13", ProblemCode.UNKNOWN_COLOUR),
                tuple("multi.yaml:12:1", ProblemCode.UNKNOWN_DOCUMENT));
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Reads the sources, which must fail, and returns the problems reported. */
    private static List<FormProblem> problems(FormSource... sources) {
        Throwable thrown = catchThrowable(() -> new FormReader().read(List.of(sources)));
        assertThat(thrown).as("reading must fail").isInstanceOf(FormDefinitionException.class);
        List<FormProblem> problems = ((FormDefinitionException) thrown).problems();
        assertThat(problems).isNotEmpty();
        return problems;
    }
}
