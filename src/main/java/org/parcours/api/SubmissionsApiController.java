package org.parcours.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.parcours.evaluations.EvaluationDetails;
import org.parcours.evaluations.EvaluationService;
import org.parcours.evaluations.EvaluationStatus;
import org.parcours.security.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lifecycle of a filled form over the API, for any form filled as an evaluation
 * (docs/decisions/0005, 0017): create a draft, change it under optimistic locking (the draft's
 * {@code version}, sent back in {@code If-Match}: 428 without it, 412 when someone saved
 * meanwhile), submit it (422 with each problem's field path when a rule fails), amend a
 * submitted one with a reason. Everything goes through {@link EvaluationService}: its team
 * check, validation and audit rows. Items hidden from the caller's role are neither shown nor
 * written, and a caller's change keeps the answers of those items as they were.
 */
@RestController
@RequestMapping(path = "/api/evaluations", produces = "application/json")
@Tag(name = "evaluations")
class SubmissionsApiController {

    private final EvaluationService evaluations;
    private final CurrentUser currentUser;

    SubmissionsApiController(EvaluationService evaluations, CurrentUser currentUser) {
        this.evaluations = evaluations;
        this.currentUser = currentUser;
    }

    record NewEvaluationDraft(Long clientId, String formKey, @Schema(description = MEASURED_ON, format = "date") String measuredOn,
                    Map<String, String> answers) {
    }

    record EvaluationDraftAnswers(@Schema(description = MEASURED_ON, format = "date") String measuredOn, Map<String, String> answers) {
    }

    private static final String MEASURED_ON = "The measurement date (ISO, e.g. 2026-11-30) of a form that binds measurement.date: "
            + "stored as that item's answer (the same as sending it in answers); 422 at /measuredOn when it is not a date, the form "
            + "binds none, or answers give that item another date";

    record Amendment(String reason) {
    }

    @Operation(summary = "Creates a draft on the form's current version (rules such as required wait for submission); "
            + "its ETag is the version to send in If-Match")
    @PostMapping(path = "/drafts", consumes = "application/json")
    ResponseEntity<ApiController.EvaluationDto> createDraft(@RequestBody NewEvaluationDraft input) {
        if (input.clientId() == null) {
            throw ApiInputException.invalid("/clientId", "clientId is required");
        }
        if (input.formKey() == null || input.formKey().isBlank()) {
            throw ApiInputException.invalid("/formKey", "formKey is required");
        }
        Set<String> hidden = hidden(input.formKey());
        EvaluationDetails blank = evaluations.blank(input.clientId(), input.formKey());
        Map<String, String> answers = Drafts.writable(hidden,
                MeasurementDates.withMeasuredOn(blank.form().definition(), input.measuredOn(), input.answers()));
        EvaluationDetails saved = evaluations.save(blank, answers);
        return ResponseEntity.created(URI.create("/api/evaluations/" + saved.id().orElseThrow())).eTag(Drafts.etag(saved.lockVersion()))
                .body(ApiController.EvaluationDto.of(saved, hidden));
    }

    @Operation(summary = "Replaces the answers of a draft (or of an amendment being filled); If-Match with its version is required")
    @PutMapping(path = "/{id}", consumes = "application/json")
    ResponseEntity<ApiController.EvaluationDto> updateDraft(@PathVariable("id") long id,
                                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                            @RequestBody EvaluationDraftAnswers input) {
        EvaluationDetails current = Drafts.matching(ifMatch, evaluations.open(id), EvaluationDetails::lockVersion);
        Set<String> hidden = hidden(current.form().formKey());
        Map<String, String> given = MeasurementDates.withMeasuredOn(current.form().definition(), input.measuredOn(), input.answers());
        EvaluationDetails saved = evaluations.save(current, Drafts.keepHidden(hidden, current.answers(), Drafts.writable(hidden, given)));
        return ResponseEntity.ok().eTag(Drafts.etag(saved.lockVersion())).body(ApiController.EvaluationDto.of(saved, hidden));
    }

    @Operation(summary = "Submits a draft, with its answers as stored or those given (and measuredOn, the measurement date); If-Match required; "
            + "422 with each problem (errors[].pointer /answers/<path>) when a rule fails, the draft kept")
    @PostMapping(path = "/{id}/submit")
    ResponseEntity<ApiController.EvaluationDto> submit(@PathVariable("id") long id,
                                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                       @RequestBody(required = false) EvaluationDraftAnswers input) {
        EvaluationDetails current = Drafts.matching(ifMatch, evaluations.open(id), EvaluationDetails::lockVersion);
        Set<String> hidden = hidden(current.form().formKey());
        String measuredOn = input == null ? null : input.measuredOn();
        Map<String, String> answers;
        if (input == null || input.answers() == null) {
            // the stored answers, with the measurement date given (if any) in place of the stored one
            Map<String, String> date = Drafts.writable(hidden, MeasurementDates.withMeasuredOn(current.form().definition(), measuredOn, Map.of()));
            answers = new java.util.HashMap<>(current.answers());
            answers.putAll(date);
        } else {
            answers = Drafts.keepHidden(hidden, current.answers(),
                    Drafts.writable(hidden, MeasurementDates.withMeasuredOn(current.form().definition(), measuredOn, input.answers())));
        }
        EvaluationDetails submitted = evaluations.submit(current, answers);
        return ResponseEntity.ok().eTag(Drafts.etag(submitted.lockVersion())).body(ApiController.EvaluationDto.of(submitted, hidden));
    }

    @Operation(summary = "Opens an amendment of a submitted evaluation with its reason: a new draft revision to change and submit")
    @PostMapping(path = "/{id}/amendments", consumes = "application/json")
    ResponseEntity<ApiController.EvaluationDto> amend(@PathVariable("id") long id, @RequestBody Amendment input) {
        EvaluationDetails current = evaluations.open(id);
        if (current.status() != EvaluationStatus.SUBMITTED) {
            throw new ApiInputException(HttpStatus.CONFLICT, ApiProblem.CONFLICT,
                    "Only a submitted evaluation is amended; this one has a draft revision being filled", List.of());
        }
        EvaluationDetails amendment = evaluations.amend(id, input.reason());
        return ResponseEntity.created(URI.create("/api/evaluations/" + id)).eTag(Drafts.etag(amendment.lockVersion()))
                .body(ApiController.EvaluationDto.of(amendment, hidden(amendment.form().formKey())));
    }

    private Set<String> hidden(String formKey) {
        return evaluations.hiddenAcrossVersions(formKey, currentUser.require().roleNames());
    }
}
