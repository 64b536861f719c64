package org.parcours.formdef;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kinds of personal data a form, section or item holds ({@code privacy: categories:} in YAML):
 * a closed list, so that the register of processing and the retention job group data alike.
 * {@link #special()} marks the special categories of GDPR article 9 (health) and those a social
 * service treats alike (judicial).
 */
public enum DataCategory {
    IDENTITY, CONTACT, HOUSEHOLD, FINANCIAL, HOUSING, EMPLOYMENT, EDUCATION, SOCIAL, HEALTH, JUDICIAL;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean special() {
        return this == HEALTH || this == JUDICIAL;
    }

    public static Optional<DataCategory> fromYaml(String name) {
        return Stream.of(values()).filter(c -> c.yamlName().equals(name)).findFirst();
    }

    public static java.util.List<String> yamlNames() {
        return Stream.of(values()).map(DataCategory::yamlName).toList();
    }
}
