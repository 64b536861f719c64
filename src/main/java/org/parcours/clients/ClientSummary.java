package org.parcours.clients;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A client file as other modules and views see it. {@code nationalRegisterNumber} holds the 11
 * stored digits (null when unknown); {@code responsibleWorkerId}/{@code responsibleWorkerName}
 * are null when nobody is responsible. {@code permanentlyUnfitSince} is the date from which the
 * client is recorded as permanently unfit for work (DOMAIN §1 R3), null when not recorded.
 */
public record ClientSummary(long id, String firstName, String lastName, LocalDate birthDate, long teamId, String teamName,
                            String nationalRegisterNumber, String phone, String email, String address,
                            Long responsibleWorkerId, String responsibleWorkerName, LocalDate followUpStart,
                            ClientStatus status, LocalDate statusSince, String statusReason,
                            List<HouseholdMember> household, LocalDate permanentlyUnfitSince) {

    public ClientSummary {
        household = household == null ? List.of() : List.copyOf(household);
    }

    public String fullName() {
        return lastName.toUpperCase(Locale.ROOT) + " " + firstName;
    }

    /** YY.MM.DD-XXX.CC, or null when unknown. */
    public String nationalRegisterNumberFormatted() {
        return NationalRegisterNumber.format(nationalRegisterNumber);
    }
}
