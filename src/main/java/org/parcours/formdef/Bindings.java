package org.parcours.formdef;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The items a form binds to roles ({@code bindings:} in YAML), checked by the reader. */
public record Bindings(Map<BindingRole, String> items) {

    public static final Bindings NONE = new Bindings(Map.of());

    public Bindings {
        items = items.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(items));
    }

    public Optional<String> item(BindingRole role) {
        return Optional.ofNullable(items.get(role));
    }

    public boolean binds(BindingRole role) {
        return items.containsKey(role);
    }
}
