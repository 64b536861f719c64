package org.parcours.programmes.engine;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the rules and schedules know about a client. {@code status} is written as in the
 * declarations: {@code followed}, {@code social-only} or {@code closed}.
 */
public record ClientFacts(long clientId, String name, Optional<LocalDate> birthDate, String status, Optional<LocalDate> statusSince,
                          Optional<LocalDate> followUpStart, Optional<LocalDate> permanentlyUnfitSince) {

    public static final String FOLLOWED = "followed";
    public static final String SOCIAL_ONLY = "social-only";
    public static final String CLOSED = "closed";

    public boolean closed() {
        return CLOSED.equals(status);
    }

    /** Whole years on {@code day}; -1 when the birth date is unknown. */
    public long age(LocalDate day) {
        return birthDate.map(b -> (long) java.time.Period.between(b, day).getYears()).orElse(-1L);
    }

    public boolean permanentlyUnfitOn(LocalDate day) {
        return permanentlyUnfitSince.filter(since -> !since.isAfter(day)).isPresent();
    }
}
