package org.parcours.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Texts shown to people say what a rule means, never the project's internal names of the rules
 * (R1..R6) nor the policy paths behind their numbers: checked on every value of the message
 * bundles, and on the rule texts as the views fill them in (the rule's code and the policy path
 * are among their arguments).
 */
class MessageTextsTests {

    private static final Pattern RULE_CODE = Pattern.compile("\\bR[1-6]\\b");
    /** "Règle {0}", "Regel {0}", "Rule {0}": the argument would be the rule's code */
    private static final Pattern RULE_CODE_ARGUMENT = Pattern.compile("(?i)\\b(règle|regel|rule)s? \\{\\d");

    @Test
    void noBundleValueNamesARuleByItsInternalCode() throws IOException {
        List<String> offending = new ArrayList<>();
        for (Locale locale : ParcoursI18nProvider.LOCALES) {
            String name = "/i18n/messages_" + locale.getLanguage() + ".properties";
            Properties bundle = new Properties();
            try (InputStream in = getClass().getResourceAsStream(name)) {
                bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(bundle).as(name).isNotEmpty();
            bundle.forEach((key, value) -> {
                if (RULE_CODE.matcher(value.toString()).find() || RULE_CODE_ARGUMENT.matcher(value.toString()).find()) {
                    offending.add(name + " " + key + "=" + value);
                }
            });
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void theRuleTextsAsFilledInShowNeitherTheRuleCodeNorThePolicyPath() {
        ParcoursI18nProvider i18n = new ParcoursI18nProvider();
        for (Locale locale : ParcoursI18nProvider.LOCALES) {
            // a flag reads as its declared rule's message (argument 0) about a factor
            List<String> texts = List.of(
                    i18n.getTranslation("rules.flags.none", locale, "1 déc. 2026"),
                    i18n.getTranslation("history.flag", locale, "problème lors des 3 dernières mesures", "Sans-abri", 3, "C, C, C"));
            assertThat(texts).as("%s", locale).allSatisfy(text -> assertThat(text)
                    .doesNotStartWith("!").doesNotContain("R3", "R4", "R5", "imasp.", "P3Y"));
            assertThat(texts.get(1)).as("the flag names the factor and says what the rule found").contains("Sans-abri", "3 dernières mesures");
        }
    }

    @Test
    void theShippedProgrammesMessagesNameNoRuleByItsInternalCode() throws IOException {
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("forms/programmes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    boolean text = line.matches("(?:- )?(?:fr|nl|en|label|message):.*") && !line.startsWith("#");
                    String withoutComment = line.replaceAll("\\s+#.*$", "");
                    if (text && RULE_CODE.matcher(withoutComment).find()) {
                        offending.add(file.getFileName() + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        assertThat(offending).isEmpty();
    }
}
