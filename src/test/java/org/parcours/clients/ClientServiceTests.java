package org.parcours.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
class ClientServiceTests {

    @Autowired
    ClientService clients;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    /** Serial numbers (XXX) unique within a run, so national register numbers never collide. */
    private static final AtomicInteger SERIAL = new AtomicInteger(ThreadLocalRandom.current().nextInt(100, 600));

    /** Check digits computed here, independently of the production code: 97 - (n mod 97). */
    static String withCheckDigits(String firstNine, boolean bornFrom2000) {
        long n = Long.parseLong((bornFrom2000 ? "2" : "") + firstNine);
        return firstNine + String.format("%02d", 97 - n % 97);
    }

    static String formatted(String digits) {
        return digits.substring(0, 2) + "." + digits.substring(2, 4) + "." + digits.substring(4, 6) + "-"
                + digits.substring(6, 9) + "." + digits.substring(9);
    }

    /** A valid, unused number of someone born on 1985-07-30. */
    static String freshNumber() {
        return withCheckDigits(String.format("850730%03d", SERIAL.incrementAndGet()), false);
    }

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void aWorkerCreatesAClientInTheirTeamAndTheCreationIsAudited() {
        ClientSummary created = clients.create(new NewClient("  Anne ", "Dupont", LocalDate.of(1975, 3, 2), data.teamId(TestUsers.TEAM_NORTH)));

        assertThat(created.firstName()).isEqualTo("Anne");
        assertThat(clients.visibleClients()).extracting(ClientSummary::id).contains(created.id());
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "client", created.id())).containsExactly("CLIENT_CREATED");
    }

    @Test
    @WithUserDetails(TestUsers.WORKER_SOUTH)
    void aWorkerNeitherSeesNorOpensAnotherTeamsClientAndTheAttemptIsAudited() {
        ClientSummary north = data.client(TestUsers.TEAM_NORTH, "Nordique");

        assertThat(clients.visibleClients()).extracting(ClientSummary::id).doesNotContain(north.id());
        assertThatThrownBy(() -> clients.open(north.id())).isInstanceOf(ClientNotFoundException.class);
        assertThat(data.auditActions(TestUsers.WORKER_SOUTH, "client", north.id())).containsExactly("ACCESS_DENIED");
    }

    @Test
    @WithUserDetails(TestUsers.ADMIN)
    void anAdministratorSeesTheClientsOfEveryTeam() {
        ClientSummary north = data.client(TestUsers.TEAM_NORTH, "Admin-visible-N");
        ClientSummary south = data.client(TestUsers.TEAM_SOUTH, "Admin-visible-S");

        assertThat(clients.visibleClients()).extracting(ClientSummary::id).contains(north.id(), south.id());
    }

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void invalidInputIsRefusedFieldByFieldAndNothingIsSaved() {
        long before = data.count("client");

        assertThatThrownBy(() -> clients.create(new NewClient(" ", "x".repeat(101), LocalDate.now().plusDays(1),
                data.teamId(TestUsers.TEAM_SOUTH))))
                .isInstanceOfSatisfying(ClientValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("firstName", "client.error.required")
                        .containsEntry("lastName", "client.error.tooLong")
                        .containsEntry("birthDate", "client.error.birthDateFuture")
                        .containsEntry("team", "client.error.team"));
        assertThat(data.count("client")).isEqualTo(before);
    }

    // ---- national register number ------------------------------------------------------

    @Test
    void aNationalRegisterNumberIsReadFormattedOrAsDigitsAndItsCheckDigitsAreVerified() {
        String digits = withCheckDigits("850730033", false);

        for (String text : List.of(digits, formatted(digits), " " + digits.substring(0, 6) + " " + digits.substring(6) + " ",
                digits.substring(0, 6) + "-" + digits.substring(6, 9) + "-" + digits.substring(9))) {
            NationalRegisterNumber parsed = NationalRegisterNumber.parse(text);
            assertThat(parsed.digits()).isEqualTo(digits);
            assertThat(parsed.formatted()).isEqualTo(formatted(digits));
        }
        String wrongCheck = digits.substring(0, 9) + String.format("%02d", (Integer.parseInt(digits.substring(9)) + 1) % 100);
        assertThat(NationalRegisterNumber.problemOf(wrongCheck)).contains(NationalRegisterNumber.Problem.CHECKSUM);
        assertThat(NationalRegisterNumber.problemOf("8507300331")).contains(NationalRegisterNumber.Problem.FORMAT);
        assertThat(NationalRegisterNumber.problemOf("85073003312a")).contains(NationalRegisterNumber.Problem.FORMAT);
        assertThat(NationalRegisterNumber.problemOf("85/07/30-033.10")).contains(NationalRegisterNumber.Problem.FORMAT);
        assertThat(NationalRegisterNumber.tryParse(null)).isEmpty();
        assertThatThrownBy(() -> NationalRegisterNumber.parse(wrongCheck)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forPeopleBornFrom2000TheCheckDigitsAreComputedWithALeading2() {
        String firstNine = "010203123";
        String from2000 = withCheckDigits(firstNine, true);
        String before2000 = withCheckDigits(firstNine, false);
        assertThat(from2000).isNotEqualTo(before2000);

        assertThat(NationalRegisterNumber.parse(formatted(from2000)).digits()).isEqualTo(from2000);
        assertThat(NationalRegisterNumber.problemOf(from2000)).isEmpty();
        assertThat(NationalRegisterNumber.problemOf(before2000)).isEmpty();
        String neither = firstNine + "00";
        assertThat(NationalRegisterNumber.problemOf(neither)).contains(NationalRegisterNumber.Problem.CHECKSUM);
    }

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void aNewClientMayCarryANationalNumberAndAFollowUpStart() {
        String number = freshNumber();
        ClientSummary created = clients.create(new NewClient("Lina", "Numéro", LocalDate.of(1985, 7, 30),
                data.teamId(TestUsers.TEAM_NORTH), formatted(number), LocalDate.of(2024, 1, 15)));

        assertThat(created.nationalRegisterNumber()).isEqualTo(number);
        assertThat(created.followUpStart()).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(created.status()).isEqualTo(ClientStatus.FOLLOWED);
        assertThat(jdbc.queryForObject("SELECT national_register_number FROM client WHERE id = ?", String.class, created.id()))
                .isEqualTo(number);

        assertThatThrownBy(() -> clients.create(new NewClient("Copie", "Numéro", LocalDate.of(1985, 7, 30),
                data.teamId(TestUsers.TEAM_NORTH), number, null)))
                .isInstanceOfSatisfying(ClientValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("nationalRegisterNumber", "client.error.nrnTaken"));
        String wrong = number.substring(0, 9) + (number.endsWith("00") ? "01" : "00");
        assertThatThrownBy(() -> clients.create(new NewClient("Faux", "Numéro", LocalDate.of(1985, 7, 30),
                data.teamId(TestUsers.TEAM_NORTH), wrong, null)))
                .isInstanceOfSatisfying(ClientValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("nationalRegisterNumber", "client.error.nrnChecksum"));
    }

    // ---- update --------------------------------------------------------------------------

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void aWorkerUpdatesAFileOfTheirTeamAndTheAuditListsBeforeAndAfter() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Modifiable");
        String number = freshNumber();

        ClientSummary updated = clients.update(client.id(), ClientUpdate.of(client)
                .withPhone("0470 12 34 56")
                .withNationalRegisterNumber(formatted(number))
                .withStatus(ClientStatus.CLOSED, LocalDate.now().minusDays(2), "Déménagement hors commune")
                .withHousehold(List.of(new HouseholdMember(" Léa Modifiable ", LocalDate.of(2012, 4, 1), HouseholdRelationship.CHILD),
                        new HouseholdMember("Marc Modifiable", null, HouseholdRelationship.PARTNER))));

        assertThat(updated.phone()).isEqualTo("0470 12 34 56");
        assertThat(updated.nationalRegisterNumber()).isEqualTo(number);
        assertThat(updated.status()).isEqualTo(ClientStatus.CLOSED);
        assertThat(updated.household()).extracting(HouseholdMember::fullName).containsExactly("Léa Modifiable", "Marc Modifiable");
        assertThat(clients.open(client.id()).household()).hasSize(2);
        assertThat(jdbc.queryForList("SELECT full_name FROM client_household_member WHERE client_id = ? ORDER BY position",
                String.class, client.id())).containsExactly("Léa Modifiable", "Marc Modifiable");
        assertThat(jdbc.queryForObject("SELECT status FROM client WHERE id = ?", String.class, client.id())).isEqualTo("CLOSED");

        String detail = jdbc.queryForObject("""
                SELECT detail FROM audit_event WHERE action = 'CLIENT_UPDATED' AND target_type = 'client' AND target_id = ?""",
                String.class, String.valueOf(client.id()));
        assertThat(detail)
                .contains("phone: (none) -> 0470 12 34 56")
                .contains("status: FOLLOWED -> CLOSED")
                .contains("statusReason: (none) -> Déménagement hors commune")
                .contains("nationalRegisterNumber: (none) -> " + formatted(number))
                .doesNotContain("firstName");
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "client", client.id())).contains("CLIENT_UPDATED");

        clients.update(client.id(), ClientUpdate.of(updated).withPhone("+32 2 555 12 12").withHousehold(List.of()));
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE action = 'CLIENT_UPDATED' AND target_id = ? ORDER BY id",
                String.class, String.valueOf(client.id())).getLast())
                .contains("phone: 0470 12 34 56 -> +32 2 555 12 12").contains("household: [Léa Modifiable");
        assertThat(data.count("client_household_member WHERE client_id = " + client.id())).isZero();
    }

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void aReasonIsRequiredForSocialActivationOnlyAndClosedAndInvalidUpdatesSaveNothing() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Sans-motif");
        long audits = data.count("audit_event");

        for (ClientStatus status : List.of(ClientStatus.SOCIAL_ACTIVATION_ONLY, ClientStatus.CLOSED)) {
            assertThatThrownBy(() -> clients.update(client.id(), ClientUpdate.of(client).withPhone("0470 00 00 00")
                    .withStatus(status, LocalDate.now(), "  ")))
                    .isInstanceOfSatisfying(ClientValidationException.class, e -> assertThat(e.fieldErrors())
                            .containsOnlyKeys("statusReason").containsEntry("statusReason", "client.error.statusReasonRequired"));
        }
        assertThatThrownBy(() -> clients.update(client.id(), new ClientUpdate("", "Sans-motif", client.birthDate(), "12345",
                "pas un numéro", "pas-un-email", null, client.birthDate().minusDays(1), ClientStatus.FOLLOWED, LocalDate.now().plusDays(3),
                null, List.of(new HouseholdMember(" ", null, null)))))
                .isInstanceOfSatisfying(ClientValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("firstName", "client.error.required")
                        .containsEntry("nationalRegisterNumber", "client.error.nrnFormat")
                        .containsEntry("phone", "client.error.phone")
                        .containsEntry("email", "client.error.email")
                        .containsEntry("followUpStart", "client.error.followUpBeforeBirth")
                        .containsEntry("statusSince", "client.error.dateFuture")
                        .containsEntry("household.0.fullName", "client.error.required")
                        .containsEntry("household.0.relationship", "client.error.required"));

        assertThat(jdbc.queryForMap("SELECT phone, status FROM client WHERE id = ?", client.id()))
                .containsEntry("phone", null).containsEntry("status", "FOLLOWED");
        assertThat(data.count("audit_event")).isEqualTo(audits);

        ClientSummary social = clients.update(client.id(), ClientUpdate.of(client)
                .withStatus(ClientStatus.SOCIAL_ACTIVATION_ONLY, null, "Plus de 60 ans (R3)"));
        assertThat(social.statusSince()).isEqualTo(LocalDate.now());
        assertThat(social.statusReason()).isEqualTo("Plus de 60 ans (R3)");
    }

    @Test
    @WithUserDetails(TestUsers.WORKER_SOUTH)
    void anotherTeamsClientCannotBeUpdatedAndTheAttemptIsAudited() {
        ClientSummary north = data.client(TestUsers.TEAM_NORTH, "Intouchable");

        assertThatThrownBy(() -> clients.update(north.id(), ClientUpdate.of(north).withPhone("0470 99 99 99")))
                .isInstanceOf(ClientNotFoundException.class);
        assertThat(data.auditActions(TestUsers.WORKER_SOUTH, "client", north.id())).containsExactly("ACCESS_DENIED");
        assertThat(jdbc.queryForObject("SELECT phone FROM client WHERE id = ?", String.class, north.id())).isNull();
    }

    // ---- assignment ------------------------------------------------------------------------

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void onlyAnAdministratorAssignsAFile() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Non-attribuable");

        assertThatThrownBy(() -> clients.assign(client.id(), data.teamId(TestUsers.TEAM_SOUTH), Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "client", client.id())).contains("ACCESS_DENIED");
        assertThat(jdbc.queryForObject("SELECT team_id FROM client WHERE id = ?", Long.class, client.id()))
                .isEqualTo(data.teamId(TestUsers.TEAM_NORTH));
    }

    @Test
    @WithUserDetails(TestUsers.ADMIN)
    void theResponsibleWorkerMustBeAWorkerOfTheTeamAndAssignmentsAreAudited() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Attribuable");
        long north = data.teamId(TestUsers.TEAM_NORTH);
        long south = data.teamId(TestUsers.TEAM_SOUTH);
        long workerNorth = userId(TestUsers.WORKER_NORTH);
        long workerSouth = userId(TestUsers.WORKER_SOUTH);
        long committee = userId(TestUsers.COMMITTEE);

        for (long notAWorkerOfSouth : List.of(workerNorth, committee, 999_999L)) {
            assertThatThrownBy(() -> clients.assign(client.id(), south, Optional.of(notAWorkerOfSouth)))
                    .isInstanceOfSatisfying(ClientValidationException.class, e -> assertThat(e.fieldErrors())
                            .containsEntry("responsibleWorker", "client.error.workerNotInTeam"));
        }
        assertThatThrownBy(() -> clients.assign(client.id(), 999_999L, Optional.empty()))
                .isInstanceOfSatisfying(ClientValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("team", "client.error.team"));
        assertThat(jdbc.queryForObject("SELECT team_id FROM client WHERE id = ?", Long.class, client.id())).isEqualTo(north);

        ClientSummary assigned = clients.assign(client.id(), south, Optional.of(workerSouth));
        assertThat(assigned.teamId()).isEqualTo(south);
        assertThat(assigned.responsibleWorkerId()).isEqualTo(workerSouth);
        assertThat(data.auditActions(TestUsers.ADMIN, "client", client.id())).contains("CLIENT_ASSIGNED");
        assertThat(jdbc.queryForObject("""
                SELECT detail FROM audit_event WHERE action = 'CLIENT_ASSIGNED' AND target_id = ?""", String.class,
                String.valueOf(client.id())))
                .contains("team: " + TestUsers.TEAM_NORTH + " -> " + TestUsers.TEAM_SOUTH)
                .contains("responsibleWorker: ").contains("-> Travailleur social Sud");

        assertThat(data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> clients.visibleClients()))
                .extracting(ClientSummary::id).contains(client.id());
        assertThat(data.as(TestUsers.WORKER_NORTH, "WORKER", () -> clients.visibleClients()))
                .extracting(ClientSummary::id).doesNotContain(client.id());
    }

    // ---- search ------------------------------------------------------------------------------

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void clientsAreFoundByNameOrNumberByStatusAndByResponsibleWorker() {
        String number = freshNumber();
        ClientSummary mine = clients.create(new NewClient("Élodie", "Bérangère-Filtre", LocalDate.of(1985, 7, 30),
                data.teamId(TestUsers.TEAM_NORTH), number, null));
        ClientSummary other = data.client(TestUsers.TEAM_NORTH, "Autre-Filtre");
        data.as(TestUsers.ADMIN, "ADMIN", () -> clients.assign(other.id(), data.teamId(TestUsers.TEAM_NORTH), Optional.empty()));
        clients.update(other.id(), ClientUpdate.of(other).withStatus(ClientStatus.CLOSED, LocalDate.now(), "Fin du suivi"));

        assertThat(ids(new ClientFilter("berangere-filtre", null, false))).containsExactly(mine.id());
        assertThat(ids(new ClientFilter("ELODIE BÉRANGÈRE", null, false))).containsExactly(mine.id());
        assertThat(ids(new ClientFilter(formatted(number), null, false))).containsExactly(mine.id());
        assertThat(ids(new ClientFilter(number.substring(0, 9), null, false))).contains(mine.id()).doesNotContain(other.id());
        assertThat(ids(new ClientFilter("filtre", ClientStatus.CLOSED, false))).containsExactly(other.id());
        assertThat(ids(new ClientFilter("filtre", ClientStatus.FOLLOWED, false))).containsExactly(mine.id());
        assertThat(ids(new ClientFilter("filtre", null, true))).containsExactly(mine.id());
        assertThat(ids(new ClientFilter(null, null, true))).contains(mine.id()).doesNotContain(other.id());
        assertThat(ids(ClientFilter.ALL)).contains(mine.id(), other.id());
        assertThat(clients.visibleClients()).extracting(ClientSummary::id).contains(mine.id(), other.id());
    }

    @Test
    @WithUserDetails(TestUsers.ADMIN)
    void theTeamFilterNarrowsAnAdministratorsListButNeverWidensAWorkers() {
        ClientSummary north = data.client(TestUsers.TEAM_NORTH, "Tri-par-équipe");
        ClientSummary south = data.client(TestUsers.TEAM_SOUTH, "Tri-par-équipe");
        long northId = data.teamId(TestUsers.TEAM_NORTH);
        long southId = data.teamId(TestUsers.TEAM_SOUTH);

        assertThat(ids(ClientFilter.text("tri-par-equipe"))).containsExactlyInAnyOrder(north.id(), south.id());
        assertThat(ids(ClientFilter.text("tri-par-equipe").withTeam(southId))).containsExactly(south.id());
        assertThat(ids(new ClientFilter("TRI-PAR-ÉQUIPE", northId, ClientStatus.FOLLOWED, false))).containsExactly(north.id());
        assertThat(data.as(TestUsers.WORKER_NORTH, "WORKER", () -> ids(ClientFilter.text("tri-par-equipe").withTeam(southId))))
                .isEmpty();
    }

    @Test
    @WithUserDetails(TestUsers.ADMIN)
    void anAdministratorNamesTheResponsibleWorkerByIdAndTheWorkerFindsTheFileAmongTheirOwn() {
        ClientSummary client = data.client(TestUsers.TEAM_SOUTH, "Mien-Sud");
        long south = data.teamId(TestUsers.TEAM_SOUTH);
        long workerSouth = userId(TestUsers.WORKER_SOUTH);
        assertThat(clients.assign(client.id(), south, Optional.empty()).responsibleWorkerId()).isNull();
        assertThat(data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> ids(new ClientFilter("mien-sud", null, true)))).isEmpty();

        ClientSummary assigned = clients.assign(client.id(), south, workerSouth);

        assertThat(assigned.responsibleWorkerName()).isEqualTo("Travailleur social Sud");
        assertThat(data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> ids(new ClientFilter("mien-sud", null, true))))
                .containsExactly(client.id());
        assertThat(data.as(TestUsers.WORKER_NORTH, "WORKER", () -> ids(new ClientFilter("mien-sud", null, false))))
                .isEmpty();
    }

    private List<Long> ids(ClientFilter filter) {
        return clients.visibleClients(filter).stream().map(ClientSummary::id).toList();
    }

    private long userId(String username) {
        return jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, username);
    }
}
