package org.parcours.clients;

import java.time.LocalDate;

/** A person living with the client; birth date optional. */
public record HouseholdMember(String fullName, LocalDate birthDate, HouseholdRelationship relationship) {
}
