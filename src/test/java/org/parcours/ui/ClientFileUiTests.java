package org.parcours.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientStatus;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.ClientUpdate;
import org.parcours.clients.HouseholdRelationship;
import org.parcours.clients.NationalRegisterNumber;
import org.parcours.clients.ui.ClientListView;
import org.parcours.clients.ui.ClientView;
import org.parcours.security.Team;
import org.parcours.security.UserSummary;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.WORKER_NORTH)
class ClientFileUiTests extends SpringBrowserlessTest {

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ClientService clients;

    @Test
    @SuppressWarnings("unchecked")
    void theEditDialogSavesContactStatusAndHouseholdAndTheFileShowsThem() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Editable");
        navigate(ClientView.class, Map.of(ClientView.CLIENT_ID, String.valueOf(client.id())));

        test(find(Button.class).id("edit-client")).click();
        test(find(TextField.class).id("edit-phone")).setValue("0470 11 22 33");
        test(find(TextField.class).id("edit-email")).setValue("test.editable@example.org");
        test(find(TextArea.class).id("edit-address")).setValue("Rue de la Loi 16, 1000 Bruxelles");
        ((Select<ClientStatus>) find(Select.class).id("edit-status")).setValue(ClientStatus.SOCIAL_ACTIVATION_ONLY);
        test(find(TextArea.class).id("edit-status-reason")).setValue("Inapte définitivement");
        test(find(Button.class).id("edit-household-add")).click();
        test(find(TextField.class).id("edit-household-name-0")).setValue("Nina Editable");
        ((Select<HouseholdRelationship>) find(Select.class).id("edit-household-relationship-0")).setValue(HouseholdRelationship.CHILD);
        test(find(Button.class).id("edit-save")).click();

        assertThat(find(TextField.class).withId("edit-phone").exists()).isFalse();
        assertThat(jdbc.queryForMap("SELECT phone, email, address, status, status_reason FROM client WHERE id = ?", client.id()))
                .containsEntry("phone", "0470 11 22 33")
                .containsEntry("email", "test.editable@example.org")
                .containsEntry("address", "Rue de la Loi 16, 1000 Bruxelles")
                .containsEntry("status", "SOCIAL_ACTIVATION_ONLY")
                .containsEntry("status_reason", "Inapte définitivement");
        assertThat(jdbc.queryForList("SELECT full_name FROM client_household_member WHERE client_id = ?", String.class, client.id()))
                .containsExactly("Nina Editable");
        assertThat(find(Span.class).id("client-phone-value").getText()).isEqualTo("0470 11 22 33");
        assertThat(find(Span.class).id("client-status-value").getText()).isEqualTo("Activation sociale uniquement");
        assertThat(find(Span.class).id("client-status-reason-value").getText()).isEqualTo("Inapte définitivement");
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "client", client.id())).contains("CLIENT_UPDATED");
    }

    @Test
    void anInvalidNationalNumberIsShownAtTheFieldAndWhatWasTypedIsKept() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Mauvais-numéro");
        navigate(ClientView.class, Map.of(ClientView.CLIENT_ID, String.valueOf(client.id())));
        String firstNine = "900215" + String.format("%03d", (int) (client.id() % 997) + 1);
        long check = 97 - Long.parseLong(firstNine) % 97;
        String wrong = firstNine + String.format("%02d", (check + 1) % 100 == 0 ? 1 : (check + 1) % 100);

        test(find(Button.class).id("edit-client")).click();
        test(find(TextField.class).id("edit-phone")).setValue("0471 00 11 22");
        test(find(TextField.class).id("edit-nrn")).setValue(wrong);
        test(find(Button.class).id("edit-save")).click();

        TextField nrn = find(TextField.class).id("edit-nrn");
        assertThat(nrn.isInvalid()).isTrue();
        assertThat(nrn.getErrorMessage()).isEqualTo("Numéro invalide : les chiffres de contrôle ne correspondent pas");
        assertThat(nrn.getValue()).isEqualTo(wrong);
        assertThat(find(TextField.class).id("edit-phone").getValue()).isEqualTo("0471 00 11 22");
        assertThat(find(TextField.class).id("edit-phone").isInvalid()).isFalse();
        assertThat(jdbc.queryForMap("SELECT phone, national_register_number FROM client WHERE id = ?", client.id()))
                .containsEntry("phone", null).containsEntry("national_register_number", null);

        test(find(TextField.class).id("edit-nrn")).setValue("12345");
        test(find(Button.class).id("edit-save")).click();
        assertThat(find(TextField.class).id("edit-nrn").getErrorMessage()).isEqualTo("Saisissez 11 chiffres (AA.MM.JJ-XXX.CC)");
    }

    @Test
    void aWorkerHasNoAssignButton() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Sans-attribution");
        navigate(ClientView.class, Map.of(ClientView.CLIENT_ID, String.valueOf(client.id())));

        assertThat(find(Button.class).withId("edit-client").exists()).isTrue();
        assertThat(find(Button.class).withId("assign-client").exists()).isFalse();
    }

    @Test
    @WithUserDetails(TestUsers.ADMIN)
    @SuppressWarnings("unchecked")
    void anAdministratorAssignsTheFileToATeamAndAWorker() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Attribution-UI");
        navigate(ClientView.class, Map.of(ClientView.CLIENT_ID, String.valueOf(client.id())));

        test(find(Button.class).id("assign-client")).click();
        Select<Team> team = (Select<Team>) find(Select.class).id("assign-team");
        team.setValue(team.getListDataView().getItems().filter(t -> t.getName().equals(TestUsers.TEAM_SOUTH)).findFirst().orElseThrow());
        Select<UserSummary> worker = (Select<UserSummary>) find(Select.class).id("assign-worker");
        assertThat(worker.getListDataView().getItems().map(UserSummary::username)).containsExactly(TestUsers.WORKER_SOUTH);
        worker.setValue(worker.getListDataView().getItems().findFirst().orElseThrow());
        test(find(Button.class).id("assign-save")).click();

        assertThat(jdbc.queryForMap("SELECT team_id, responsible_worker_id FROM client WHERE id = ?", client.id()))
                .containsEntry("team_id", data.teamId(TestUsers.TEAM_SOUTH))
                .containsEntry("responsible_worker_id",
                        jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, TestUsers.WORKER_SOUTH));
        assertThat(find(Span.class).id("client-team-value").getText()).isEqualTo(TestUsers.TEAM_SOUTH);
        assertThat(find(Span.class).id("client-worker-value").getText()).isEqualTo("Travailleur social Sud");
    }

    @Test
    @SuppressWarnings("unchecked")
    void choosingANewStatusDatesItTodayUnlessAnotherDateIsChosen() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Statut-daté");
        navigate(ClientView.class, Map.of(ClientView.CLIENT_ID, String.valueOf(client.id())));

        test(find(Button.class).id("edit-client")).click();
        DatePicker since = find(DatePicker.class).id("edit-status-since");
        LocalDate before = since.getValue();
        Select<ClientStatus> status = (Select<ClientStatus>) find(Select.class).id("edit-status");
        status.setValue(ClientStatus.CLOSED);
        assertThat(since.getValue()).isEqualTo(LocalDate.now());
        status.setValue(client.status());
        assertThat(since.getValue()).isEqualTo(before);

        status.setValue(ClientStatus.CLOSED);
        since.setValue(LocalDate.now().minusDays(10));
        test(find(TextArea.class).id("edit-status-reason")).setValue("Fin de l'aide");
        test(find(Button.class).id("edit-save")).click();

        assertThat(jdbc.queryForObject("SELECT status_since FROM client WHERE id = ?", LocalDate.class, client.id()))
                .isEqualTo(LocalDate.now().minusDays(10));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theListFindsByNationalNumberAndFiltersByStatusAndResponsibleWorker() {
        ClientSummary numbered = data.client(TestUsers.TEAM_NORTH, "Liste-numéro");
        String firstNine = "780101" + String.format("%03d", (int) (numbered.id() % 997) + 1);
        String number = firstNine + String.format("%02d", 97 - Long.parseLong(firstNine) % 97);
        clients.update(numbered.id(), ClientUpdate.of(numbered).withNationalRegisterNumber(number));
        ClientSummary closed = data.client(TestUsers.TEAM_NORTH, "Liste-clôturé");
        clients.update(closed.id(), ClientUpdate.of(closed).withStatus(ClientStatus.CLOSED, null, "Parti"));
        ClientSummary nobodys = data.client(TestUsers.TEAM_NORTH, "Liste-sans-responsable");
        data.as(TestUsers.ADMIN, "ADMIN", () -> clients.assign(nobodys.id(), data.teamId(TestUsers.TEAM_NORTH), Optional.empty()));

        navigate(ClientListView.class);
        Grid<ClientSummary> grid = find(Grid.class).id("client-grid");
        assertThat(find(Select.class).withId("client-team-filter").exists()).isFalse();

        test(find(TextField.class).id("client-search")).setValue(NationalRegisterNumber.format(number));
        assertThat(grid.getListDataView().getItems().map(ClientSummary::id)).containsExactly(numbered.id());

        test(find(TextField.class).id("client-search")).setValue("liste-");
        assertThat(grid.getListDataView().getItems().map(ClientSummary::id))
                .contains(numbered.id(), closed.id(), nobodys.id());
        ((Select<ClientStatus>) find(Select.class).id("client-status-filter")).setValue(ClientStatus.CLOSED);
        assertThat(grid.getListDataView().getItems().map(ClientSummary::id)).containsExactly(closed.id());
        ((Select<ClientStatus>) find(Select.class).id("client-status-filter")).setValue(null);
        find(Checkbox.class).id("client-mine-only").setValue(true);
        assertThat(grid.getListDataView().getItems().map(ClientSummary::id))
                .contains(numbered.id(), closed.id()).doesNotContain(nobodys.id());
    }

    @Test
    @WithUserDetails(TestUsers.ADMIN)
    @SuppressWarnings("unchecked")
    void anAdministratorFiltersTheListByTeam() {
        ClientSummary north = data.client(TestUsers.TEAM_NORTH, "Liste-équipe");
        ClientSummary south = data.client(TestUsers.TEAM_SOUTH, "Liste-équipe");

        navigate(ClientListView.class);
        Grid<ClientSummary> grid = find(Grid.class).id("client-grid");
        test(find(TextField.class).id("client-search")).setValue("liste-equipe");
        assertThat(grid.getListDataView().getItems().map(ClientSummary::id)).contains(north.id(), south.id());

        Select<Team> team = (Select<Team>) find(Select.class).id("client-team-filter");
        assertThat(team.isVisible()).isTrue();
        team.setValue(team.getListDataView().getItems().filter(t -> t.getName().equals(TestUsers.TEAM_SOUTH)).findFirst().orElseThrow());
        assertThat(grid.getListDataView().getItems().map(ClientSummary::id)).containsExactly(south.id());
    }
}
