package org.parcours.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.parcours.evaluations.InvalidAnswersException;
import org.parcours.formdef.FormDefinition;
import org.springframework.http.HttpStatus;

/**
 * The rules every draft follows over the API, whatever its kind: its version is its ETag and
 * {@code If-Match} must name it; items hidden from the caller are neither written by them nor
 * lost when they replace the other answers.
 */
final class Drafts {

    private Drafts() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The draft if {@code If-Match} names its current version: 428 without the header, 412 when it is another. */
    static <T> T matching(String ifMatch, T current, Function<T, Long> version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiInputException(HttpStatus.PRECONDITION_REQUIRED, ApiProblem.PRECONDITION_REQUIRED,
                    "Send If-Match with the draft's version (its ETag or version field), so that no one's work is overwritten", List.of());
        }
        String given = ifMatch.strip();
        if (given.startsWith("W/")) {
            given = given.substring(2);
        }
        given = given.replace("\"", "");
        long actual = version.apply(current);
        if (!given.equals(String.valueOf(actual))) {
            throw new ApiInputException(HttpStatus.PRECONDITION_FAILED, ApiProblem.PRECONDITION_FAILED,
                    "The draft is at version " + actual + ", not " + given + ": read it again and retry", List.of());
        }
        return current;
    }

    /** The caller's answers, refused when one is an item hidden from them. */
    static Map<String, String> writable(Set<String> hidden, Map<String, String> answers) {
        Map<String, String> given = answers == null ? Map.of() : answers;
        Map<String, String> refused = new TreeMap<>();
        given.keySet().stream().filter(path -> !FormDefinition.pathOutside(hidden, path))
                .forEach(path -> refused.put(path, "not visible to your role"));
        if (!refused.isEmpty()) {
            throw new InvalidAnswersException(refused);
        }
        return given;
    }

    /** The new answers plus the stored answers of the items hidden from the caller. */
    static Map<String, String> keepHidden(Set<String> hidden, Map<String, String> stored, Map<String, String> answers) {
        Map<String, String> merged = new HashMap<>(answers);
        stored.forEach((path, value) -> {
            if (!FormDefinition.pathOutside(hidden, path)) {
                merged.put(path, value);
            }
        });
        return merged;
    }
}
