package org.parcours.formdef;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The colour meaning of a scale value; renderers decide the exact shade. */
public enum Colour {
    GREEN, AMBER, RED, NEUTRAL;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Colour> fromYaml(String name) {
        return Arrays.stream(values()).filter(c -> c.yamlName().equals(name)).findFirst();
    }

    static List<String> yamlNames() {
        return Arrays.stream(values()).map(Colour::yamlName).toList();
    }
}
