package org.parcours.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parcours.studio.YamlBuilderEditsTests.assertOnly;
import static org.parcours.studio.YamlBuilderEditsTests.readImasp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.parcours.formdef.DataCategory;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;

/**
 * The builder's edits for the parts of the form language added after its first slice: renames
 * with {@code was:}, a form's {@code retired:} ids, privacy declarations, and the values of
 * shared scales and lists. Each is checked on the exact text it writes, the rest of the file
 * (comments included) unchanged, and the reader accepts the result.
 */
class YamlFormLanguageEditsTests {

    private static final String DATES = """
            # Dates of a stay: the comments stay where they are.
            form: stay
            title: { fr: "Séjour", nl: "Verblijf", en: "Stay" }
            bindings: { measurement.date: start_date }
            sections:
              - id: main
                title: { fr: "Dates", nl: "Data", en: "Dates" }
                items:
                  - id: start_date   # the first day
                    type: date
                    label: { fr: "Début", nl: "Begin", en: "Start" }
                  - id: end_date
                    type: date
                    was: finish
                    label: { fr: "Fin", nl: "Einde", en: "End" }
                    constraints:
                      - expression: "end_date > start_date && 'start_date' != ''"
                        message: { fr: "Après le début", nl: "Na het begin", en: "After the start" }
                    visible-when: 'start_date != timestamp("2020-01-01T00:00:00Z")'
              - id: people
                title: { fr: "Personnes", nl: "Personen", en: "People" }
                items:
                  - id: household
                    type: repeat
                    label: { fr: "Ménage", nl: "Gezin", en: "Household" }
                    items:
                      - id: age
                        type: integer
                        label: { fr: "Âge", nl: "Leeftijd", en: "Age" }
                  - id: adults
                    type: computed
                    expression: "size(household.filter(r, r.age >= 18))"
                    label: { fr: "Adultes", nl: "Volwassenen", en: "Adults" }
            """;

    @Test
    void aRenameOfAPublishedItemWritesWasAndFollowsTheExpressionsAndBindingsOfTheFile() {
        String renamed = YamlEdits.renameItem(DATES, "start_date", "first_day", true);
        assertThat(renamed).isEqualTo(DATES
                .replace("bindings: { measurement.date: start_date }", "bindings: { measurement.date: first_day }")
                .replace("      - id: start_date   # the first day\n        type: date\n        label: { fr: \"Début\", nl: \"Begin\", en: \"Start\" }\n",
                        "      - id: first_day   # the first day\n        type: date\n        label: { fr: \"Début\", nl: \"Begin\", en: \"Start\" }\n"
                                + "        was: [start_date]\n")
                .replace("\"end_date > start_date && 'start_date' != ''\"", "\"end_date > first_day && 'start_date' != ''\"")
                .replace("'start_date != timestamp(\"2020-01-01T00:00:00Z\")'", "\"first_day != timestamp(\\\"2020-01-01T00:00:00Z\\\")\""));
        assertThat(read(renamed).item("first_day")).isPresent();

        // a former id written alone becomes a list with the new one added
        String again = YamlEdits.renameItem(renamed, "end_date", "last_day", true);
        assertOnly(renamed, again, List.of("      - id: end_date", "        type: date", "        was: finish",
                        "        label: { fr: \"Fin\", nl: \"Einde\", en: \"End\" }", "        constraints:",
                        "          - expression: \"end_date > first_day && 'start_date' != ''\""),
                List.of("      - id: last_day", "        type: date", "        was: [finish, end_date]",
                        "        label: { fr: \"Fin\", nl: \"Einde\", en: \"End\" }", "        constraints:",
                        "          - expression: \"last_day > first_day && 'start_date' != ''\""));

        // renaming back to a former id takes it out of the list: an item never says it was itself
        String back = YamlEdits.renameItem(renamed, "first_day", "start_date", true);
        assertThat(back).contains("      - id: start_date   # the first day\n", "        was: [first_day]\n")
                .doesNotContain("was: [start_date");
        assertThat(read(back).item("start_date")).isPresent();
    }

    @Test
    void aRenameOfAnItemNotYetInServiceChangesOnlyTheIdAndItsReferencesAndARowFieldFollowsToo() {
        String renamed = YamlEdits.renameItem(DATES, "age", "years", false);
        assertThat(renamed).isEqualTo(DATES.replace("          - id: age\n", "          - id: years\n")
                .replace("\"size(household.filter(r, r.age >= 18))\"", "\"size(household.filter(r, r.years >= 18))\""));
        assertThat(read(renamed).item("years")).isPresent();

        assertThat(YamlEdits.renameIdentifier("size(x) > 0 && x_total == 'x' && r.x != \"x\"", "x", "y"))
                .isEqualTo("size(y) > 0 && x_total == 'x' && r.y != \"x\"");
        assertThat(YamlEdits.renameIdentifier("size(people) + int(size)", "size", "count")).isEqualTo("size(people) + int(count)");
        assertThatThrownBy(() -> YamlEdits.renameItem(DATES, "age", "end_date", false))
                .isInstanceOfSatisfying(YamlEdits.EditException.class, e -> assertThat(e.key()).isEqualTo("studio.edit.id-taken"));
        assertThatThrownBy(() -> YamlEdits.renameItem(DATES, "nothing", "other", false))
                .isInstanceOfSatisfying(YamlEdits.EditException.class, e -> assertThat(e.key()).isEqualTo("studio.edit.no-item"));
    }

    @Test
    void privacyAndRetiredIdsAreWrittenKeyByKeyOnImaspAndRemovedWithTheirLastKey() throws IOException {
        String imasp = Files.readString(Path.of("forms/imasp.yaml"));

        String categories = YamlEdits.setPrivacyKey(imasp, "homeless", "categories", Optional.of("[housing]"));
        assertOnly(imasp, categories, List.of(), List.of("        privacy:", "          categories: [housing]"));
        String basis = YamlEdits.setPrivacyKey(categories, "homeless", "legal-basis", Optional.of("public-task"));
        assertOnly(categories, basis, List.of(), List.of("          legal-basis: public-task"));
        String retention = YamlEdits.setPrivacyKey(basis, "homeless", "retention", Optional.of("{ keep: P5Y, after: file-closed, then: erase }"));
        assertOnly(basis, retention, List.of(), List.of("          retention: { keep: P5Y, after: file-closed, then: erase }"));
        String purpose = YamlEdits.setPrivacyPurpose(retention, "homeless", "Loger", "Huisvesten", "House");
        assertOnly(retention, purpose, List.of(), List.of("          purpose: { fr: \"Loger\", nl: \"Huisvesten\", en: \"House\" }"));
        String repurposed = YamlEdits.setPrivacyPurpose(purpose, "homeless", "Reloger", "", "");
        assertOnly(purpose, repurposed, List.of("          purpose: { fr: \"Loger\", nl: \"Huisvesten\", en: \"House\" }"),
                List.of("          purpose: { fr: \"Reloger\", nl: \"Huisvesten\", en: \"House\" }"));
        FormDefinition declared = readImasp(repurposed);
        assertThat(declared.item("homeless")).isPresent();

        // the first key of the block goes like any other; the block goes with its last key
        String noCategories = YamlEdits.setPrivacyKey(repurposed, "homeless", "categories", Optional.empty());
        assertOnly(repurposed, noCategories, List.of("          categories: [housing]"), List.of());
        String none = YamlEdits.setPrivacyPurpose(noCategories, "homeless", "", "", "");
        none = YamlEdits.setPrivacyKey(none, "homeless", "retention", Optional.empty());
        none = YamlEdits.setPrivacyKey(none, "homeless", "legal-basis", Optional.empty());
        assertThat(none).isEqualTo(imasp);

        // a section's block (after its items) and the form's own block change in place
        String section = YamlEdits.setPrivacyKey(imasp, "medical", "categories", Optional.of("[health, social]"));
        assertOnly(imasp, section, List.of("      categories: [health]"), List.of("      categories: [health, social]"));
        String form = YamlEdits.setPrivacyKey(imasp, "", "legal-basis", Optional.of("legal-obligation"));
        assertOnly(imasp, form, List.of("  legal-basis: public-task"), List.of("  legal-basis: legal-obligation"));
        assertThat(readImasp(section).item("illness")).isPresent();
        assertThat(readImasp(form).item("illness")).isPresent();

        String retired = YamlEdits.setFormKey(imasp, "retired", YamlEdits.idList(List.of("old_factor", "older_factor")));
        assertOnly(imasp, retired, List.of(), List.of("retired: [old_factor, older_factor]"));
        assertThat(readImasp(retired).sections()).isNotEmpty();
        assertThat(YamlEdits.setFormKey(retired, "retired", YamlEdits.idList(List.of()))).isEqualTo(imasp);

        String was = YamlEdits.setKey(imasp, "homeless", "was", YamlEdits.idList(List.of("roofless")));
        assertOnly(imasp, was, List.of(), List.of("        was: [roofless]"));
        assertThat(readImasp(was).item("homeless")).isPresent();
        assertThat(DataCategory.yamlNames()).contains("housing", "health", "social");
    }

    @Test
    void theValuesOfASharedScaleAreEditedLineByLineAndReadBackAsAGrid() throws IOException {
        String scale = Files.readString(Path.of("forms/scales/imasp-abc.yaml"));
        assertThat(SharedValues.read(scale).orElseThrow().values()).extracting(SharedValues.Value::code)
                .containsExactly("A", "B", "C", "NVT", "?");

        String problem = YamlEdits.setValueKey(scale, "A", "problem", Optional.of("true"));
        assertOnly(scale, problem, List.of(), List.of("    problem: true"));
        assertThat(problem).contains("  - code: A\n    colour: green\n    problem: true\n    label: ");
        String colour = YamlEdits.setValueKey(problem, "B", "colour", Optional.of("red"));
        assertOnly(problem, colour, List.of("    colour: amber"), List.of("    colour: red"));
        String notProblem = YamlEdits.setValueKey(colour, "B", "problem", Optional.empty());
        assertOnly(colour, notProblem, List.of("    problem: true"), List.of());
        String code = YamlEdits.setValueCode(notProblem, "NVT", "NA");
        assertOnly(notProblem, code, List.of("  - code: NVT"), List.of("  - code: NA"));
        String deleted = YamlEdits.deleteValue(code, "?");
        assertOnly(code, deleted, List.of("  - code: \"?\"", "    colour: neutral",
                "    label: { fr: \"Inconnu\", nl: \"Onbekend\", en: \"Unknown\" }"), List.of());

        SharedValues values = SharedValues.read(deleted).orElseThrow();
        assertThat(values.scale()).isTrue();
        assertThat(values.values()).containsExactly(
                new SharedValues.Value("A", values.values().get(0).label(), "green", true),
                new SharedValues.Value("B", values.values().get(1).label(), "red", false),
                new SharedValues.Value("C", values.values().get(2).label(), "red", true),
                new SharedValues.Value("NA", values.values().get(3).label(), "neutral", false));
        assertThat(values.values().get(3).label("nl")).isEqualTo("Niet van toepassing");

        assertThatThrownBy(() -> YamlEdits.setValueCode(scale, "A", "B"))
                .isInstanceOfSatisfying(YamlEdits.EditException.class, e -> assertThat(e.key()).isEqualTo("studio.edit.code-taken"));
        assertThatThrownBy(() -> YamlEdits.setValueKey(scale, "Z", "colour", Optional.of("red")))
                .isInstanceOfSatisfying(YamlEdits.EditException.class, e -> assertThat(e.key()).isEqualTo("studio.edit.no-code"));
    }

    @Test
    void anOptionOfASharedListIsRemovedWithItsLinesAndTheLastOneStays() throws IOException {
        String list = Files.readString(Path.of("forms/lists/aid-schemes.yaml"));
        String deleted = YamlEdits.deleteValue(list, "clothing");
        assertOnly(list, deleted, List.of("  - code: clothing",
                "    label: { fr: \"Vêture\", nl: \"Kledinghulp\", en: \"Clothing aid\" }"), List.of());
        assertThat(SharedValues.read(deleted).orElseThrow().scale()).isFalse();

        String one = """
                list: one
                title: { fr: "Un", nl: "Een", en: "One" }
                options:
                  - code: only
                    label: { fr: "Seul", nl: "Enig", en: "Only" }
                """;
        assertThatThrownBy(() -> YamlEdits.deleteValue(one, "only"))
                .isInstanceOfSatisfying(YamlEdits.EditException.class, e -> assertThat(e.key()).isEqualTo("studio.edit.last-value"));
    }

    private static FormDefinition read(String text) {
        return new FormReader().read(List.of(new FormSource("stay.yaml", text))).forms().get("stay");
    }
}
