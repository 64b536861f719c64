package org.parcours.clients.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.ClientValidationException;
import org.parcours.clients.NewClient;
import org.parcours.security.Team;

/**
 * Opens a client file: names, birth date, optional national register number, follow-up start
 * (today by default), team. Errors show at the field; nothing typed is lost.
 */
class NewClientDialog extends Dialog {

    final TextField firstName = new TextField();
    final TextField lastName = new TextField();
    final DatePicker birthDate = new DatePicker();
    final TextField nationalRegisterNumber = new TextField();
    final DatePicker followUpStart = new DatePicker();
    final Select<Team> team = new Select<>();

    NewClientDialog(ClientService clients, List<Team> teams, LocalDate today, Consumer<ClientSummary> onCreated) {
        setHeaderTitle(getTranslation("clients.new"));
        firstName.setLabel(getTranslation("client.firstName"));
        firstName.setId("client-first-name");
        firstName.setRequiredIndicatorVisible(true);
        firstName.setMaxLength(100);
        lastName.setLabel(getTranslation("client.lastName"));
        lastName.setId("client-last-name");
        lastName.setRequiredIndicatorVisible(true);
        lastName.setMaxLength(100);
        birthDate.setLabel(getTranslation("client.birthDate"));
        birthDate.setId("client-birth-date");
        birthDate.setRequiredIndicatorVisible(true);
        birthDate.setLocale(getLocale());
        nationalRegisterNumber.setLabel(getTranslation("client.nrn"));
        nationalRegisterNumber.setHelperText(getTranslation("client.nrn.helper"));
        nationalRegisterNumber.setId("client-nrn");
        nationalRegisterNumber.setMaxLength(20);
        followUpStart.setLabel(getTranslation("client.followUpStart"));
        followUpStart.setId("client-follow-up-start");
        followUpStart.setLocale(getLocale());
        followUpStart.setValue(today);
        team.setLabel(getTranslation("client.team"));
        team.setId("client-team");
        team.setItems(teams);
        team.setItemLabelGenerator(Team::getName);
        if (!teams.isEmpty()) {
            team.setValue(teams.getFirst());
        }
        team.setVisible(teams.size() != 1);

        FormLayout form = new FormLayout(lastName, firstName, birthDate, nationalRegisterNumber, followUpStart, team);
        add(form);
        firstName.focus();

        Button create = new Button(getTranslation("client.create"), e -> {
            clearErrors();
            try {
                ClientSummary created = clients.create(new NewClient(firstName.getValue(), lastName.getValue(),
                        birthDate.getValue(), team.getValue() == null ? -1 : team.getValue().getId(),
                        nationalRegisterNumber.getValue(), followUpStart.getValue()));
                Notification.show(getTranslation("client.created", created.fullName()));
                close();
                onCreated.accept(created);
            } catch (ClientValidationException invalid) {
                invalid.fieldErrors().forEach(this::showError);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.setId("create-client");
        Button cancel = new Button(getTranslation("client.cancel"), e -> close());
        getFooter().add(cancel, create);
    }

    private void clearErrors() {
        firstName.setInvalid(false);
        lastName.setInvalid(false);
        birthDate.setInvalid(false);
        nationalRegisterNumber.setInvalid(false);
        followUpStart.setInvalid(false);
        team.setInvalid(false);
    }

    private void showError(String field, String messageKey) {
        String message = getTranslation(messageKey);
        switch (field) {
            case "firstName" -> { firstName.setErrorMessage(message); firstName.setInvalid(true); }
            case "lastName" -> { lastName.setErrorMessage(message); lastName.setInvalid(true); }
            case "birthDate" -> { birthDate.setErrorMessage(message); birthDate.setInvalid(true); }
            case "nationalRegisterNumber" -> { nationalRegisterNumber.setErrorMessage(message); nationalRegisterNumber.setInvalid(true); }
            case "followUpStart" -> { followUpStart.setErrorMessage(message); followUpStart.setInvalid(true); }
            default -> { team.setVisible(true); team.setErrorMessage(message); team.setInvalid(true); }
        }
    }
}
