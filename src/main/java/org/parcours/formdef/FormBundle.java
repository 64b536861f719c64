package org.parcours.formdef;

import java.util.Map;

/**
 * What a set of sources defines: scales and forms by id, and for each scale the name of the
 * source that defined it (so a form version can be stored with the scales it uses).
 */
public record FormBundle(Map<String, Scale> scales, Map<String, String> scaleSources, Map<String, FormDefinition> forms) {

    public FormBundle {
        scales = Map.copyOf(scales);
        scaleSources = Map.copyOf(scaleSources);
        forms = Map.copyOf(forms);
    }
}
