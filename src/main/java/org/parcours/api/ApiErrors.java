package org.parcours.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.i18n.I18NProvider;

import org.parcours.aid.AidException;
import org.parcours.aid.AidRequestNotFoundException;
import org.parcours.aid.IncompleteAidRequestException;
import org.parcours.catalog.FormNotFoundException;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ClientValidationException;
import org.parcours.committee.CommitteeException;
import org.parcours.contracts.ContractException;
import org.parcours.contracts.ContractNotFoundException;
import org.parcours.contracts.IncompleteContractException;
import org.parcours.evaluations.AmendmentReasonException;
import org.parcours.evaluations.ConcurrentEditException;
import org.parcours.evaluations.EvaluationNotFoundException;
import org.parcours.evaluations.IncompleteEvaluationException;
import org.parcours.evaluations.InvalidAnswersException;
import org.parcours.evaluations.NotEditableException;
import org.parcours.formrun.Issue;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API failure as RFC 9457 problem details ({@link ApiProblem}), in
 * {@code application/problem+json}. "Not found" and "another team's" look alike (404, same
 * detail): the API never tells whether an id it will not show exists. Field messages are in the
 * request's language (Accept-Language: fr, nl or en; English otherwise).
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors extends ResponseEntityExceptionHandler {

    private final I18NProvider i18n;

    ApiErrors(I18NProvider i18n) {
        this.i18n = i18n;
    }

    @ExceptionHandler({ClientNotFoundException.class, EvaluationNotFoundException.class, FormNotFoundException.class,
            CommitteeException.class, ApiNotFoundException.class,
            AidRequestNotFoundException.class, ContractNotFoundException.class})
    ResponseEntity<ProblemDetail> notFound() {
        return ApiProblem.response(ApiProblem.of(HttpStatus.NOT_FOUND, ApiProblem.NOT_FOUND, "Not found", "Not found or no access"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied() {
        return ApiProblem.response(ApiProblem.of(HttpStatus.FORBIDDEN, ApiProblem.FORBIDDEN, "Forbidden", "Your role does not allow this"));
    }

    @ExceptionHandler(ApiInputException.class)
    ResponseEntity<ProblemDetail> input(ApiInputException e) {
        return ApiProblem.response(ApiProblem.of(e.status(), e.type(), e.status().getReasonPhrase(), e.getMessage(), e.errors()));
    }

    @ExceptionHandler(ApiFieldException.class)
    ResponseEntity<ProblemDetail> field(ApiFieldException e, Locale locale) {
        String message = i18n.getTranslation(e.messageKey(), locale, e.arguments());
        return input(new ApiInputException(HttpStatus.UNPROCESSABLE_CONTENT, ApiProblem.VALIDATION, "Some fields are not valid; nothing was changed",
                List.of(new ApiProblem.FieldError(e.pointer(), message))));
    }

    @ExceptionHandler(InvalidAnswersException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidAnswersException e) {
        List<ApiProblem.FieldError> errors = e.problems().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(p -> new ApiProblem.FieldError(ApiProblem.answerPointer(p.getKey()), p.getValue())).toList();
        ProblemDetail problem = ApiProblem.of(HttpStatus.BAD_REQUEST, ApiProblem.VALIDATION, "Answers do not fit the form",
                "Some answers do not fit the form; nothing was saved", errors);
        problem.setProperty("problems", e.problems());
        return ApiProblem.response(problem);
    }

    @ExceptionHandler(ClientValidationException.class)
    ResponseEntity<ProblemDetail> invalidClient(ClientValidationException e, Locale locale) {
        List<ApiProblem.FieldError> errors = e.fieldErrors().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(f -> new ApiProblem.FieldError(ApiProblem.pointer(f.getKey()), i18n.getTranslation(f.getValue(), locale))).toList();
        return ApiProblem.response(ApiProblem.of(HttpStatus.UNPROCESSABLE_CONTENT, ApiProblem.VALIDATION, "Invalid client data",
                "Some fields are not valid; nothing was changed", errors));
    }

    @ExceptionHandler(IncompleteEvaluationException.class)
    ResponseEntity<ProblemDetail> incomplete(IncompleteEvaluationException e, Locale locale) {
        List<ApiProblem.FieldError> errors = e.issues().stream()
                .map(issue -> new ApiProblem.FieldError(ApiProblem.answerPointer(issue.path()), message(issue, locale))).toList();
        ProblemDetail problem = ApiProblem.of(HttpStatus.UNPROCESSABLE_CONTENT, ApiProblem.INCOMPLETE, "Not submitted",
                "The answers were saved as a draft but not submitted: " + errors.size() + " problem(s) to fix", errors);
        problem.setProperty("draftId", e.saved().id().orElse(null));
        problem.setProperty("version", e.saved().lockVersion());
        problem.setProperty("issues", e.issues().stream().map(issue -> Map.of("path", issue.path(), "kind", issue.kind().name())).toList());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .eTag(Drafts.etag(e.saved().lockVersion())).body(problem);
    }

    @ExceptionHandler(IncompleteAidRequestException.class)
    ResponseEntity<ProblemDetail> incompleteAid(IncompleteAidRequestException e, Locale locale) {
        return incomplete(e.issues(), locale, "The request was not submitted");
    }

    @ExceptionHandler(IncompleteContractException.class)
    ResponseEntity<ProblemDetail> incompleteContract(IncompleteContractException e, Locale locale) {
        return incomplete(e.issues(), locale, "The text was not signed");
    }

    /** A rule of the aid or contract workflow: a race is 412, a wrong state 409, the rest a refused field or value (422). */
    @ExceptionHandler(AidException.class)
    ResponseEntity<ProblemDetail> aidRefused(AidException e, Locale locale) {
        return workflowRefused(e.messageKey(), i18n.getTranslation(e.messageKey(), locale, e.arguments()));
    }

    @ExceptionHandler(ContractException.class)
    ResponseEntity<ProblemDetail> contractRefused(ContractException e, Locale locale) {
        return workflowRefused(e.messageKey(), i18n.getTranslation(e.messageKey(), locale, e.arguments()));
    }

    private ResponseEntity<ProblemDetail> workflowRefused(String key, String message) {
        String rule = key.substring(key.lastIndexOf('.') + 1);
        return switch (rule) {
            case "concurrent" -> ApiProblem.response(ApiProblem.of(HttpStatus.PRECONDITION_FAILED, ApiProblem.PRECONDITION_FAILED,
                    "Changed meanwhile", message));
            case "submitted", "signed", "closed", "amendmentOpen", "status", "notSigned" -> ApiProblem.response(ApiProblem.of(
                    HttpStatus.CONFLICT, ApiProblem.CONFLICT, "Not possible in this state", message));
            default -> ApiProblem.response(ApiProblem.of(HttpStatus.UNPROCESSABLE_CONTENT, ApiProblem.VALIDATION, "Refused by a rule", message,
                    List.of(new ApiProblem.FieldError(switch (rule) {
                        case "reasonRequired" -> "/reason";
                        case "signedOn" -> "/signedOn";
                        default -> "/answers";
                    }, message))));
        };
    }

    private ResponseEntity<ProblemDetail> incomplete(List<Issue> issues, Locale locale, String what) {
        List<ApiProblem.FieldError> errors = issues.stream()
                .map(issue -> new ApiProblem.FieldError(ApiProblem.answerPointer(issue.path()), message(issue, locale))).toList();
        return ApiProblem.response(ApiProblem.of(HttpStatus.UNPROCESSABLE_CONTENT, ApiProblem.INCOMPLETE, "Not submitted",
                what + ": " + errors.size() + " problem(s) to fix; nothing was changed", errors));
    }

    @ExceptionHandler(ConcurrentEditException.class)
    ResponseEntity<ProblemDetail> concurrent() {
        return ApiProblem.response(ApiProblem.of(HttpStatus.PRECONDITION_FAILED, ApiProblem.PRECONDITION_FAILED, "Changed meanwhile",
                "The draft was changed since the version you sent in If-Match; read it again and retry"));
    }

    @ExceptionHandler(NotEditableException.class)
    ResponseEntity<ProblemDetail> notEditable() {
        return ApiProblem.response(ApiProblem.of(HttpStatus.CONFLICT, ApiProblem.CONFLICT, "Not a draft",
                "The evaluation is submitted: amend it (with a reason) to change it"));
    }

    @ExceptionHandler(AmendmentReasonException.class)
    ResponseEntity<ProblemDetail> amendmentReason(AmendmentReasonException e) {
        return input(ApiInputException.invalid("/reason", e.getMessage()));
    }

    /** Spring MVC's own failures (unreadable body, wrong parameter type, missing header...), with a type and the problem media type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                             WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given ? given
                : ProblemDetail.forStatusAndDetail(statusCode, "The request could not be handled");
        problem.setType(java.net.URI.create("urn:parcours:problem:" + ApiProblem.BAD_REQUEST));
        HttpHeaders out = new HttpHeaders();
        out.putAll(headers);
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(statusCode).headers(out).body(problem);
    }

    private String message(Issue issue, Locale locale) {
        return issue.message().map(text -> text.in(locale))
                .orElseGet(() -> i18n.getTranslation("issue." + issue.kind().name(), locale, issue.arguments().toArray()));
    }

    /**
     * A database failure the service did not get past (database.TransientFailures):
     * <ul>
     *   <li>a connection lost while the commit was under way: 503, the request may have been
     *   stored; read it back before sending it again (an {@code Idempotency-Key} keeps no 5xx
     *   answer, so it would not stop a second copy);</li>
     *   <li>a connection lost before the commit, on every attempt: 503 with {@code Retry-After},
     *   nothing was saved;</li>
     *   <li>a deadlock or a Galera certification failure that outlasted the retries: 409, nothing
     *   was saved and sending the same request again is safe.</li>
     * </ul>
     * Any other database failure is left to the general handling. Hibernate's own exceptions come
     * untranslated when the failing statement is a lazy load rather than a repository call.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessException.class, org.springframework.transaction.TransactionException.class,
            jakarta.persistence.PersistenceException.class})
    ResponseEntity<ProblemDetail> databaseFailure(RuntimeException e) {
        if (org.parcours.database.TransientFailures.outcomeUnknown(e)) {
            return ApiProblem.response(ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE, ApiProblem.OUTCOME_UNKNOWN, "Outcome unknown",
                    "The connection to the database was lost while this request was being committed: it may have been saved."
                            + " Read it back before sending it again"));
        }
        if (org.parcours.database.TransientFailures.connectionLost(e)) {
            ResponseEntity<ProblemDetail> unavailable = ApiProblem.response(ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE,
                    ApiProblem.DATABASE_UNAVAILABLE, "Database unavailable",
                    "The database could not be reached; nothing of this request was saved, send it again in a moment"));
            return ResponseEntity.status(unavailable.getStatusCode()).headers(unavailable.getHeaders())
                    .header(org.springframework.http.HttpHeaders.RETRY_AFTER, "5").body(unavailable.getBody());
        }
        if (org.parcours.database.TransientFailures.transientCause(e).isEmpty()) {
            throw e;
        }
        return ApiProblem.response(ApiProblem.of(HttpStatus.CONFLICT, ApiProblem.CONCURRENT_SAVE, "Saved at the same moment",
                "Other changes to the same records were being saved at the same moment; nothing of this request was saved, send it again"));
    }
}
