package org.parcours.api;

import java.util.List;
import java.util.Map;

import org.parcours.catalog.FormNotFoundException;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ClientValidationException;
import org.parcours.committee.CommitteeException;
import org.parcours.evaluations.EvaluationNotFoundException;
import org.parcours.evaluations.IncompleteEvaluationException;
import org.parcours.evaluations.InvalidAnswersException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** API failures as RFC 9457 problem details; "not found" and "another team's" look alike. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    @ExceptionHandler({ClientNotFoundException.class, EvaluationNotFoundException.class, FormNotFoundException.class,
            CommitteeException.class})
    ProblemDetail notFound() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Not found or no access");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Access denied");
    }

    @ExceptionHandler(InvalidAnswersException.class)
    ProblemDetail invalid(InvalidAnswersException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some answers do not fit the form; nothing was saved");
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(ClientValidationException.class)
    ProblemDetail invalidClient() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid client data");
    }

    @ExceptionHandler(IncompleteEvaluationException.class)
    ProblemDetail incomplete(IncompleteEvaluationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The evaluation was saved as a draft but not submitted: " + e.getMessage());
        problem.setProperty("draftId", e.saved().id().orElse(null));
        List<Map<String, String>> issues = e.issues().stream()
                .map(issue -> Map.of("path", issue.path(), "kind", issue.kind().name())).toList();
        problem.setProperty("issues", issues);
        return problem;
    }

    /**
     * A deadlock or a Galera certification failure that outlasted the service's retries
     * (database.TransientFailures): nothing was saved and sending the same request again is safe.
     * Any other database failure is left to the general handling. Hibernate's own exceptions come
     * untranslated when the failing statement is a lazy load rather than a repository call.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessException.class, org.springframework.transaction.TransactionException.class,
            jakarta.persistence.PersistenceException.class})
    ProblemDetail concurrentSave(RuntimeException e) {
        if (org.parcours.database.TransientFailures.transientCause(e).isEmpty()) {
            throw e;
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Other changes to the same records were being saved at the same moment; nothing of this request was saved, send it again");
    }
}
