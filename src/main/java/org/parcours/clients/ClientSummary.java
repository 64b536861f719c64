package org.parcours.clients;

import java.time.LocalDate;

/** A client file as other modules and views see it. */
public record ClientSummary(long id, String firstName, String lastName, LocalDate birthDate, long teamId, String teamName) {

    public String fullName() {
        return lastName.toUpperCase(java.util.Locale.ROOT) + " " + firstName;
    }
}
