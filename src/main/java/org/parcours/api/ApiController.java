package org.parcours.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
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

    private final ClientService clients;
    private final EvaluationService evaluations;
    private final FormCatalog catalog;
    private final ExportService exports;
    private final CurrentUser currentUser;
    private final AgendaAccess agendaAccess;

    ApiController(ClientService clients, EvaluationService evaluations, FormCatalog catalog, ExportService exports, CurrentUser currentUser,
                  AgendaAccess agendaAccess) {
        this.agendaAccess = agendaAccess;
        this.currentUser = currentUser;
        this.clients = clients;
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.exports = exports;
    }

    record ClientDto(long id, String firstName, String lastName, LocalDate birthDate, long teamId, String team,
                     String nationalRegisterNumber, String status, LocalDate followUpStart) {
        static ClientDto of(ClientSummary c) {
            return new ClientDto(c.id(), c.firstName(), c.lastName(), c.birthDate(), c.teamId(), c.teamName(),
                    c.nationalRegisterNumber(), c.status() == null ? null : c.status().name(), c.followUpStart());
        }
    }

    record EvaluationSummaryDto(long id, long clientId, String formKey, int formVersion, String status, int revisions,
                                Instant createdAt, Instant updatedAt) {
        static EvaluationSummaryDto of(EvaluationSummary e) {
            return new EvaluationSummaryDto(e.id(), e.clientId(), e.formKey(), e.formVersion(), e.status().name(), e.revisions(),
                    e.createdAt(), e.updatedAt());
        }
    }

    record EvaluationDto(long id, long clientId, String formKey, int formVersion, String status, int revision,
                         Map<String, String> answers) {
        /** Without the answers of the hidden items (those {@code sensitive} to other roles in any version of the form). */
        static EvaluationDto of(EvaluationDetails d, Set<String> hidden) {
            return new EvaluationDto(d.id().orElseThrow(), d.client().id(), d.form().formKey(), d.form().versionNumber(),
                    d.status().name(), d.revisionNumber(), new java.util.TreeMap<>(FormDefinition.answersOutside(hidden, d.answers())));
        }
    }

    /** A new evaluation to submit at once: answers by item path (repeat rows as {@code repeat.N.item}). */
    record NewSubmission(long clientId, String formKey, Map<String, String> answers) {
    }

    record FormDto(String key, String title, int liveVersion) {
    }

    record ItemDto(String id, String type, String label, List<ItemDto> items) {
    }

    record FormVersionDto(long versionId, int version, Instant publishedAt, String contentHash, List<ItemDto> items) {
    }

    @Tag(name = "clients")
    @Operation(summary = "The client files the token's user may see")
    @GetMapping("/clients")
    List<ClientDto> clients() {
        return clients.listShown(org.parcours.clients.ClientFilter.ALL, "API /api/clients").stream().map(ClientDto::of).toList();
    }

    @Tag(name = "clients")
    @Operation(summary = "One client file (audited); 404 when it does not exist or belongs to another team")
    @GetMapping("/clients/{id}")
    ClientDto client(@PathVariable("id") long id) {
        return ClientDto.of(clients.open(id));
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
    EvaluationDto evaluation(@PathVariable("id") long id) {
        EvaluationDetails details = evaluations.open(id);
        return EvaluationDto.of(details, hiddenFrom(details.form().formKey()));
    }

    @Tag(name = "evaluations")
    @Operation(summary = "Creates and submits an evaluation on the form's current version; 422 with the problems when a rule fails")
    @PostMapping(path = "/evaluations", consumes = "application/json")
    ResponseEntity<EvaluationDto> submit(@RequestBody NewSubmission submission) {
        EvaluationDetails blank = evaluations.blank(submission.clientId(), submission.formKey());
        Map<String, String> answers = submission.answers() == null ? Map.of() : submission.answers();
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
    @Operation(summary = "The submissions of a form for the clients the token's user may see (audited)")
    @GetMapping("/forms/{key}/submissions")
    List<ExportService.Submission> submissions(@PathVariable("key") String key) {
        return exports.submissions(key);
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
