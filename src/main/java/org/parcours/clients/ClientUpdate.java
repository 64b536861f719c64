package org.parcours.clients;

import java.time.LocalDate;
import java.util.List;

/**
 * The editable content of a client file (team and responsible worker are changed by
 * {@link ClientService#assign}). Optional texts may be null or blank.
 */
public record ClientUpdate(String firstName, String lastName, LocalDate birthDate, String nationalRegisterNumber,
                           String phone, String email, String address, LocalDate followUpStart,
                           ClientStatus status, LocalDate statusSince, String statusReason,
                           List<HouseholdMember> household) {

    public ClientUpdate {
        household = household == null ? List.of() : List.copyOf(household);
    }

    /** The current content of a file, to change a few fields. */
    public static ClientUpdate of(ClientSummary c) {
        return new ClientUpdate(c.firstName(), c.lastName(), c.birthDate(), c.nationalRegisterNumber(), c.phone(),
                c.email(), c.address(), c.followUpStart(), c.status(), c.statusSince(), c.statusReason(), c.household());
    }

    public ClientUpdate withPhone(String value) {
        return new ClientUpdate(firstName, lastName, birthDate, nationalRegisterNumber, value, email, address,
                followUpStart, status, statusSince, statusReason, household);
    }

    public ClientUpdate withNationalRegisterNumber(String value) {
        return new ClientUpdate(firstName, lastName, birthDate, value, phone, email, address,
                followUpStart, status, statusSince, statusReason, household);
    }

    public ClientUpdate withStatus(ClientStatus value, LocalDate since, String reason) {
        return new ClientUpdate(firstName, lastName, birthDate, nationalRegisterNumber, phone, email, address,
                followUpStart, value, since, reason, household);
    }

    public ClientUpdate withHousehold(List<HouseholdMember> value) {
        return new ClientUpdate(firstName, lastName, birthDate, nationalRegisterNumber, phone, email, address,
                followUpStart, status, statusSince, statusReason, value);
    }
}
