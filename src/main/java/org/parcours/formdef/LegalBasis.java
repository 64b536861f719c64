package org.parcours.formdef;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Why the processing is lawful ({@code privacy: legal-basis:} in YAML): the grounds of GDPR
 * article 6(1) and, for special categories, article 9(2). A closed list.
 */
public enum LegalBasis {
    CONSENT("consent", "6(1)(a)"),
    CONTRACT("contract", "6(1)(b)"),
    LEGAL_OBLIGATION("legal-obligation", "6(1)(c)"),
    VITAL_INTERESTS("vital-interests", "6(1)(d)"),
    PUBLIC_TASK("public-task", "6(1)(e)"),
    LEGITIMATE_INTERESTS("legitimate-interests", "6(1)(f)"),
    EXPLICIT_CONSENT("explicit-consent", "9(2)(a)"),
    SOCIAL_PROTECTION("social-protection", "9(2)(b)"),
    HEALTH_OR_SOCIAL_CARE("health-or-social-care", "9(2)(h)");

    private final String yamlName;
    private final String article;

    LegalBasis(String yamlName, String article) {
        this.yamlName = yamlName;
        this.article = article;
    }

    public String yamlName() {
        return yamlName;
    }

    /** The article of the GDPR, e.g. {@code 6(1)(e)}. */
    public String article() {
        return article;
    }

    public static Optional<LegalBasis> fromYaml(String name) {
        return Stream.of(values()).filter(b -> b.yamlName.equals(name)).findFirst();
    }

    public static List<String> yamlNames() {
        return Stream.of(values()).map(LegalBasis::yamlName).toList();
    }
}
