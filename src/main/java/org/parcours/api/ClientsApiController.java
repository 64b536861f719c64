package org.parcours.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.parcours.clients.ClientService;
import org.parcours.clients.ClientStatus;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.ClientUpdate;
import org.parcours.clients.ClientValidationException;
import org.parcours.clients.HouseholdMember;
import org.parcours.clients.NewClient;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Client files over the API, through {@link ClientService}: the UI's team and role rules (a
 * worker reads and changes only their teams' clients, only an administrator assigns), its
 * validation (field by field, nothing saved) and its audit rows.
 */
@RestController
@RequestMapping(path = "/api/clients", produces = "application/json")
@Tag(name = "clients")
class ClientsApiController {

    private final ClientService clients;
    private final ApiClients lists;

    ClientsApiController(ClientService clients, ApiClients lists) {
        this.clients = clients;
        this.lists = lists;
    }

    record ClientDto(long id, String firstName, String lastName, LocalDate birthDate, long teamId, String team,
                     String nationalRegisterNumber, String status, LocalDate statusSince, String statusReason, LocalDate followUpStart,
                     String phone, String email, String address, Long responsibleWorkerId, List<HouseholdMember> household) {
        static ClientDto of(ClientSummary c) {
            return new ClientDto(c.id(), c.firstName(), c.lastName(), c.birthDate(), c.teamId(), c.teamName(),
                    c.nationalRegisterNumber(), c.status() == null ? null : c.status().name(), c.statusSince(), c.statusReason(),
                    c.followUpStart(), c.phone(), c.email(), c.address(), c.responsibleWorkerId(), c.household());
        }
    }

    record NewClientDto(String firstName, String lastName, LocalDate birthDate, Long teamId, String nationalRegisterNumber,
                        LocalDate followUpStart) {
    }

    /** The whole editable content of a file: a field left out is cleared (status excepted: it is required). */
    record ClientUpdateDto(String firstName, String lastName, LocalDate birthDate, String nationalRegisterNumber, String phone,
                           String email, String address, LocalDate followUpStart, ClientStatus status, LocalDate statusSince,
                           String statusReason, List<HouseholdMember> household) {
    }

    record CloseDto(String reason, LocalDate since) {
    }

    record AssignmentDto(Long teamId, Long responsibleWorkerId) {
    }

    record SearchDto(String nationalRegisterNumber) {
    }

    @Operation(summary = "The client files the token's user may see, by id; pages with limit/cursor (Link rel=next), "
            + "updated-since for the files created or changed since an instant (audited, one row per page)")
    @GetMapping
    ResponseEntity<List<ClientDto>> clients(@RequestParam(name = "limit", required = false) Integer limit,
                                            @RequestParam(name = "cursor", required = false) String cursor,
                                            @RequestParam(name = "updated-since", required = false) String updatedSince) {
        Paging.Page<ClientSummary> page = lists.page(Paging.of(limit, cursor, updatedSince));
        return ResponseEntity.ok().headers(page.headers()).body(page.rows().stream().map(ClientDto::of).toList());
    }

    @Operation(summary = "One client file (audited); 404 when it does not exist or belongs to another team")
    @GetMapping("/{id}")
    ClientDto client(@PathVariable("id") long id) {
        return ClientDto.of(clients.open(id));
    }

    @Operation(summary = "The visible client file with exactly this national register number (sent in the body, so that it stays "
            + "out of URLs and access logs): a list of zero or one; audited without the number. Read-only tokens may use it.")
    @PostMapping(path = "/search", consumes = "application/json")
    List<ClientDto> search(@RequestBody SearchDto search) {
        return lists.byNationalRegisterNumber(search.nationalRegisterNumber()).stream().map(ClientDto::of).toList();
    }

    @Operation(summary = "Creates a client file in a team the user belongs to (an administrator: any team); 422 with the fields at fault")
    @PostMapping(consumes = "application/json")
    ResponseEntity<ClientDto> create(@RequestBody NewClientDto input) {
        if (input.teamId() == null) {
            throw ApiInputException.invalid("/teamId", "teamId is required");
        }
        ClientSummary created = clients.create(new NewClient(input.firstName(), input.lastName(), input.birthDate(), input.teamId(),
                input.nationalRegisterNumber(), input.followUpStart()));
        return ResponseEntity.created(URI.create("/api/clients/" + created.id())).body(ClientDto.of(created));
    }

    @Operation(summary = "Replaces the editable content of a client file (team and worker: see assignment)")
    @PutMapping(path = "/{id}", consumes = "application/json")
    ClientDto update(@PathVariable("id") long id, @RequestBody ClientUpdateDto input) {
        return ClientDto.of(clients.update(id, new ClientUpdate(input.firstName(), input.lastName(), input.birthDate(),
                input.nationalRegisterNumber(), input.phone(), input.email(), input.address(), input.followUpStart(), input.status(),
                input.statusSince(), input.statusReason(), input.household())));
    }

    @Operation(summary = "Closes a client file with a reason (since today unless given)")
    @PostMapping(path = "/{id}/close", consumes = "application/json")
    ClientDto close(@PathVariable("id") long id, @RequestBody CloseDto input) {
        ClientSummary current = clients.requireVisible(id);
        try {
            return ClientDto.of(clients.update(id, ClientUpdate.of(current).withStatus(ClientStatus.CLOSED,
                    Optional.ofNullable(input.since()).orElse(current.status() == ClientStatus.CLOSED ? current.statusSince() : null),
                    input.reason())));
        } catch (ClientValidationException e) {
            // this body names the status's reason and date "reason" and "since"
            Map<String, String> renamed = new LinkedHashMap<>();
            e.fieldErrors().forEach((field, key) -> renamed.put(switch (field) {
                case "statusReason" -> "reason";
                case "statusSince" -> "since";
                default -> field;
            }, key));
            throw new ClientValidationException(renamed);
        }
    }

    @Operation(summary = "Assigns a client file to a team and optionally a responsible worker of it: administrators only (403 otherwise)")
    @PutMapping(path = "/{id}/assignment", consumes = "application/json")
    ClientDto assign(@PathVariable("id") long id, @RequestBody AssignmentDto input) {
        if (input.teamId() == null) {
            throw ApiInputException.invalid("/teamId", "teamId is required");
        }
        return ClientDto.of(clients.assign(id, input.teamId(), Optional.ofNullable(input.responsibleWorkerId())));
    }
}
