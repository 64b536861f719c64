package org.parcours.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

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
            List<String> texts = List.of(
                    i18n.getTranslation("rules.flags.none", locale, "1 déc. 2026"),
                    i18n.getTranslation("rules.flag.SOCIAL_ONLY_AGE", locale, "R3", "60", "1 janv. 2026", "1 janv. 1966", "imasp.social_only_age", "60"),
                    i18n.getTranslation("rules.flag.SOCIAL_ONLY_UNFIT", locale, "R3", "1 janv. 2026"),
                    i18n.getTranslation("rules.flag.REVIEW_DUE", locale, "R4", "1 janv. 2023", "1 janv. 2026", "imasp.social_only_review", "P3Y"),
                    i18n.getTranslation("history.flag", locale, "R5", "Sans-abri", 3, "C, C, C"));
            assertThat(texts).as("%s", locale).allSatisfy(text -> assertThat(text)
                    .doesNotStartWith("!").doesNotContain("R3", "R4", "R5", "imasp.", "P3Y"));
            assertThat(texts.get(1)).as("the age rule keeps its number").contains("60");
            assertThat(texts.get(4)).as("the persistent-problem rule names the factor").contains("Sans-abri", "3");
        }
    }
}
