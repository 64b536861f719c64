package org.parcours.formdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parcours.formrun.AnswerCodec;
import org.parcours.formrun.Issue;

/**
 * The YAML form reader, without Spring: every problem code with its exact position and a helpful
 * message, all problems at once, the records built from a valid form, and the shipped forms/.
 *
 * <p>Fixtures are written from column 1 so the line and column numbers can be read off the text.
 * An expression problem is positioned at the expression's first character (inside the quotes)
 * plus CEL's column offset within the expression.
 */
class FormReaderTests {

    /** A valid shared scale, given as a source beside the fixtures. */
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

    /** A valid shared option list, given as a source beside the fixtures. */
    private static final String LIST = """
            list: answers
            title: { fr: "Réponses", nl: "Antwoorden", en: "Answers" }
            options:
              - code: yes
                label: { fr: "Oui", nl: "Ja", en: "Yes" }
              - code: no
                label: { fr: "Non", nl: "Nee", en: "No" }
            """;

    private static final String SCALE_SOURCE = "scales/imasp-abc.yaml";
    private static final String LIST_SOURCE = "lists/answers.yaml";
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
                new Case("a document that is neither scale, list, policy nor form", ProblemCode.UNKNOWN_DOCUMENT, """
                        # a stray document
                        name: imasp
                        sections: []
                        """, 1, 2, 1, "this document is not a scale, list, policy or form",
                        "start it with 'form: <id>', 'scale: <id>', 'list: <id>' or 'policy: <id>'"),
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
                        "did you mean 'label'? allowed keys: constraints, default, help, id, label, max-length, multiline,"
                                + " pattern, pattern-message, prefill, privacy, required, required-when, sensitive, type, visible-when"),
                new Case("a key of another item type", ProblemCode.UNKNOWN_KEY, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: n
                                type: integer
                                max-length: 3
                                label: { fr: "N", nl: "N", en: "N" }
                        """, 1, 9, 9, "unknown key 'max-length' in a 'integer' item", "allowed keys: constraints, default,"),
                new Case("a label on a note, which has a text", ProblemCode.UNKNOWN_KEY, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: n
                                type: note
                                text: { fr: "N", nl: "N", en: "N" }
                                label: { fr: "N", nl: "N", en: "N" }
                        """, 1, 10, 9, "unknown key 'label' in a 'note' item",
                        "allowed keys: id, sensitive, text, type, visible-when"),
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
                new Case("a policy name given twice", ProblemCode.DUPLICATE_KEY, """
                        policy: p
                        values:
                          imasp:
                            social_only_age: 60
                            social_only_age: 65
                        """, 1, 5, 5, "'social_only_age' appears twice", "keep one"),
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
                new Case("a choice with neither options nor list", ProblemCode.MISSING_KEY, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: choice
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 7, 9, "missing 'options' or 'list'",
                        "list the options inline ('options:') or name a shared list ('list: <id>')"),
                new Case("a computed item without expression", ProblemCode.MISSING_KEY, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: c
                                type: computed
                                label: { fr: "C", nl: "C", en: "C" }
                        """, 1, 7, 9, "missing 'expression'", "add 'expression: \"...\"'"),
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
                        """, 1, 9, 21, "'max-length' must be a whole number, 0 or more", ""),
                new Case("a max-length of 0", ProblemCode.WRONG_TYPE, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: text
                                max-length: 0
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
                new Case("a number default that is not a number", ProblemCode.WRONG_TYPE, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: n
                                type: integer
                                default: 1.5
                                label: { fr: "N", nl: "N", en: "N" }
                        """, 1, 9, 18, "default '1.5' is not a whole number", ""),
                new Case("an unknown role", ProblemCode.WRONG_TYPE, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: text
                                sensitive: [ADMIN, WORKR]
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 9, 28, "unknown role 'WORKR'", "did you mean 'WORKER'? roles: ADMIN, WORKER, COMMITTEE"),
                new Case("an unknown prefill", ProblemCode.WRONG_TYPE, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: text
                                prefill: previous
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 9, 18, "unknown prefill 'previous'", "the only prefill is 'last-evaluation'"),
                new Case("a malformed policy period", ProblemCode.WRONG_TYPE, """
                        policy: p
                        values:
                          imasp:
                            first_evaluation_after: P3Q
                        """, 1, 4, 29, "'P3Q' is not an ISO-8601 period", "write periods like P3M (3 months)"),
                new Case("a policy value that is a list", ProblemCode.WRONG_TYPE, """
                        policy: p
                        values:
                          imasp:
                            ages: [60, 65]
                        """, 1, 4, 11, "a policy value must be a number, a period or a text",
                        "e.g. 'social_only_age: 60' or 'first_evaluation_after: P3M'"),
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
                        "use lower-case letters, digits, '_' or '-', starting with a letter (at most 80)"),
                new Case("a scale value code with a space", ProblemCode.INVALID_ID, """
                        scale: other
                        values:
                          - code: "A B"
                            label: { fr: "A", nl: "A", en: "A" }
                        """, 1, 3, 11, "scale code 'A B' is not valid", "use letters, digits, '?', '_' or '-', at most 20 characters"),
                new Case("an option code with a slash", ProblemCode.INVALID_ID, """
                        list: other
                        options:
                          - code: a/b
                            label: { fr: "A", nl: "A", en: "A" }
                        """, 1, 3, 11, "option code 'a/b' is not valid", "use letters, digits, '?', '_' or '-'"),
                new Case("a policy name with capitals", ProblemCode.INVALID_ID, """
                        policy: p
                        values:
                          Imasp:
                            social_only_age: 60
                        """, 1, 3, 3, "policy names are lower-case words", "e.g. first_evaluation_after"),
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
                new Case("an item id used again inside a repeat", ProblemCode.DUPLICATE_ID, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: name
                                type: text
                                label: { fr: "Q", nl: "Q", en: "Q" }
                              - id: household
                                type: repeat
                                label: { fr: "F", nl: "G", en: "H" }
                                items:
                                  - id: name
                                    type: text
                                    label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 14, 17, "id 'name' is used twice in this form", "answers are stored under them"),
                new Case("a scale defined in two files", ProblemCode.DUPLICATE_ID, """
                        scale: imasp-abc
                        values:
                          - code: A
                            label: { fr: "A", nl: "A", en: "A" }
                        """, 1, 1, 8, "scale 'imasp-abc' is defined twice (also in scales/imasp-abc.yaml)",
                        "give one of them another id"),
                new Case("a list defined in two files", ProblemCode.DUPLICATE_ID, """
                        list: answers
                        options:
                          - code: maybe
                            label: { fr: "Peut-être", nl: "Misschien", en: "Maybe" }
                        """, 1, 1, 7, "list 'answers' is defined twice (also in lists/answers.yaml)",
                        "give one of them another id"),
                new Case("a scale value code given twice", ProblemCode.DUPLICATE_ID, """
                        scale: other
                        values:
                          - code: A
                            label: { fr: "A", nl: "A", en: "A" }
                          - code: A
                            label: { fr: "A2", nl: "A2", en: "A2" }
                        """, 1, 5, 11, "scale 'A' appears twice", "each code must be unique within its scales"),
                new Case("a second policy", ProblemCode.DUPLICATE_ID, """
                        policy: one
                        values:
                          a: 1
                        ---
                        policy: two
                        values:
                          a: 2
                        """, 1, 5, 9, "a second policy 'two'; there is one policy", "merge it into policy.yaml"),
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
                new Case("a constraint message without English", ProblemCode.MISSING_TRANSLATION, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: n
                                type: integer
                                label: { fr: "N", nl: "N", en: "N" }
                                constraints:
                                  - expression: "n > 0"
                                    message: { fr: "Positif", nl: "Positief" }
                        """, 1, 12, 22, "'message' has no en text", "add 'en: ...'"),
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
                new Case("a misspelt list", ProblemCode.UNKNOWN_LIST, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: multi-choice
                                list: answer
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 9, 15, "unknown option list 'answer'", "did you mean 'answers'? known lists: answers"),
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
                        """, 1, 8, 15, "unknown item type 'txt'", "did you mean 'text'? known types: choice, computed, date,"
                                + " decimal, integer, money, multi-choice, note, repeat, scale, text, yes-no"),
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
                        """, 1, 8, 15, "unknown item type 'scael'", "did you mean 'scale'? known types: choice,"),
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
                        """, 1, 6, 12, "'items' is empty", "add at least one entry"),
                new Case("a list without options", ProblemCode.EMPTY_LIST, """
                        list: empty
                        title: { fr: "L", nl: "L", en: "L" }
                        options: []
                        """, 1, 3, 10, "'options' is empty", "add at least one entry"),
                new Case("an integer min above its max", ProblemCode.INVALID_CONSTRAINT, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: n
                                type: integer
                                min: 10
                                max: 5
                                label: { fr: "N", nl: "N", en: "N" }
                        """, 1, 10, 14, "max 5 is below min 10", "swap them"),
                new Case("an integer bound with decimals", ProblemCode.INVALID_CONSTRAINT, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: n
                                type: integer
                                min: 0.5
                                label: { fr: "N", nl: "N", en: "N" }
                        """, 1, 9, 14, "'min' must be a whole number", "e.g. 'min: 0'"),
                new Case("a money bound that is not a number", ProblemCode.INVALID_CONSTRAINT, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: m
                                type: money
                                max: lots
                                label: { fr: "M", nl: "M", en: "M" }
                        """, 1, 9, 14, "'max' must be a number", "e.g. 'max: 0'"),
                new Case("a date bound that is not a date", ProblemCode.INVALID_CONSTRAINT, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: d
                                type: date
                                max: tomorrow
                                label: { fr: "D", nl: "D", en: "D" }
                        """, 1, 9, 14, "'tomorrow' is not a date", "write an ISO date such as 2020-01-31, or 'today'"),
                new Case("a date max before its min", ProblemCode.INVALID_CONSTRAINT, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: d
                                type: date
                                min: 2020-02-01
                                max: 2020-01-31
                                label: { fr: "D", nl: "D", en: "D" }
                        """, 1, 10, 14, "max is before min", "swap them"),
                new Case("a pattern that is no regular expression", ProblemCode.INVALID_CONSTRAINT, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: text
                                pattern: "[0-9"
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 9, 18, "pattern is not a valid regular expression: Unclosed character class", "e.g. '"),
                new Case("a max-length above the limit", ProblemCode.INVALID_CONSTRAINT, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: text
                                max-length: 5000
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 9, 21, "max-length 5000 is above the limit of 4000", ""),
                new Case("a repeat min above its max", ProblemCode.INVALID_CONSTRAINT, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: household
                                type: repeat
                                min: 3
                                max: 2
                                label: { fr: "F", nl: "G", en: "H" }
                                items:
                                  - id: name
                                    type: text
                                    label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 9, 14, "min 3 is above max 2", "swap them"),
                new Case("a repeat inside a repeat", ProblemCode.INVALID_CONSTRAINT, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: household
                                type: repeat
                                label: { fr: "F", nl: "G", en: "H" }
                                items:
                                  - id: children
                                    type: repeat
                                    label: { fr: "E", nl: "K", en: "C" }
                                    items:
                                      - id: name
                                        type: text
                                        label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 7, 9, "repeat 'children' inside repeat 'household'", "repeats cannot be nested"),
                new Case("a visible-when cut short", ProblemCode.EXPRESSION_SYNTAX, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: text
                                label: { fr: "Q", nl: "Q", en: "Q" }
                              - id: r
                                type: text
                                visible-when: "q == 'x' &&"
                                label: { fr: "R", nl: "R", en: "R" }
                        """, 1, 12, 35, "expression \"q == 'x' &&\": mismatched input '<EOF>' expecting",
                        "check brackets, quotes ('text') and operators (==, &&, ||)"),
                new Case("an unquoted expression with a missing bracket", ProblemCode.EXPRESSION_SYNTAX, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: n
                                type: integer
                                label: { fr: "N", nl: "N", en: "N" }
                              - id: r
                                type: text
                                required-when: (n == 3
                                label: { fr: "R", nl: "R", en: "R" }
                        """, 1, 12, 31, "expression \"(n == 3\": missing ')' at '<EOF>'", "check brackets"),
                new Case("a visible-when that gives a number", ProblemCode.EXPRESSION_TYPE, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: n
                                type: integer
                                label: { fr: "N", nl: "N", en: "N" }
                              - id: r
                                type: text
                                visible-when: "n + 1"
                                label: { fr: "R", nl: "R", en: "R" }
                        """, 1, 12, 24, "the expression must give true or false, not a whole number",
                        "compare values, e.g."),
                new Case("an expression naming an unknown item", ProblemCode.EXPRESSION_TYPE, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: track
                                type: text
                                label: { fr: "Q", nl: "Q", en: "Q" }
                              - id: r
                                type: text
                                required-when: "track != '' && trak == 'x'"
                                label: { fr: "R", nl: "R", en: "R" }
                        """, 1, 12, 40, "expression \"track != '' && trak == 'x'\": undeclared reference to 'trak'",
                        "names are item ids; convert numbers with double(...) or int(...)"),
                new Case("a constraint comparing a number with a text", ProblemCode.EXPRESSION_TYPE, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: n
                                type: decimal
                                label: { fr: "N", nl: "N", en: "N" }
                                constraints:
                                  - expression: "n > '3'"
                                    message: { fr: "M", nl: "M", en: "M" }
                        """, 1, 11, 28, "found no matching overload for '_>_' applied to '(double, string)'", "convert numbers with double(...)"),
                new Case("a computed value that gives rows", ProblemCode.EXPRESSION_TYPE, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: household
                                type: repeat
                                label: { fr: "F", nl: "G", en: "H" }
                                items:
                                  - id: name
                                    type: text
                                    label: { fr: "Q", nl: "Q", en: "Q" }
                              - id: copy
                                type: computed
                                expression: "household"
                                label: { fr: "C", nl: "C", en: "C" }
                        """, 1, 16, 22, "a computed value must give a number, a text, yes/no, a date or a list of codes",
                        "wrap the result"),
                new Case("a computed value using itself", ProblemCode.COMPUTED_CYCLE, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: total
                                type: computed
                                expression: "total + 1.0"
                                label: { fr: "C", nl: "C", en: "C" }
                        """, 1, 9, 22, "computed value 'total' depends on itself: total -> total",
                        "break the cycle: one of these values must not use the others"),
                new Case("'required' and 'required-when' together", ProblemCode.CONFLICTING_KEYS, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: yes-no
                                label: { fr: "Q", nl: "Q", en: "Q" }
                              - id: r
                                type: text
                                required: true
                                required-when: "q"
                                label: { fr: "R", nl: "R", en: "R" }
                        """, 1, 13, 9, "'required: true' and 'required-when' together",
                        "keep one: always required, or required when..."),
                new Case("both options and a list", ProblemCode.CONFLICTING_KEYS, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: choice
                                options:
                                  - code: a
                                    label: { fr: "A", nl: "A", en: "A" }
                                list: answers
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 12, 9, "both 'options' and 'list'", "give the options inline or name a shared list, not both"),
                new Case("a pattern message without pattern", ProblemCode.CONFLICTING_KEYS, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: q
                                type: text
                                pattern-message: { fr: "M", nl: "M", en: "M" }
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 9, 9, "'pattern-message' without 'pattern'", "add the pattern or remove the message"),
                new Case("a binding to a role that does not exist", ProblemCode.UNKNOWN_ROLE, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        bindings:
                          contract.stat: start
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: start
                                type: date
                                label: { fr: "D", nl: "D", en: "D" }
                        """, 1, 4, 3, "unknown role 'contract.stat'", "did you mean 'contract.start'?"),
                new Case("a binding to an item the form does not have", ProblemCode.UNKNOWN_ITEM, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        bindings:
                          aid.schemes: schemes
                          aid.scheme: schme
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: schemes
                                type: repeat
                                label: { fr: "R", nl: "R", en: "R" }
                                items:
                                  - id: scheme
                                    type: choice
                                    label: { fr: "C", nl: "C", en: "C" }
                                    options:
                                      - code: a
                                        label: { fr: "A", nl: "A", en: "A" }
                        """, 1, 5, 15, "role 'aid.scheme' is bound to 'schme', which is no item of this form", "did you mean 'scheme'?"),
                new Case("a binding to an item of the wrong type", ProblemCode.BINDING_TYPE, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        bindings:
                          aid.schemes: schemes
                          aid.scheme: motivation
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: schemes
                                type: repeat
                                label: { fr: "R", nl: "R", en: "R" }
                                items:
                                  - id: motivation
                                    type: text
                                    label: { fr: "M", nl: "M", en: "M" }
                        """, 1, 5, 15, "role 'aid.scheme' needs a choice (one option) item; 'motivation' is a text item",
                        "bind it to a choice (one option) item"),
                new Case("a binding of a row role to an item outside the repeat", ProblemCode.BINDING_REPEAT, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        bindings:
                          aid.schemes: schemes
                          aid.scheme: kind
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: kind
                                type: choice
                                label: { fr: "C", nl: "C", en: "C" }
                                options:
                                  - code: a
                                    label: { fr: "A", nl: "A", en: "A" }
                              - id: schemes
                                type: repeat
                                label: { fr: "R", nl: "R", en: "R" }
                                items:
                                  - id: motivation
                                    type: text
                                    label: { fr: "M", nl: "M", en: "M" }
                        """, 1, 5, 15, "role 'aid.scheme' needs an item inside the repeat bound to 'aid.schemes' ('schemes'); 'kind' is outside repeats",
                        "bind it to an item of that repeat's rows"),
                new Case("privacy: a data category outside the closed list", ProblemCode.UNKNOWN_CATEGORY, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            privacy:
                              categories: [medical]
                            items:
                              - id: q
                                type: text
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 7, 20, "unknown data category 'medical'", "categories: identity, contact"),
                new Case("privacy: a legal basis outside the closed list", ProblemCode.UNKNOWN_LEGAL_BASIS, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            privacy:
                              legal-basis: necessity
                            items:
                              - id: q
                                type: text
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 7, 20, "unknown legal basis 'necessity'", "legal bases: consent"),
                new Case("privacy: a retention counted from an unknown event", ProblemCode.UNKNOWN_EVENT, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            privacy:
                              retention: { keep: P5Y, after: closure, then: erase }
                            items:
                              - id: q
                                type: text
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 7, 38, "unknown event 'closure'", "events: file-closed, last-submission, contract-ended"),
                new Case("privacy: a malformed retention period", ProblemCode.INVALID_PERIOD, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            privacy:
                              retention: { keep: 5Y, after: file-closed, then: erase }
                            items:
                              - id: q
                                type: text
                                label: { fr: "Q", nl: "Q", en: "Q" }
                        """, 1, 7, 26, "'5Y' is neither an ISO-8601 period nor a policy value", "write a period such as P5Y"),
                new Case("a group of roles bound without one it needs", ProblemCode.MISSING_BINDING, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        bindings:
                          aid.schemes: schemes
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: schemes
                                type: repeat
                                label: { fr: "R", nl: "R", en: "R" }
                                items:
                                  - id: motivation
                                    type: text
                                    label: { fr: "M", nl: "M", en: "M" }
                        """, 1, 3, 1, "the form binds roles of 'aid' but not 'aid.scheme'", "add 'aid.scheme: <item id>' under 'bindings:'"),
                new Case("a former id still in use", ProblemCode.RENAME_CONFLICT, """
                        form: f
                        title: { fr: "T", nl: "T", en: "T" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            items:
                              - id: hygien
                                type: scale
                                scale: imasp-abc
                                was: hygiene
                                label: { fr: "H", nl: "H", en: "H" }
                              - id: hygiene
                                type: scale
                                scale: imasp-abc
                                label: { fr: "H", nl: "H", en: "H" }
                        """, 1, 10, 14, "'hygiene' is still an id of this form; item 'hygien' cannot say it was it",
                        "a former id must no longer be in use"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsEachProblemWithItsPositionAndAHelpfulHint(Case c) {
        List<FormProblem> problems = problems(new FormSource(SCALE_SOURCE, SCALE), new FormSource(LIST_SOURCE, LIST),
                new FormSource(TEST_SOURCE, c.yaml()));

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

        // ENCODING is found in a file's bytes, before any YAML: aFileThatIsNotUtf8IsReportedAtItsFirstBadByte;
        // the programme-only codes come from the programme reader (ProgrammeReaderTests); unknown-item
        // is also a form's (a binding naming no item), so the table covers it
        // orphaned-answers comes from the catalog, which counts stored answers (MeasurementRenameCatalogTests)
        assertThat(covered).containsExactlyInAnyOrder(EnumSet.complementOf(EnumSet.of(ProblemCode.ENCODING, ProblemCode.ORPHANED_ANSWERS,
                ProblemCode.UNKNOWN_FORM,
                ProblemCode.UNKNOWN_POLICY_VALUE, ProblemCode.UNKNOWN_RULE, ProblemCode.UNKNOWN_STATE))
                .toArray(ProblemCode[]::new));
    }

    @Test
    void aFileThatIsNotUtf8IsReportedAtItsFirstBadByte() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("form: f\ntitle: { fr: \"Été caf".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.write(0xE9); // 'é' saved as Latin-1
        bytes.writeBytes("\" }\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        FormDefinitionException e = org.assertj.core.api.Assertions.catchThrowableOfType(FormDefinitionException.class,
                () -> FormSource.decode("latin1.yaml", bytes.toByteArray()));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.ENCODING);
            assertThat(p.code().code()).isEqualTo("encoding");
            assertThat(p.at()).isEqualTo(new SourcePosition("latin1.yaml", 2, "title: { fr: \"Été caf".length() + 1));
            assertThat(p.message()).contains("not valid UTF-8", "0xE9");
            assertThat(p.hint()).contains("UTF-8");
        });
        assertThat(FormSource.decode("ok.yaml", "form: é".getBytes(java.nio.charset.StandardCharsets.UTF_8)).text()).isEqualTo("form: é");
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
        assertThat(ProblemCode.COMPUTED_CYCLE.code()).isEqualTo("computed-cycle");
        assertThat(ProblemCode.CONFLICTING_KEYS.code()).isEqualTo("conflicting-keys");
    }

    // ---- 2. expressions ------------------------------------------------------------------------

    @Test
    void aComputedCycleIsReportedOnEveryComputedValueInIt() {
        List<FormProblem> problems = problems(new FormSource(TEST_SOURCE, """
                form: f
                title: { fr: "T", nl: "T", en: "T" }
                sections:
                  - id: s
                    title: { fr: "S", nl: "S", en: "S" }
                    items:
                      - id: n
                        type: decimal
                        label: { fr: "N", nl: "N", en: "N" }
                      - id: a
                        type: computed
                        expression: "b + n"
                        label: { fr: "A", nl: "A", en: "A" }
                      - id: b
                        type: computed
                        expression: a * 2.0
                        label: { fr: "B", nl: "B", en: "B" }
                """));

        assertThat(problems).extracting(FormProblem::code, p -> p.at().toString(), FormProblem::message).containsExactly(
                tuple(ProblemCode.COMPUTED_CYCLE, "test.yaml:12:22", "computed value 'a' depends on itself: a -> b -> a"),
                tuple(ProblemCode.COMPUTED_CYCLE, "test.yaml:16:21", "computed value 'b' depends on itself: a -> b -> a"));
    }

    @Test
    void aVisibleWhenThatGivesANumberIsATypeProblemAtTheExpression() {
        List<FormProblem> problems = problems(new FormSource(TEST_SOURCE, """
                form: f
                title: { fr: "T", nl: "T", en: "T" }
                sections:
                  - id: s
                    title: { fr: "S", nl: "S", en: "S" }
                    visible-when: "amount * 2.0"
                    items:
                      - id: amount
                        type: money
                        label: { fr: "M", nl: "M", en: "M" }
                """));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p).hasToString("test.yaml:6:20: [expression-type] the expression must give true or false, not a number"
                    + " (compare values, e.g. \"track == 'social-only'\" or \"amount > 0.0\")");
        });
    }

    @Test
    void expressionProblemsArePositionedInsideTheExpression() {
        // single-quoted, double-quoted and plain: the column of the offending name counts from the expression's text
        List<FormProblem> problems = problems(new FormSource(TEST_SOURCE, """
                form: f
                title: { fr: "T", nl: "T", en: "T" }
                sections:
                  - id: s
                    title: { fr: "S", nl: "S", en: "S" }
                    items:
                      - id: a
                        type: text
                        visible-when: 'a == "x" || nope'
                        required-when: "a == 'x' || nope"
                        label: { fr: "A", nl: "A", en: "A" }
                      - id: b
                        type: text
                        visible-when: a == 'x' || nope
                        label: { fr: "B", nl: "B", en: "B" }
                """));

        assertThat(problems).extracting(FormProblem::code, p -> p.at().toString()).containsExactly(
                tuple(ProblemCode.EXPRESSION_TYPE, "test.yaml:9:36"),
                tuple(ProblemCode.EXPRESSION_TYPE, "test.yaml:10:37"),
                tuple(ProblemCode.EXPRESSION_TYPE, "test.yaml:14:35"));
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).contains("undeclared reference to 'nope'"));
    }

    @Test
    void anExpressionWrittenAsALiteralBlockIsPositionedOnTheLinesOfTheBlock() {
        List<FormProblem> problems = problems(new FormSource(TEST_SOURCE, """
                form: f
                title: { fr: "T", nl: "T", en: "T" }
                sections:
                  - id: s
                    title: { fr: "S", nl: "S", en: "S" }
                    items:
                      - id: n
                        type: integer
                        label: { fr: "N", nl: "N", en: "N" }
                      - id: total
                        type: computed
                        expression: |
                          oops +
                            n * nope
                        label: { fr: "T", nl: "T", en: "T" }
                """));

        // 'oops' on the first line of the block, 'nope' on the second, each at its own column
        assertThat(problems).extracting(FormProblem::code, p -> p.at().toString()).containsExactly(
                tuple(ProblemCode.EXPRESSION_TYPE, "test.yaml:13:11"),
                tuple(ProblemCode.EXPRESSION_TYPE, "test.yaml:14:17"));
        assertThat(problems.get(0).message()).contains("undeclared reference to 'oops'");
        assertThat(problems.get(1).message()).contains("undeclared reference to 'nope'");
    }

    @Test
    void expressionsInsideARepeatSeeTheRowItemsAndTheFormItems() {
        FormBundle bundle = new FormReader().read(List.of(new FormSource(TEST_SOURCE, """
                form: f
                title: { fr: "T", nl: "T", en: "T" }
                sections:
                  - id: s
                    title: { fr: "S", nl: "S", en: "S" }
                    items:
                      - id: rate
                        type: decimal
                        label: { fr: "R", nl: "R", en: "R" }
                      - id: household
                        type: repeat
                        label: { fr: "F", nl: "G", en: "H" }
                        items:
                          - id: income
                            type: money
                            label: { fr: "I", nl: "I", en: "I" }
                          - id: share
                            type: computed
                            expression: "income * rate"
                            label: { fr: "P", nl: "P", en: "P" }
                      - id: members
                        type: computed
                        expression: "size(household)"
                        label: { fr: "M", nl: "M", en: "M" }
                """)));

        FormDefinition form = bundle.forms().get("f");
        ComputedItem share = (ComputedItem) form.item("share").orElseThrow();
        ComputedItem members = (ComputedItem) form.item("members").orElseThrow();
        assertThat(form.expressions().references(share.expression())).containsExactlyInAnyOrder("income", "rate");
        assertThat(form.expressions().computedType("share")).isEqualTo(ValueType.DECIMAL);
        assertThat(form.expressions().computedType("members")).isEqualTo(ValueType.INTEGER);
        assertThat(form.expressions().references(members.expression())).containsExactly("household");
        assertThat(form.items()).extracting(Item::id).containsExactly("rate", "household", "members");
        assertThat(form.allItems()).extracting(Item::id).containsExactly("rate", "household", "income", "share", "members");
    }

    // ---- 3. all problems at once --------------------------------------------------------------

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

    @Test
    void expressionProblemsAreReportedTogetherWithTheOtherProblemsOfTheForm() {
        List<FormProblem> problems = problems(new FormSource(TEST_SOURCE, """
                form: f
                title: { fr: "T", nl: "T", en: "T" }
                sections:
                  - id: s
                    title: { fr: "S", nl: "S" }
                    items:
                      - id: n
                        type: integer
                        min: 5
                        max: 1
                        label: { fr: "N", nl: "N", en: "N" }
                      - id: r
                        type: text
                        visible-when: "n > 1 &&"
                        label: { fr: "R", nl: "R", en: "R" }
                """));

        assertThat(problems).extracting(FormProblem::code, p -> p.at().line())
                .containsExactly(
                        tuple(ProblemCode.MISSING_TRANSLATION, 5),
                        tuple(ProblemCode.INVALID_CONSTRAINT, 10),
                        tuple(ProblemCode.EXPRESSION_SYNTAX, 14));
    }

    // ---- 4. valid sources ---------------------------------------------------------------------

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
        assertThat(bundle.lists()).isEmpty();
        assertThat(bundle.policy()).isEmpty();
        assertThat(bundle.sharedSources()).containsExactlyEntriesOf(Map.of("scale:traffic", "scales/traffic.yaml"));
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
        assertThat(form.description()).isEmpty();
        assertThat(form.sections()).singleElement().satisfies(section -> {
            assertThat(section.id()).isEqualTo("housing");
            assertThat(section.title()).isEqualTo(LocalizedText.of("Logement", "Wonen", "Housing"));
            assertThat(section.description()).isEmpty();
            assertThat(section.visibleWhen()).isEmpty();
            assertThat(section.items()).extracting(Item::id).containsExactly("homeless", "comment", "note");
        });

        assertThat(form.item("homeless")).get().isEqualTo(
                new ScaleItem("homeless", LocalizedText.of("Sans-abri", "Dakloos", "Homeless"), ItemRules.NONE, traffic));
        ScaleItem homeless = (ScaleItem) form.item("homeless").orElseThrow();
        assertThat(homeless.scale()).isSameAs(traffic);
        assertThat(AnswerCodec.formatIssue("homeless", homeless, "B")).isEmpty();
        assertThat(AnswerCodec.formatIssue("homeless", homeless, "?")).isEmpty();
        assertThat(AnswerCodec.formatIssue("homeless", homeless, "")).isEmpty();
        assertThat(AnswerCodec.formatIssue("homeless", homeless, "D")).get()
                .extracting(Issue::kind, Issue::arguments).containsExactly(Issue.Kind.NOT_AN_OPTION, List.of("D"));

        assertThat(form.item("comment")).get().isEqualTo(new TextItem("comment",
                LocalizedText.of("Commentaire", "Opmerking", "Comment"), ItemRules.NONE, true, 500, Optional.empty(),
                Optional.empty()));
        assertThat(form.item("note")).get().isEqualTo(new TextItem("note", LocalizedText.of("Note", "Nota", "Note"),
                ItemRules.NONE, false, TextItem.DEFAULT_MAX_LENGTH, Optional.empty(), Optional.empty()));
        TextItem comment = (TextItem) form.item("comment").orElseThrow();
        assertThat(AnswerCodec.formatIssue("comment", comment, "x".repeat(500))).isEmpty();
        assertThat(AnswerCodec.formatIssue("comment", comment, "x".repeat(501))).get()
                .extracting(Issue::kind, Issue::arguments).containsExactly(Issue.Kind.TOO_LONG, List.of("500"));
        assertThat(form.item("missing")).isEmpty();
    }

    @Test
    void readsEveryItemTypeIntoItsRecord() {
        String source = "all.yaml";
        FormBundle bundle = new FormReader().read(List.of(
                new FormSource(SCALE_SOURCE, SCALE),
                new FormSource(LIST_SOURCE, LIST),
                new FormSource(source, """
                        form: all
                        title: { fr: "Tout", nl: "Alles", en: "All" }
                        description: { fr: "D", nl: "D", en: "D" }
                        sections:
                          - id: s
                            title: { fr: "S", nl: "S", en: "S" }
                            description: { fr: "SD", nl: "SD", en: "SD" }
                            visible-when: "size(household) >= 0"
                            items:
                              - id: track
                                type: choice
                                default: b
                                label: { fr: "Voie", nl: "Spoor", en: "Track" }
                                options:
                                  - code: a
                                    label: { fr: "A", nl: "A", en: "A" }
                                  - code: b
                                    label: { fr: "B", nl: "B", en: "B" }
                              - id: answer
                                type: choice
                                list: answers
                                required: true
                                label: { fr: "Réponse", nl: "Antwoord", en: "Answer" }
                              - id: schemes
                                type: multi-choice
                                list: answers
                                help: { fr: "Aide", nl: "Hulp", en: "Help" }
                                label: { fr: "Dispositifs", nl: "Regelingen", en: "Schemes" }
                              - id: niss
                                type: text
                                max-length: 15
                                pattern: '[0-9]{11}'
                                pattern-message: { fr: "11 chiffres", nl: "11 cijfers", en: "11 digits" }
                                sensitive: [ADMIN, WORKER]
                                prefill: last-evaluation
                                label: { fr: "NISS", nl: "INSZ", en: "SSN" }
                              - id: children
                                type: integer
                                min: 0
                                max: 20
                                default: 0
                                label: { fr: "Enfants", nl: "Kinderen", en: "Children" }
                              - id: ratio
                                type: decimal
                                min: -1.5
                                max: 2.25
                                label: { fr: "Ratio", nl: "Ratio", en: "Ratio" }
                              - id: rent
                                type: money
                                min: 0
                                max: 5000.00
                                visible-when: "track == 'a'"
                                required-when: "answer == 'yes'"
                                constraints:
                                  - expression: "rent < 4000.0"
                                    message: { fr: "Trop", nl: "Te veel", en: "Too much" }
                                label: { fr: "Loyer", nl: "Huur", en: "Rent" }
                              - id: start
                                type: date
                                min: 2020-01-31
                                max: today
                                label: { fr: "Début", nl: "Begin", en: "Start" }
                              - id: end
                                type: date
                                min: today
                                label: { fr: "Fin", nl: "Einde", en: "End" }
                              - id: consent
                                type: yes-no
                                label: { fr: "Accord", nl: "Akkoord", en: "Consent" }
                              - id: intro
                                type: note
                                text: { fr: "**Lire**", nl: "**Lezen**", en: "**Read**" }
                              - id: household
                                type: repeat
                                min: 1
                                max: 8
                                label: { fr: "Foyer", nl: "Gezin", en: "Household" }
                                items:
                                  - id: name
                                    type: text
                                    label: { fr: "Nom", nl: "Naam", en: "Name" }
                              - id: per_person
                                type: computed
                                expression: "rent / double(size(household) + children)"
                                label: { fr: "Par personne", nl: "Per persoon", en: "Per person" }
                              - id: greeting
                                type: computed
                                expression: "'Dossier ' + niss"
                                label: { fr: "Titre", nl: "Titel", en: "Title" }
                        """)));

        FormDefinition form = bundle.forms().get("all");
        OptionList answers = bundle.lists().get("answers");
        assertThat(bundle.lists()).containsOnlyKeys("answers");
        assertThat(bundle.sharedSources()).containsOnly(
                Map.entry("scale:imasp-abc", SCALE_SOURCE), Map.entry("list:answers", LIST_SOURCE));
        assertThat(answers).isEqualTo(new OptionList("answers", LocalizedText.of("Réponses", "Antwoorden", "Answers"), List.of(
                new Option("yes", LocalizedText.of("Oui", "Ja", "Yes")),
                new Option("no", LocalizedText.of("Non", "Nee", "No")))));
        assertThat(form.description()).contains(LocalizedText.of("D", "D", "D"));
        Section section = form.sections().getFirst();
        assertThat(section.description()).contains(LocalizedText.of("SD", "SD", "SD"));
        assertThat(section.visibleWhen()).contains(new Expression("size(household) >= 0", new SourcePosition(source, 8, 20)));
        assertThat(form.items()).extracting(Item::id).containsExactly("track", "answer", "schemes", "niss", "children",
                "ratio", "rent", "start", "end", "consent", "intro", "household", "per_person", "greeting");

        assertThat(form.item("track")).contains(new ChoiceItem("track", LocalizedText.of("Voie", "Spoor", "Track"),
                rules(r -> r.defaultValue = Optional.of("b")),
                new OptionList("track", LocalizedText.of("Voie", "Spoor", "Track"), List.of(
                        new Option("a", LocalizedText.of("A", "A", "A")), new Option("b", LocalizedText.of("B", "B", "B")))),
                false));
        assertThat(form.item("answer")).contains(new ChoiceItem("answer", LocalizedText.of("Réponse", "Antwoord", "Answer"),
                rules(r -> r.required = true), answers, false));
        assertThat(((ChoiceItem) form.item("answer").orElseThrow()).options()).isSameAs(answers);
        assertThat(form.item("schemes")).contains(new ChoiceItem("schemes",
                LocalizedText.of("Dispositifs", "Regelingen", "Schemes"),
                rules(r -> r.help = Optional.of(LocalizedText.of("Aide", "Hulp", "Help"))), answers, true));
        assertThat(form.item("schemes").orElseThrow().valueType()).isEqualTo(ValueType.TEXT_LIST);

        // a Pattern has no equals: compare the record without it, then the regex
        TextItem niss = (TextItem) form.item("niss").orElseThrow();
        assertThat(new TextItem(niss.id(), niss.label(), niss.rules(), niss.multiline(), niss.maxLength(), Optional.empty(),
                niss.patternMessage())).isEqualTo(new TextItem("niss", LocalizedText.of("NISS", "INSZ", "SSN"),
                rules(r -> {
                    r.sensitiveTo = Set.of("ADMIN", "WORKER");
                    r.prefill = true;
                }), false, 15, Optional.empty(), Optional.of(LocalizedText.of("11 chiffres", "11 cijfers", "11 digits"))));
        assertThat(niss.pattern()).get().extracting(java.util.regex.Pattern::pattern).isEqualTo("[0-9]{11}");
        assertThat(niss.rules().sensitive()).isTrue();
        assertThat(niss.rules().visibleToRoles(Set.of("WORKER"))).isTrue();
        assertThat(niss.rules().visibleToRoles(Set.of("COMMITTEE"))).isFalse();

        assertThat(form.item("children")).contains(new NumberItem("children", LocalizedText.of("Enfants", "Kinderen", "Children"),
                rules(r -> r.defaultValue = Optional.of("0")), NumberItem.Kind.INTEGER,
                Optional.of(BigDecimal.ZERO), Optional.of(new BigDecimal("20"))));
        assertThat(form.item("ratio")).contains(new NumberItem("ratio", LocalizedText.of("Ratio", "Ratio", "Ratio"),
                ItemRules.NONE, NumberItem.Kind.DECIMAL, Optional.of(new BigDecimal("-1.5")), Optional.of(new BigDecimal("2.25"))));
        assertThat(form.item("rent")).contains(new NumberItem("rent", LocalizedText.of("Loyer", "Huur", "Rent"),
                rules(r -> {
                    r.visibleWhen = Optional.of(new Expression("track == 'a'", new SourcePosition(source, 52, 24)));
                    r.requiredWhen = Optional.of(new Expression("answer == 'yes'", new SourcePosition(source, 53, 25)));
                    r.constraints = List.of(new Constraint(new Expression("rent < 4000.0", new SourcePosition(source, 55, 26)),
                            LocalizedText.of("Trop", "Te veel", "Too much")));
                }), NumberItem.Kind.MONEY, Optional.of(BigDecimal.ZERO), Optional.of(new BigDecimal("5000.00"))));
        assertThat(form.item("rent").orElseThrow().valueType()).isEqualTo(ValueType.DECIMAL);

        assertThat(form.item("start")).contains(new DateItem("start", LocalizedText.of("Début", "Begin", "Start"), ItemRules.NONE,
                Optional.of(new DateBound(Optional.of(LocalDate.of(2020, 1, 31)))), Optional.of(DateBound.TODAY)));
        assertThat(form.item("end")).contains(new DateItem("end", LocalizedText.of("Fin", "Einde", "End"), ItemRules.NONE,
                Optional.of(DateBound.TODAY), Optional.empty()));
        assertThat(DateBound.TODAY.resolve(LocalDate.of(2025, 6, 1))).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(form.item("consent")).contains(new YesNoItem("consent", LocalizedText.of("Accord", "Akkoord", "Consent"),
                ItemRules.NONE));
        assertThat(form.item("intro")).contains(new NoteItem("intro", LocalizedText.of("**Lire**", "**Lezen**", "**Read**"),
                ItemRules.NONE));
        assertThat(form.item("household")).contains(new RepeatItem("household", LocalizedText.of("Foyer", "Gezin", "Household"),
                ItemRules.NONE, List.of(new TextItem("name", LocalizedText.of("Nom", "Naam", "Name"), ItemRules.NONE, false,
                TextItem.DEFAULT_MAX_LENGTH, Optional.empty(), Optional.empty())), 1, 8));
        assertThat(form.item("name")).as("an item of a repeat").isPresent();

        Expression perPerson = new Expression("rent / double(size(household) + children)", new SourcePosition(source, 84, 22));
        assertThat(form.item("per_person")).contains(new ComputedItem("per_person",
                LocalizedText.of("Par personne", "Per persoon", "Per person"), ItemRules.NONE, perPerson));
        assertThat(form.expressions().computedType("per_person")).isEqualTo(ValueType.DECIMAL);
        assertThat(form.expressions().computedType("greeting")).isEqualTo(ValueType.TEXT);
        assertThat(form.expressions().references(perPerson)).containsExactlyInAnyOrder("rent", "household", "children");
        assertThat(form.expressions().resultType(section.visibleWhen().orElseThrow())).isEqualTo(ValueType.BOOLEAN);
        assertThat(form.expressions().evaluate(perPerson, Map.of("rent", 900.0, "household", List.of(Map.of(), Map.of()),
                "children", 1L, "track", "", "answer", "", "schemes", List.of(), "niss", "", "ratio", 0.0)))
                .contains(300.0);
        assertThatThrownBy(() -> form.expressions().computedType("rent")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsThePolicyWithItsPeriodsAndNumbers() {
        FormBundle bundle = new FormReader().read(List.of(new FormSource("policy.yaml", """
                policy: parcours
                values:
                  imasp:
                    first_evaluation_after: P3M
                    social_only_age: 60
                  decisions:
                    contest_within: P2M
                    office: "Orléans"
                """)));

        Policy policy = bundle.policy().orElseThrow();
        assertThat(policy.id()).isEqualTo("parcours");
        assertThat(policy.values()).containsOnly(
                Map.entry("imasp.first_evaluation_after", "P3M"),
                Map.entry("imasp.social_only_age", "60"),
                Map.entry("decisions.contest_within", "P2M"),
                Map.entry("decisions.office", "Orléans"));
        assertThat(policy.period("imasp.first_evaluation_after")).isEqualTo(Period.ofMonths(3));
        assertThat(policy.period("decisions.contest_within")).isEqualTo(Period.ofMonths(2));
        assertThat(policy.integer("imasp.social_only_age")).isEqualTo(60);
        assertThat(policy.text("decisions.office")).contains("Orléans");
        assertThat(policy.text("imasp")).as("a group is no value").isEmpty();
        assertThatThrownBy(() -> policy.period("imasp.social_only_age")).isInstanceOf(Policy.PolicyException.class)
                .hasMessage("policy value 'imasp.social_only_age' = '60' is not an ISO period such as P3M");
        assertThatThrownBy(() -> policy.integer("decisions.office")).isInstanceOf(Policy.PolicyException.class)
                .hasMessage("policy value 'decisions.office' = 'Orléans' is not a whole number");
        assertThatThrownBy(() -> policy.integer("imasp.retirement_age")).isInstanceOf(Policy.PolicyException.class)
                .hasMessage("policy value 'imasp.retirement_age' is missing in parcours");
    }

    @Test
    void aMalformedPolicyPeriodIsReportedAtItsValue() {
        List<FormProblem> problems = problems(new FormSource("policy.yaml", """
                policy: parcours
                values:
                  imasp:
                    first_evaluation_after: P3 months
                    social_only_age: 60
                """));

        assertThat(problems).singleElement().satisfies(p -> assertThat(p).hasToString(
                "policy.yaml:4:29: [wrong-type] 'P3 months' is not an ISO-8601 period"
                        + " (write periods like P3M (3 months), P3Y (3 years), P2W (2 weeks))"));
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

    // ---- 5. the shipped forms/ ----------------------------------------------------------------

    @Test
    void readsTheShippedForms() throws IOException {
        List<FormSource> sources = shippedSources();
        assertThat(sources).extracting(FormSource::name).contains("imasp.yaml", "casu.yaml", "masp-contract.yaml",
                "policy.yaml", "scales/imasp-abc.yaml", "lists/relationships.yaml", "lists/aid-schemes.yaml");

        FormBundle bundle = new FormReader().read(sources);

        // a programme added as files only brings its form: the shipped ones are there, others may be
        assertThat(bundle.forms()).containsKeys("imasp", "casu", "masp-contract", "support-plan", "housing-support", "crisis-intake");
        assertThat(bundle.lists()).isNotEmpty();
        bundle.lists().forEach((id, list) -> {
            assertThat(bundle.sharedSources()).containsEntry("list:" + id, "lists/" + id + ".yaml");
            assertThat(list.options()).as("options of list %s", id).isNotEmpty();
        });
        assertThat(bundle.sharedSources()).containsEntry("scale:imasp-abc", "scales/imasp-abc.yaml");

        FormDefinition imasp = bundle.forms().get("imasp");
        assertThat(imasp.sections()).hasSize(13);
        List<Section> factors = imasp.sections().subList(0, 5);
        assertThat(factors).extracting(Section::id).containsExactly("medical", "housing", "family", "societal", "other");
        assertThat(imasp.sections()).allSatisfy(section -> assertThat(section.items()).isNotEmpty());
        assertThat(factors).allSatisfy(section -> assertThat(section.items())
                .as("scale items of section %s", section.id()).anyMatch(ScaleItem.class::isInstance));

        Scale abc = bundle.scales().get("imasp-abc");
        List<ScaleItem> factorItems = factors.stream().flatMap(s -> s.items().stream())
                .filter(ScaleItem.class::isInstance).map(ScaleItem.class::cast).toList();
        assertThat(factorItems).hasSize(16).allSatisfy(item -> assertThat(item.scale()).as("scale of %s", item.id()).isSameAs(abc));
        // every scale item of the IMASP uses its scale (another programme's form may bring its own)
        List<ScaleItem> allScaleItems = imasp.allItems().filter(ScaleItem.class::isInstance).map(ScaleItem.class::cast).toList();
        assertThat(allScaleItems).extracting(item -> item.scale().id()).containsOnly("imasp-abc");
        assertThat(abc.values()).extracting(ScaleValue::code).containsExactly("A", "B", "C", "NVT", "?");
        assertThat(abc.values()).extracting(ScaleValue::colour)
                .containsExactly(Colour.GREEN, Colour.AMBER, Colour.RED, Colour.NEUTRAL, Colour.NEUTRAL);
        assertThat(abc.values()).extracting(ScaleValue::problem).containsExactly(false, true, true, false, false);
        assertThat(imasp.item("comment")).get().isInstanceOfSatisfying(TextItem.class, comment -> {
            assertThat(comment.multiline()).isTrue();
            assertThat(comment.maxLength()).isEqualTo(2000);
        });

        Policy policy = bundle.policy().orElseThrow();
        assertThat(policy.period("imasp.first_evaluation_after")).isEqualTo(Period.ofMonths(3));
        assertThat(policy.integer("imasp.social_only_age")).isEqualTo(60);

        List<LocalizedText> texts = new ArrayList<>();
        for (Scale scale : bundle.scales().values()) {
            texts.add(scale.title());
            scale.values().forEach(v -> texts.add(v.label()));
        }
        for (OptionList list : bundle.lists().values()) {
            texts.add(list.title());
            list.options().forEach(o -> texts.add(o.label()));
        }
        for (FormDefinition form : bundle.forms().values()) {
            texts.add(form.title());
            form.description().ifPresent(texts::add);
            for (Section section : form.sections()) {
                texts.add(section.title());
                section.description().ifPresent(texts::add);
            }
            form.allItems().forEach(item -> {
                texts.add(item.label()); // a note's text
                item.rules().help().ifPresent(texts::add);
                item.rules().constraints().forEach(c -> texts.add(c.message()));
                if (item instanceof TextItem text) {
                    text.patternMessage().ifPresent(texts::add);
                }
                if (item instanceof ChoiceItem choice) {
                    choice.options().options().forEach(o -> texts.add(o.label()));
                }
            });
        }
        assertThat(bundle.forms().values().stream().flatMap(FormDefinition::allItems)).anyMatch(NoteItem.class::isInstance);
        assertThat(texts).hasSizeGreaterThan(200).allSatisfy(text -> {
            assertThat(text.byLanguage()).containsOnlyKeys("fr", "nl", "en");
            assertThat(text.byLanguage().values()).allSatisfy(t -> assertThat(t).isNotBlank());
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
                if (name.startsWith("programmes/")) {
                    continue; // programmes are read with the forms by the programme reader (ProgrammeReaderTests)
                }
                sources.add(new FormSource(name, Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return sources;
    }

    // ---- 6. several documents in one source ---------------------------------------------------

    @Test
    void readsAScaleAListAndAFormFromOneMultiDocumentSource() {
        FormBundle bundle = new FormReader().read(List.of(new FormSource("all-in-one.yaml", """
                # the form comes first; the scale and list below are read before it anyway
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
                      - id: c
                        type: choice
                        list: colours
                        label: { fr: "C", nl: "K", en: "C" }
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
                ---
                list: colours
                options:
                  - code: blue
                    label: { fr: "Bleu", nl: "Blauw", en: "Blue" }
                """)));

        assertThat(bundle.scales()).containsOnlyKeys("yes-no");
        assertThat(bundle.sharedSources()).containsOnly(
                Map.entry("scale:yes-no", "all-in-one.yaml"), Map.entry("list:colours", "all-in-one.yaml"));
        assertThat(bundle.forms()).containsOnlyKeys("mini");
        assertThat(bundle.forms().get("mini").item("q")).get().isInstanceOfSatisfying(ScaleItem.class, item -> {
            assertThat(item.scale()).isSameAs(bundle.scales().get("yes-no"));
            assertThat(item.scale().values()).extracting(ScaleValue::code, ScaleValue::colour, ScaleValue::problem)
                    .containsExactly(tuple("Y", Colour.GREEN, false), tuple("N", Colour.RED, true));
        });
        assertThat(bundle.forms().get("mini").item("c")).get().isInstanceOfSatisfying(ChoiceItem.class, item -> {
            assertThat(item.options()).isSameAs(bundle.lists().get("colours"));
            assertThat(item.options().title()).as("a list without title is titled by its id")
                    .isEqualTo(LocalizedText.of("colours", "colours", "colours"));
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

    /** Item rules built from {@link ItemRules#NONE} with a few fields changed. */
    private static ItemRules rules(java.util.function.Consumer<RulesBuilder> change) {
        RulesBuilder builder = new RulesBuilder();
        change.accept(builder);
        return new ItemRules(builder.help, builder.required, builder.requiredWhen, builder.visibleWhen, builder.defaultValue,
                builder.constraints, builder.sensitiveTo, builder.prefill);
    }

    private static final class RulesBuilder {
        Optional<LocalizedText> help = Optional.empty();
        boolean required;
        Optional<Expression> requiredWhen = Optional.empty();
        Optional<Expression> visibleWhen = Optional.empty();
        Optional<String> defaultValue = Optional.empty();
        List<Constraint> constraints = List.of();
        Set<String> sensitiveTo = Set.of();
        boolean prefill;
    }
}
