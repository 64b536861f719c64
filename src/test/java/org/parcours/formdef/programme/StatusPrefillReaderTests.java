package org.parcours.formdef.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormDefinitionException;
import org.parcours.formdef.FormProblem;
import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;

/**
 * {@code prefill-from-status}: the answer that records the client's status, read without Spring;
 * an item that is no single choice of the form, an unknown status or option is refused at its
 * file, line and column.
 */
class StatusPrefillReaderTests {

    static final String FORM = """
            form: track
            title: { fr: "T", nl: "T", en: "T" }
            sections:
              - id: s
                title: { fr: "S", nl: "S", en: "S" }
                items:
                  - id: way
                    type: choice
                    label: { fr: "Voie", nl: "Weg", en: "Way" }
                    options:
                      - code: social
                        label: { fr: "S", nl: "S", en: "S" }
                      - code: both
                        label: { fr: "B", nl: "B", en: "B" }
                  - id: note
                    type: text
                    label: { fr: "N", nl: "N", en: "N" }
            """;

    static List<Programme> read(String yaml) {
        Map<String, FormDefinition> forms = new FormReader().read(List.of(new FormSource("track.yaml", FORM))).forms();
        return new ProgrammeReader().read(List.of(new FormSource("programmes/track.yaml", yaml)), forms, Optional.empty());
    }

    static List<String> problems(String yaml) {
        FormDefinitionException e = catchThrowableOfType(FormDefinitionException.class, () -> read(yaml));
        assertThat(e).as("the declaration is refused").isNotNull();
        return e.problems().stream().map(FormProblem::toString).toList();
    }

    @Test
    void readsTheItemAndTheOptionOfEachStatus() {
        Programme p = read("""
                programme: track
                form: track
                title: { fr: "T", nl: "T", en: "T" }
                prefill-from-status:
                  item: way
                  answers: { followed: both, social-only: social }
                """).getFirst();

        StatusPrefill prefill = p.statusPrefill().orElseThrow();
        assertThat(prefill.itemId()).isEqualTo("way");
        assertThat(prefill.answerFor("social-only")).contains("social");
        assertThat(prefill.answerFor("followed")).contains("both");
        assertThat(prefill.answerFor("closed")).as("a status the programme does not map").isEmpty();
    }

    @Test
    void withoutTheDeclarationNothingIsPrefilled() {
        assertThat(read("""
                programme: track
                form: track
                title: { fr: "T", nl: "T", en: "T" }
                """).getFirst().statusPrefill()).isEmpty();
    }

    @Test
    void anItemThatIsNoChoiceAnUnknownStatusAndAnUnknownOptionAreRefusedAtTheirPlace() {
        assertThat(problems("""
                programme: track
                form: track
                title: { fr: "T", nl: "T", en: "T" }
                prefill-from-status:
                  item: note
                  answers: { followed: both }
                """)).containsExactly(
                "programmes/track.yaml:5:9: [unknown-item] 'note' is not a single-choice item of form 'track' "
                        + "(name a top-level choice item (not multiple) whose options stand for the statuses)");
        assertThat(problems("""
                programme: track
                form: track
                title: { fr: "T", nl: "T", en: "T" }
                prefill-from-status:
                  item: way
                  answers:
                    followed: bot
                    retired: social
                """)).containsExactly(
                "programmes/track.yaml:7:15: [wrong-type] 'bot' is not an option of 'way' (options: social, both)",
                "programmes/track.yaml:8:5: [unknown-key] unknown key 'retired' in 'answers' (statuses) (allowed keys: followed, social-only)");
        assertThat(problems("""
                programme: track
                form: track
                title: { fr: "T", nl: "T", en: "T" }
                prefill-from-status:
                  item: way
                """)).containsExactly("programmes/track.yaml:5:3: [missing-key] missing 'answers' "
                + "(add 'answers: { followed: <option>, social-only: <option> }')");
    }
}
