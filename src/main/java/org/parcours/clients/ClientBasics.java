package org.parcours.clients;

import java.time.LocalDate;
import java.util.Locale;

/** What the committee reads of a client on its agenda: name, birth date and status, no contact or household data. */
public record ClientBasics(long id, String firstName, String lastName, LocalDate birthDate, ClientStatus status,
                           LocalDate statusSince, LocalDate followUpStart, LocalDate permanentlyUnfitSince) {

    /** As the lists show it: the last name in capitals, then the first name. */
    public String displayName() {
        return lastName.toUpperCase(Locale.ROOT) + " " + firstName;
    }
}
