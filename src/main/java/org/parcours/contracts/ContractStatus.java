package org.parcours.contracts;

/**
 * Where a MASP contract stands. {@link #SIGNED} shows as "active" once its start date is reached
 * (see {@link ContractSummary#shownStatus()}); an avenant being drafted leaves the status as it is.
 */
public enum ContractStatus {
    DRAFT, SIGNED, EVALUATED, RENEWED, ENDED;

    /** The status to show on a given day: a signed contract whose start date is reached is active. */
    public String shown(java.time.LocalDate start, java.time.LocalDate today) {
        return this == SIGNED && start != null && !start.isAfter(today) ? "ACTIVE" : name();
    }
}
