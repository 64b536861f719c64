package org.parcours.clients;

import java.time.LocalDate;

/** What a worker enters to open a client file. */
public record NewClient(String firstName, String lastName, LocalDate birthDate, long teamId) {
}
