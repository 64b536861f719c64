package org.parcours.api;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A request the API refuses before anything is changed: its status, problem type and fields at fault. */
class ApiInputException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final List<ApiProblem.FieldError> errors;

    ApiInputException(HttpStatus status, String type, String detail, List<ApiProblem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    static ApiInputException invalid(String pointer, String message) {
        return new ApiInputException(HttpStatus.UNPROCESSABLE_CONTENT, ApiProblem.VALIDATION, "Some fields are not valid; nothing was changed",
                List.of(new ApiProblem.FieldError(pointer, message)));
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }

    List<ApiProblem.FieldError> errors() {
        return errors;
    }
}
