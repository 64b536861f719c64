package org.parcours.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.parcours.aid.AidRequestDetails;
import org.parcours.aid.AidService;
import org.parcours.contracts.ContractDetails;
import org.parcours.contracts.ContractService;
import org.parcours.formdef.FormDefinition;
import org.parcours.security.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CASU aid request and the MASP contract, the forms whose workflow the policy names, over the
 * API through {@link AidService} and {@link ContractService} (their rules, team checks and audit
 * rows): a draft, its answers changed under {@code If-Match} as for evaluations, then submitted (an
 * aid request) or signed (a contract text); a signed contract is changed by an avenant with its
 * reason. Decisions on schemes, evaluation, renewal and end stay in the application's screens.
 */
@RestController
@Tag(name = "workflows")
class WorkflowsApiController {

    private final AidService aid;
    private final ContractService contracts;
    private final CurrentUser currentUser;

    WorkflowsApiController(AidService aid, ContractService contracts, CurrentUser currentUser) {
        this.aid = aid;
        this.contracts = contracts;
        this.currentUser = currentUser;
    }

    record NewDraft(Long clientId, Map<String, String> answers) {
    }

    record DraftAnswers(Map<String, String> answers) {
    }

    record Signature(Map<String, String> answers, LocalDate signedOn) {
    }

    record Amendment(String reason) {
    }

    /** {@code version}: for If-Match (also the ETag); {@code status}: the request's state (draft, submitted, decided...). */
    record AidRequestDto(long id, long clientId, String formKey, int formVersion, String status, boolean editable, long version,
                         Map<String, String> answers) {
    }

    /** {@code text}: the number of the text shown (1 the contract, 2 and later its avenants). */
    record ContractDto(long id, long clientId, String formKey, int formVersion, String status, int text, boolean editable, long version,
                       Map<String, String> answers) {
    }

    // --- CASU aid requests

    @Operation(summary = "Creates a draft aid request for a client (the applicant's identity from the client file), with answers if given")
    @PostMapping(path = "/api/aid-requests", consumes = "application/json", produces = "application/json")
    ResponseEntity<AidRequestDto> createAidRequest(@RequestBody NewDraft input) {
        long clientId = requireClient(input.clientId());
        AidRequestDetails created = aid.create(clientId);
        Set<String> hidden = hiddenAid(created);
        if (input.answers() != null && !input.answers().isEmpty()) {
            Map<String, String> answers = new HashMap<>(created.answers());
            answers.putAll(Drafts.writable(hidden, input.answers()));
            created = aid.save(created.id(), created.lockVersion(), answers);
        }
        return ResponseEntity.created(URI.create("/api/aid-requests/" + created.id())).eTag(Drafts.etag(created.lockVersion()))
                .body(aidDto(created, hidden));
    }

    @Operation(summary = "An aid request as it stands (audited)")
    @GetMapping(path = "/api/aid-requests/{id}", produces = "application/json")
    ResponseEntity<AidRequestDto> aidRequest(@PathVariable("id") long id) {
        AidRequestDetails found = aid.open(id);
        return ResponseEntity.ok().eTag(Drafts.etag(found.lockVersion())).body(aidDto(found, hiddenAid(found)));
    }

    @Operation(summary = "Replaces the answers of a draft aid request; If-Match with its version is required")
    @PutMapping(path = "/api/aid-requests/{id}", consumes = "application/json", produces = "application/json")
    ResponseEntity<AidRequestDto> updateAidRequest(@PathVariable("id") long id,
                                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                   @RequestBody DraftAnswers input) {
        AidRequestDetails current = Drafts.matching(ifMatch, aid.open(id), AidRequestDetails::lockVersion);
        Set<String> hidden = hiddenAid(current);
        AidRequestDetails saved = aid.save(id, current.lockVersion(), Drafts.keepHidden(hidden, current.answers(), Drafts.writable(hidden, input.answers())));
        return ResponseEntity.ok().eTag(Drafts.etag(saved.lockVersion())).body(aidDto(saved, hidden));
    }

    @Operation(summary = "Submits a draft aid request (its answers as stored, or those given); If-Match required; 422 with each problem")
    @PostMapping(path = "/api/aid-requests/{id}/submit", produces = "application/json")
    ResponseEntity<AidRequestDto> submitAidRequest(@PathVariable("id") long id,
                                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                   @RequestBody(required = false) DraftAnswers input) {
        AidRequestDetails current = Drafts.matching(ifMatch, aid.open(id), AidRequestDetails::lockVersion);
        Set<String> hidden = hiddenAid(current);
        Map<String, String> answers = input == null || input.answers() == null ? current.answers()
                : Drafts.keepHidden(hidden, current.answers(), Drafts.writable(hidden, input.answers()));
        AidRequestDetails submitted = aid.submit(id, current.lockVersion(), answers);
        return ResponseEntity.ok().eTag(Drafts.etag(submitted.lockVersion())).body(aidDto(submitted, hidden));
    }

    // --- MASP contracts

    @Operation(summary = "Creates a draft MASP contract for a client on the current template, with answers if given")
    @PostMapping(path = "/api/contracts", consumes = "application/json", produces = "application/json")
    ResponseEntity<ContractDto> createContract(@RequestBody NewDraft input) {
        long clientId = requireClient(input.clientId());
        ContractDetails created = contracts.draft(clientId);
        Set<String> hidden = hiddenContract(created);
        if (input.answers() != null && !input.answers().isEmpty()) {
            Map<String, String> answers = new HashMap<>(created.answers());
            answers.putAll(Drafts.writable(hidden, input.answers()));
            created = contracts.save(created.contract().id(), created.lockVersion(), answers);
        }
        return ResponseEntity.created(URI.create("/api/contracts/" + created.contract().id()))
                .eTag(Drafts.etag(created.lockVersion())).body(contractDto(created, hidden));
    }

    @Operation(summary = "A contract with its current text (audited)")
    @GetMapping(path = "/api/contracts/{id}", produces = "application/json")
    ResponseEntity<ContractDto> contract(@PathVariable("id") long id) {
        ContractDetails found = contracts.open(id, java.util.Optional.empty());
        return ResponseEntity.ok().eTag(Drafts.etag(found.lockVersion())).body(contractDto(found, hiddenContract(found)));
    }

    @Operation(summary = "Replaces the answers of the text being drafted (the contract or an avenant); If-Match required")
    @PutMapping(path = "/api/contracts/{id}", consumes = "application/json", produces = "application/json")
    ResponseEntity<ContractDto> updateContract(@PathVariable("id") long id,
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                               @RequestBody DraftAnswers input) {
        ContractDetails current = Drafts.matching(ifMatch, contracts.open(id, java.util.Optional.empty()), ContractDetails::lockVersion);
        Set<String> hidden = hiddenContract(current);
        ContractDetails saved = contracts.save(id, current.lockVersion(), Drafts.keepHidden(hidden, current.answers(), Drafts.writable(hidden, input.answers())));
        return ResponseEntity.ok().eTag(Drafts.etag(saved.lockVersion())).body(contractDto(saved, hidden));
    }

    @Operation(summary = "Signs the text being drafted on signedOn (not in the future); If-Match required; 422 with each problem")
    @PostMapping(path = "/api/contracts/{id}/sign", consumes = "application/json", produces = "application/json")
    ResponseEntity<ContractDto> signContract(@PathVariable("id") long id,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @RequestBody Signature input) {
        ContractDetails current = Drafts.matching(ifMatch, contracts.open(id, java.util.Optional.empty()), ContractDetails::lockVersion);
        if (input.signedOn() == null) {
            throw ApiInputException.invalid("/signedOn", "signedOn is required (the day the text was signed)");
        }
        Set<String> hidden = hiddenContract(current);
        Map<String, String> answers = input.answers() == null ? current.answers()
                : Drafts.keepHidden(hidden, current.answers(), Drafts.writable(hidden, input.answers()));
        ContractDetails signed = contracts.sign(id, current.lockVersion(), answers, input.signedOn());
        return ResponseEntity.ok().eTag(Drafts.etag(signed.lockVersion())).body(contractDto(signed, hidden));
    }

    @Operation(summary = "Opens an avenant of a signed contract with its reason: a new text to change and sign")
    @PostMapping(path = "/api/contracts/{id}/amendments", consumes = "application/json", produces = "application/json")
    ResponseEntity<ContractDto> amendContract(@PathVariable("id") long id, @RequestBody Amendment input) {
        ContractDetails avenant = contracts.amend(id, input.reason());
        return ResponseEntity.created(URI.create("/api/contracts/" + id)).eTag(Drafts.etag(avenant.lockVersion()))
                .body(contractDto(avenant, hiddenContract(avenant)));
    }

    private static long requireClient(Long clientId) {
        if (clientId == null) {
            throw ApiInputException.invalid("/clientId", "clientId is required");
        }
        return clientId;
    }

    private Set<String> hiddenAid(AidRequestDetails details) {
        return aid.hiddenAcrossVersions(details.form().formKey(), currentUser.require().roleNames());
    }

    private Set<String> hiddenContract(ContractDetails details) {
        return contracts.hiddenAcrossVersions(details.form().formKey(), currentUser.require().roleNames());
    }

    private static AidRequestDto aidDto(AidRequestDetails d, Set<String> hidden) {
        return new AidRequestDto(d.id(), d.client().id(), d.form().formKey(), d.form().versionNumber(), d.status().name(), d.editable(),
                d.lockVersion(), new TreeMap<>(FormDefinition.answersOutside(hidden, d.answers())));
    }

    private static ContractDto contractDto(ContractDetails d, Set<String> hidden) {
        return new ContractDto(d.contract().id(), d.client().id(), d.form().formKey(), d.form().versionNumber(), d.contract().status().name(),
                d.versionNumber(), d.editable(), d.lockVersion(), new TreeMap<>(FormDefinition.answersOutside(hidden, d.answers())));
    }
}
