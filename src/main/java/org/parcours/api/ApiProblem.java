package org.parcours.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * An API failure as RFC 9457 problem details: {@code type} (a {@code urn:parcours:problem:} name,
 * listed in docs/api.md), {@code title}, {@code status}, {@code detail} and, when fields are at
 * fault, {@code errors}: one {@code {pointer, message}} per field, the pointer a JSON pointer
 * into the request body ({@code /firstName}, {@code /answers/illness}).
 */
final class ApiProblem {

    static final String VALIDATION = "validation";
    static final String INCOMPLETE = "incomplete-submission";
    static final String NOT_FOUND = "not-found";
    static final String FORBIDDEN = "forbidden";
    static final String CONFLICT = "conflict";
    static final String PRECONDITION_FAILED = "precondition-failed";
    static final String PRECONDITION_REQUIRED = "precondition-required";
    static final String IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused";
    static final String IDEMPOTENCY_KEY_IN_USE = "idempotency-key-in-use";
    static final String BAD_REQUEST = "bad-request";
    static final String CONCURRENT_SAVE = "concurrent-save";
    static final String DATABASE_UNAVAILABLE = "database-unavailable";
    static final String OUTCOME_UNKNOWN = "outcome-unknown";

    /** A field at fault: a JSON pointer into the request body and what is wrong, for a person. */
    record FieldError(String pointer, String message) {
    }

    private ApiProblem() {
    }

    static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:parcours:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    static ProblemDetail of(HttpStatus status, String type, String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = of(status, type, title, detail);
        problem.setProperty("errors", errors.stream().map(e -> Map.of("pointer", e.pointer(), "message", e.message())).toList());
        return problem;
    }

    static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** {@code household.0.fullName} as the JSON pointer {@code /household/0/fullName}. */
    static String pointer(String dottedField) {
        return "/" + escape(dottedField).replace('.', '/');
    }

    /** An answer's path is one key of the {@code answers} object: {@code /answers/children.1.name}. */
    static String answerPointer(String path) {
        return "/answers/" + escape(path);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
