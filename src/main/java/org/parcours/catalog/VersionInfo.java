package org.parcours.catalog;

import java.time.Instant;
import java.util.Optional;

/**
 * One published version of a form as the studio lists it: who published it (empty for versions
 * read from the forms folder) and the comment given when publishing from the studio.
 */
public record VersionInfo(long versionId, int versionNumber, Instant publishedAt, String contentHash,
                          Optional<String> publishedBy, Optional<String> comment) {
}
