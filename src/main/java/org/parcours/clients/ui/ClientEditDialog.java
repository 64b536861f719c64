package org.parcours.clients.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.parcours.clients.ClientService;
import org.parcours.clients.ClientStatus;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.ClientUpdate;
import org.parcours.clients.ClientValidationException;
import org.parcours.clients.HouseholdMember;
import org.parcours.clients.HouseholdRelationship;

/**
 * Edits a client file: identity, contact, household, follow-up start and status. Errors show at
 * the fields and the first one gets the focus; nothing typed is lost; nothing is saved until
 * every field is acceptable. Keyboard: the first field has the focus, Ctrl+Enter saves (Enter
 * stays a new line in the address and reason), Escape cancels.
 */
class ClientEditDialog extends Dialog {

    final TextField firstName = new TextField();
    final TextField lastName = new TextField();
    final DatePicker birthDate = new DatePicker();
    final TextField nationalRegisterNumber = new TextField();
    final TextField phone = new TextField();
    final TextField email = new TextField();
    final TextArea address = new TextArea();
    final DatePicker followUpStart = new DatePicker();
    final Select<ClientStatus> status = new Select<>();
    final DatePicker statusSince = new DatePicker();
    final TextArea statusReason = new TextArea();
    private final VerticalLayout householdRows = new VerticalLayout();
    private final List<MemberRow> members = new ArrayList<>();

    ClientEditDialog(ClientService clients, ClientSummary client, LocalDate today, Consumer<ClientSummary> onSaved) {
        setHeaderTitle(getTranslation("client.edit.title"));
        setWidth("min(60em, 95vw)");

        text(lastName, "client.lastName", "edit-last-name", 100, client.lastName());
        lastName.setRequiredIndicatorVisible(true);
        text(firstName, "client.firstName", "edit-first-name", 100, client.firstName());
        firstName.setRequiredIndicatorVisible(true);
        date(birthDate, "client.birthDate", "edit-birth-date", client.birthDate());
        birthDate.setRequiredIndicatorVisible(true);
        text(nationalRegisterNumber, "client.nrn", "edit-nrn", 20, client.nationalRegisterNumberFormatted());
        nationalRegisterNumber.setHelperText(getTranslation("client.nrn.helper"));
        text(phone, "client.phone", "edit-phone", 40, client.phone());
        text(email, "client.email", "edit-email", 254, client.email());
        address.setLabel(getTranslation("client.address"));
        address.setId("edit-address");
        address.setMaxLength(300);
        address.setValue(client.address() == null ? "" : client.address());
        date(followUpStart, "client.followUpStart", "edit-follow-up-start", client.followUpStart());
        status.setLabel(getTranslation("client.status"));
        status.setId("edit-status");
        status.setItems(ClientStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("client.status." + s.name()));
        status.setValue(client.status());
        status.addValueChangeListener(e -> {
            statusReason.setRequiredIndicatorVisible(e.getValue() != null && e.getValue().requiresReason());
            // a new status starts today unless the user already chose its date
            LocalDate untouched = e.getOldValue() == client.status() ? client.statusSince() : today;
            if (Objects.equals(statusSince.getValue(), untouched)) {
                statusSince.setValue(e.getValue() == client.status() ? client.statusSince() : today);
            }
        });
        date(statusSince, "client.statusSince", "edit-status-since", client.statusSince());
        statusReason.setLabel(getTranslation("client.statusReason"));
        statusReason.setId("edit-status-reason");
        statusReason.setMaxLength(1000);
        statusReason.setValue(client.statusReason() == null ? "" : client.statusReason());
        statusReason.setRequiredIndicatorVisible(client.status().requiresReason());

        FormLayout identity = new FormLayout(lastName, firstName, birthDate, nationalRegisterNumber);
        FormLayout contact = new FormLayout(phone, email, address);
        contact.setColspan(address, 2);
        FormLayout followUp = new FormLayout(followUpStart, status, statusSince, statusReason);
        followUp.setColspan(statusReason, 2);

        householdRows.setPadding(false);
        householdRows.setSpacing(false);
        householdRows.setId("edit-household");
        client.household().forEach(this::addMember);
        Button addMember = new Button(getTranslation("client.household.add"), VaadinIcon.PLUS.create(),
                e -> addMember(new HouseholdMember("", null, HouseholdRelationship.CHILD)));
        addMember.setId("edit-household-add");
        addMember.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        add(new H4(getTranslation("client.section.identity")), identity,
                new H4(getTranslation("client.section.contact")), contact,
                new H4(getTranslation("client.section.household")), householdRows, addMember,
                new H4(getTranslation("client.section.followUp")), followUp);

        Button save = new Button(getTranslation("client.save"), e -> {
            clearErrors();
            try {
                ClientSummary saved = clients.update(client.id(), update());
                Notification.show(getTranslation("client.saved"));
                close();
                onSaved.accept(saved);
            } catch (ClientValidationException invalid) {
                invalid.fieldErrors().forEach(this::showError);
                focusFirstError();
                Notification.show(getTranslation("client.error.fixFields"));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(this);
        save.setTooltipText(getTranslation("client.save.shortcut"));
        save.setId("edit-save");
        Button cancel = new Button(getTranslation("client.cancel"), e -> close());
        cancel.setId("edit-cancel");
        getFooter().add(cancel, save);
        lastName.focus();
    }

    ClientUpdate update() {
        return new ClientUpdate(firstName.getValue(), lastName.getValue(), birthDate.getValue(),
                nationalRegisterNumber.getValue(), phone.getValue(), email.getValue(), address.getValue(),
                followUpStart.getValue(), status.getValue(), statusSince.getValue(), statusReason.getValue(),
                members.stream().map(MemberRow::value).toList());
    }

    private void addMember(HouseholdMember member) {
        MemberRow row = new MemberRow(member);
        members.add(row);
        householdRows.add(row.layout);
        renumber();
    }

    private void removeMember(MemberRow row) {
        members.remove(row);
        householdRows.remove(row.layout);
        renumber();
    }

    private void renumber() {
        for (int i = 0; i < members.size(); i++) {
            members.get(i).number(i);
        }
    }

    /** Every field, in the order they appear. */
    private List<HasValidation> fields() {
        List<HasValidation> fields = new ArrayList<>(List.of(lastName, firstName, birthDate, nationalRegisterNumber,
                phone, email, address));
        members.forEach(row -> fields.addAll(List.of(row.fullName, row.birthDate, row.relationship)));
        fields.addAll(List.of(followUpStart, status, statusSince, statusReason));
        return fields;
    }

    private void clearErrors() {
        fields().forEach(field -> field.setInvalid(false));
    }

    private void focusFirstError() {
        fields().stream().filter(HasValidation::isInvalid).findFirst()
                .ifPresent(field -> ((Focusable<?>) field).focus());
    }

    private void showError(String field, String messageKey) {
        String message = getTranslation(messageKey);
        HasValidation target = switch (field) {
            case "firstName" -> firstName;
            case "lastName" -> lastName;
            case "birthDate" -> birthDate;
            case "nationalRegisterNumber" -> nationalRegisterNumber;
            case "phone" -> phone;
            case "email" -> email;
            case "address" -> address;
            case "followUpStart" -> followUpStart;
            case "status" -> status;
            case "statusSince" -> statusSince;
            case "statusReason" -> statusReason;
            default -> memberField(field);
        };
        if (target != null) {
            target.setErrorMessage(message);
            target.setInvalid(true);
        }
    }

    /** "household.2.fullName" to the field of the third member's row. */
    private HasValidation memberField(String field) {
        String[] parts = field.split("\\.");
        if (parts.length != 3 || !parts[0].equals("household")) {
            return null;
        }
        int index = Integer.parseInt(parts[1]);
        if (index < 0 || index >= members.size()) {
            return null;
        }
        MemberRow row = members.get(index);
        return switch (parts[2]) {
            case "fullName" -> row.fullName;
            case "birthDate" -> row.birthDate;
            case "relationship" -> row.relationship;
            default -> null;
        };
    }

    private void text(TextField field, String labelKey, String id, int maxLength, String value) {
        field.setLabel(getTranslation(labelKey));
        field.setId(id);
        field.setMaxLength(maxLength);
        field.setValue(value == null ? "" : value);
    }

    private void date(DatePicker field, String labelKey, String id, LocalDate value) {
        field.setLabel(getTranslation(labelKey));
        field.setId(id);
        field.setLocale(getLocale());
        field.setValue(value);
    }

    /** One household member: name, birth date, relationship, remove. */
    private final class MemberRow {
        final TextField fullName = new TextField();
        final DatePicker birthDate = new DatePicker();
        final Select<HouseholdRelationship> relationship = new Select<>();
        final Button remove = new Button(VaadinIcon.TRASH.create());
        final HorizontalLayout layout;

        MemberRow(HouseholdMember member) {
            fullName.setLabel(getTranslation("client.household.fullName"));
            fullName.setMaxLength(200);
            fullName.setRequiredIndicatorVisible(true);
            fullName.setValue(member.fullName() == null ? "" : member.fullName());
            birthDate.setLabel(getTranslation("client.household.birthDate"));
            birthDate.setLocale(getLocale());
            birthDate.setValue(member.birthDate());
            relationship.setLabel(getTranslation("client.household.relationship"));
            relationship.setItems(HouseholdRelationship.values());
            relationship.setItemLabelGenerator(r -> getTranslation("client.relationship." + r.name()));
            relationship.setValue(member.relationship());
            remove.setAriaLabel(getTranslation("client.household.remove"));
            remove.setTooltipText(getTranslation("client.household.remove"));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.addClickListener(e -> removeMember(this));
            layout = new HorizontalLayout(fullName, birthDate, relationship, remove);
            layout.setAlignItems(FlexComponent.Alignment.BASELINE);
        }

        void number(int i) {
            fullName.setId("edit-household-name-" + i);
            birthDate.setId("edit-household-birth-date-" + i);
            relationship.setId("edit-household-relationship-" + i);
            remove.setId("edit-household-remove-" + i);
        }

        HouseholdMember value() {
            return new HouseholdMember(fullName.getValue(), birthDate.getValue(), relationship.getValue());
        }
    }
}
