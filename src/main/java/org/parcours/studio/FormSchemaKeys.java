package org.parcours.studio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The key names the forms' JSON Schema (forms/schema/parcours-forms.schema.json, shipped on the
 * class path) allows anywhere, for the studio editor's completion.
 */
public final class FormSchemaKeys {

    static final String RESOURCE = "/forms/schema/parcours-forms.schema.json";

    private static final List<String> KEYS = read();

    private FormSchemaKeys() {
    }

    public static List<String> all() {
        return KEYS;
    }

    private static List<String> read() {
        try (InputStream in = FormSchemaKeys.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the forms schema is missing from the class path: " + RESOURCE);
            }
            Set<String> keys = new TreeSet<>();
            collect(JsonMapper.builder().build().readTree(in), keys);
            return List.copyOf(keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                keys.addAll(properties.propertyNames());
            }
            node.values().forEach(child -> collect(child, keys));
        } else if (node.isArray()) {
            node.values().forEach(child -> collect(child, keys));
        }
    }
}
