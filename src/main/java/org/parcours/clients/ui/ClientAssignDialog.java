package org.parcours.clients.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;

import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.ClientValidationException;
import org.parcours.security.Team;
import org.parcours.security.UserAccounts;
import org.parcours.security.UserSummary;

/**
 * Administrators: gives a client file to a team and, optionally, a responsible worker of that
 * team (the list follows the chosen team). Enter saves, Escape cancels.
 */
class ClientAssignDialog extends Dialog {

    final Select<Team> team = new Select<>();
    final Select<UserSummary> worker = new Select<>();
    private final UserAccounts accounts;

    ClientAssignDialog(ClientService clients, UserAccounts accounts, ClientSummary client, Consumer<ClientSummary> onAssigned) {
        this.accounts = accounts;
        setHeaderTitle(getTranslation("client.assign.title"));
        List<Team> teams = accounts.allTeams();
        team.setLabel(getTranslation("client.team"));
        team.setId("assign-team");
        team.setItems(teams);
        team.setItemLabelGenerator(Team::getName);
        worker.setLabel(getTranslation("client.responsibleWorker"));
        worker.setId("assign-worker");
        worker.setEmptySelectionAllowed(true);
        worker.setEmptySelectionCaption(getTranslation("client.noResponsibleWorker"));
        worker.setItemLabelGenerator(u -> u == null ? getTranslation("client.noResponsibleWorker") : u.displayName());
        team.addValueChangeListener(e -> workersOf(e.getValue(), null));
        teams.stream().filter(t -> t.getId() == client.teamId()).findFirst().ifPresent(team::setValue);
        workersOf(team.getValue(), client.responsibleWorkerId());
        add(new FormLayout(team, worker));

        Button save = new Button(getTranslation("client.save"), e -> {
            team.setInvalid(false);
            worker.setInvalid(false);
            try {
                ClientSummary assigned = clients.assign(client.id(), team.getValue() == null ? -1 : team.getValue().getId(),
                        Optional.ofNullable(worker.getValue()).map(UserSummary::id));
                Notification.show(getTranslation("client.assigned"));
                close();
                onAssigned.accept(assigned);
            } catch (ClientValidationException invalid) {
                invalid.fieldErrors().forEach((field, key) -> {
                    Select<?> target = field.equals("team") ? team : worker;
                    target.setErrorMessage(getTranslation(key));
                    target.setInvalid(true);
                });
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(this);
        save.setId("assign-save");
        Button cancel = new Button(getTranslation("client.cancel"), e -> close());
        getFooter().add(cancel, save);
        team.focus();
    }

    private void workersOf(Team selected, Long current) {
        List<UserSummary> workers = selected == null ? List.of() : accounts.workersOf(selected.getId());
        worker.setItems(workers);
        worker.setValue(workers.stream().filter(u -> current != null && u.id() == current).findFirst().orElse(null));
    }
}
