package org.parcours.formdef;

import java.util.Map;
import java.util.Optional;

/**
 * What a set of sources defines: scales, option lists, forms and the policy, by id, and for each
 * scale and list the name of the source that defined it (so a form version can be stored with
 * the shared files it uses).
 */
public record FormBundle(Map<String, Scale> scales, Map<String, OptionList> lists, Map<String, String> sharedSources,
                         Map<String, FormDefinition> forms, Optional<Policy> policy) {

    public FormBundle {
        scales = Map.copyOf(scales);
        lists = Map.copyOf(lists);
        sharedSources = Map.copyOf(sharedSources);
        forms = Map.copyOf(forms);
    }
}
