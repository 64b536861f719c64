package org.parcours.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
class ClientServiceTests {

    @Autowired
    ClientService clients;

    @Autowired
    TestData data;

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
}
