package org.parcours.clients;

import java.time.LocalDate;

/**
 * What a worker enters to open a client file. The national register number and the follow-up
 * start are optional (null).
 */
public record NewClient(String firstName, String lastName, LocalDate birthDate, long teamId,
                        String nationalRegisterNumber, LocalDate followUpStart) {

    public NewClient(String firstName, String lastName, LocalDate birthDate, long teamId) {
        this(firstName, lastName, birthDate, teamId, null, null);
    }
}
