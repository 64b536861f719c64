package org.parcours.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;

/** The agenda's IMASP rule with other policy numbers than the shipped one. */
class ImaspFreshnessAgendaTests {

    private static final LocalDate MEETING = LocalDate.of(2026, 6, 15);

    @Test
    void noSubmittedImaspIsMissing() {
        assertThat(ImaspFreshness.of(null, MEETING, Period.ofMonths(6))).isEqualTo(ImaspFreshness.MISSING);
    }

    @Test
    void anImaspOlderThanThePolicyPeriodIsStaleAndTheBoundaryDayIsStillFresh() {
        assertThat(ImaspFreshness.of(LocalDate.of(2025, 12, 15), MEETING, Period.ofMonths(6))).isEqualTo(ImaspFreshness.OK);
        assertThat(ImaspFreshness.of(LocalDate.of(2025, 12, 14), MEETING, Period.ofMonths(6))).isEqualTo(ImaspFreshness.STALE);
    }

    @Test
    void theSameImaspIsStaleUnderAShorterPolicyPeriod() {
        LocalDate fourMonthsBefore = LocalDate.of(2026, 2, 10);
        assertThat(ImaspFreshness.of(fourMonthsBefore, MEETING, Period.ofMonths(6))).isEqualTo(ImaspFreshness.OK);
        assertThat(ImaspFreshness.of(fourMonthsBefore, MEETING, Period.ofMonths(3))).isEqualTo(ImaspFreshness.STALE);
    }
}
