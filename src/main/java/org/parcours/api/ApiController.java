package org.parcours.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.committee.AgendaAccess;
import org.parcours.evaluations.EvaluationDetails;
import org.parcours.evaluations.EvaluationService;
import org.parcours.evaluations.EvaluationSummary;
import org.parcours.evaluations.InvalidAnswersException;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.Item;
import org.parcours.formdef.RepeatItem;
import org.parcours.reporting.ExportService;
import org.parcours.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST API (docs/decisions/0009), for programs holding a personal token: the same services as the views,
 * so the same team checks and audit rows. Roles per path are in the security configuration:
 * clients and evaluations for workers and administrators; forms and submissions for every role
 * (the committee reads the submissions of its teams, as in its history views).
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
class ApiController {

    private final EvaluationService evaluations;
    private final FormCatalog catalog;
    private final ExportService exports;
    private final CurrentUser currentUser;
    private final AgendaAccess agendaAccess;

    ApiController(EvaluationService evaluations, FormCatalog catalog, ExportService exports, CurrentUser currentUser,
                  AgendaAccess agendaAccess) {
        this.agendaAccess = agendaAccess;
        this.currentUser = currentUser;
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.exports = exports;
    }

    record EvaluationSummaryDto(long id, long clientId, String formKey, int formVersion, String status, int revisions,
                                Instant createdAt, Instant updatedAt) {
        static EvaluationSummaryDto of(EvaluationSummary e) {
            return new EvaluationSummaryDto(e.id(), e.clientId(), e.formKey(), e.formVersion(), e.status().name(), e.revisions(),
                    e.createdAt(), e.updatedAt());
        }
    }

    /** {@code version}: the current revision's version, for {@code If-Match} (also sent as the ETag). */
    record EvaluationDto(long id, long clientId, String formKey, int formVersion, String status, int revision, boolean editable,
                         long version,
                         @Schema(description = "The measurement date (the answer of the item the form binds to measurement.date); "
                                 + "null when the form binds none or it is not answered", format = "date", nullable = true)
                         LocalDate measuredOn,
                         Map<String, String> answers) {
        /** Without the answers of the hidden items (those {@code sensitive} to other roles in any version of the form). */
        static EvaluationDto of(EvaluationDetails d, Set<String> hidden) {
            Map<String, String> visible = FormDefinition.answersOutside(hidden, d.answers());
            return new EvaluationDto(d.id().orElseThrow(), d.client().id(), d.form().formKey(), d.form().versionNumber(),
                    d.status().name(), d.revisionNumber(), d.editable(), d.lockVersion(), MeasurementDates.of(d.form().definition(), visible),
                    new java.util.TreeMap<>(visible));
        }
    }

    /** A new evaluation to submit at once: answers by item path (repeat rows as {@code repeat.N.item}). */
    record NewSubmission(long clientId, String formKey,
                         @Schema(description = "The measurement date (ISO, e.g. 2026-11-30), stored as the answer of the item the form "
                                 + "binds to measurement.date; 422 at /measuredOn when not a date or the form binds none", format = "date")
                         String measuredOn,
                         Map<String, String> answers) {
    }

    record FormDto(String key, String title, int liveVersion) {
    }

    record ItemDto(String id, String type, String label, List<ItemDto> items) {
    }

    record FormVersionDto(long versionId, int version, Instant publishedAt, String contentHash, List<ItemDto> items) {
    }

    @Tag(name = "evaluations")
    @Operation(summary = "The evaluations of a client, newest first")
    @GetMapping("/clients/{id}/evaluations")
    List<EvaluationSummaryDto> evaluationsOf(@PathVariable("id") long id) {
        return evaluations.ofClient(id).stream().map(EvaluationSummaryDto::of).toList();
    }

    @Tag(name = "evaluations")
    @Operation(summary = "An evaluation as it stands (its last revision), audited")
    @GetMapping("/evaluations/{id}")
    ResponseEntity<EvaluationDto> evaluation(@PathVariable("id") long id) {
        EvaluationDetails details = evaluations.open(id);
        return ResponseEntity.ok().eTag(Drafts.etag(details.lockVersion()))
                .body(EvaluationDto.of(details, hiddenFrom(details.form().formKey())));
    }

    @Tag(name = "evaluations")
    @Operation(summary = "Creates and submits an evaluation on the form's current version; 422 with the problems when a rule fails")
    @PostMapping(path = "/evaluations", consumes = "application/json")
    ResponseEntity<EvaluationDto> submit(@RequestBody NewSubmission submission) {
        EvaluationDetails blank = evaluations.blank(submission.clientId(), submission.formKey());
        Map<String, String> answers = MeasurementDates.withMeasuredOn(blank.form().definition(), submission.measuredOn(),
                submission.answers());
        Set<String> hidden = hiddenFrom(submission.formKey());
        // an item the caller may not see may not be written by them either
        Map<String, String> refused = new java.util.TreeMap<>();
        answers.keySet().stream().filter(path -> !FormDefinition.pathOutside(hidden, path))
                .forEach(path -> refused.put(path, "not visible to your role"));
        if (!refused.isEmpty()) {
            throw new InvalidAnswersException(refused);
        }
        EvaluationDetails submitted = evaluations.submit(blank, answers);
        return ResponseEntity.created(URI.create("/api/evaluations/" + submitted.id().orElseThrow())).body(EvaluationDto.of(submitted, hidden));
    }

    @Tag(name = "forms")
    @Operation(summary = "The forms with a live version")
    @GetMapping("/forms")
    List<FormDto> forms() {
        return catalog.liveForms().stream()
                .map(f -> new FormDto(f.formKey(), f.definition().title().in(Locale.FRENCH), f.versionNumber())).toList();
    }

    @Tag(name = "forms")
    @Operation(summary = "Every published version of a form with its items (ids are stable across versions)")
    @GetMapping("/forms/{key}/versions")
    List<FormVersionDto> versions(@PathVariable("key") String key) {
        return exports.versions(key).stream().map(ApiController::version).toList();
    }

    @Tag(name = "forms")
    @Operation(summary = "The submissions of a form for the clients the token's user may see (audited), ordered by kind and id; "
            + "pages with limit/cursor (Link rel=next), updated-since for those submitted (or re-submitted after an amendment) since an instant")
    @GetMapping("/forms/{key}/submissions")
    ResponseEntity<List<ExportService.Submission>> submissions(@PathVariable("key") String key,
                                                               @RequestParam(name = "limit", required = false) Integer limit,
                                                               @RequestParam(name = "cursor", required = false) String cursor,
                                                               @RequestParam(name = "updated-since", required = false) String updatedSince) {
        Paging paging = Paging.of(limit, cursor, updatedSince);
        String after = paging.after().orElse("");
        List<ExportService.Submission> ordered = exports.submissions(key).stream()
                .filter(s -> paging.updatedSince().isEmpty() || s.submittedAt() != null && !s.submittedAt().isBefore(paging.updatedSince().get()))
                .sorted(java.util.Comparator.comparing(ApiController::submissionKey))
                .filter(s -> submissionKey(s).compareTo(after) > 0).toList();
        Paging.Page<ExportService.Submission> page = paging.page(ordered, ApiController::submissionKey);
        return ResponseEntity.ok().headers(page.headers()).body(page.rows());
    }

    /** The stable order of submissions: kind, then id, as a text that sorts like them (the cursor). */
    private static String submissionKey(ExportService.Submission s) {
        return s.kind().ordinal() + ":" + String.format("%019d", s.id());
    }

    @Tag(name = "committee")
    @Operation(summary = "The submissions of a form for the clients on a meeting's agenda, whatever their team, for committee members and administrators (audited, naming the meeting)")
    @GetMapping("/meetings/{id}/forms/{key}/submissions")
    List<ExportService.Submission> agendaSubmissions(@PathVariable("id") long meetingId, @PathVariable("key") String key) {
        return exports.submissionsThroughAgenda(key, agendaAccess.agendaClients(currentUser.require(), meetingId), meetingId);
    }

    /** The items of the form hidden from the caller: the rule of the history pages, over every published version. */
    private Set<String> hiddenFrom(String formKey) {
        return FormDefinition.hiddenFromAnyOf(exports.versions(formKey).stream().map(PublishedForm::definition).toList(),
                currentUser.require().roleNames());
    }

    private static FormVersionDto version(PublishedForm form) {
        return new FormVersionDto(form.versionId(), form.versionNumber(), form.publishedAt(), form.contentHash(),
                form.definition().items().map(ApiController::item).toList());
    }

    private static ItemDto item(Item item) {
        String type = item.getClass().getSimpleName().replace("Item", "").toLowerCase(Locale.ROOT);
        List<ItemDto> children = item instanceof RepeatItem repeat ? repeat.items().stream().map(ApiController::item).toList() : List.of();
        return new ItemDto(item.id(), type, item.label().in(Locale.FRENCH), children);
    }

}
