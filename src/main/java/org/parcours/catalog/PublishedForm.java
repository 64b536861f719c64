package org.parcours.catalog;

import java.time.Instant;

import org.parcours.formdef.FormDefinition;

/** A form version as the rest of the application sees it. */
public record PublishedForm(long versionId, int versionNumber, String contentHash, Instant publishedAt,
                            FormDefinition definition) {

    public String formKey() {
        return definition.id();
    }
}
