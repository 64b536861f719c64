package org.parcours.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parcours.aid.SchemeDecision.GRANTED;
import static org.parcours.aid.SchemeDecision.PARTLY_GRANTED;
import static org.parcours.aid.SchemeDecision.PENDING;
import static org.parcours.aid.SchemeDecision.REFUSED;

import java.util.List;

import org.junit.jupiter.api.Test;

class RequestStatusTests {

    @Test
    void theRequestStatusDerivesFromItsSchemesDecisions() {
        assertThat(RequestStatus.of(false, List.of(GRANTED))).isEqualTo(RequestStatus.DRAFT);
        assertThat(RequestStatus.of(true, List.of(PENDING, PENDING))).isEqualTo(RequestStatus.PENDING);
        assertThat(RequestStatus.of(true, List.of(GRANTED, PENDING))).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(RequestStatus.of(true, List.of(REFUSED, PENDING))).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(RequestStatus.of(true, List.of(GRANTED, GRANTED))).isEqualTo(RequestStatus.GRANTED);
        assertThat(RequestStatus.of(true, List.of(REFUSED, REFUSED))).isEqualTo(RequestStatus.REFUSED);
        assertThat(RequestStatus.of(true, List.of(GRANTED, REFUSED))).isEqualTo(RequestStatus.PARTLY_GRANTED);
        assertThat(RequestStatus.of(true, List.of(PARTLY_GRANTED))).isEqualTo(RequestStatus.PARTLY_GRANTED);
        assertThat(RequestStatus.of(true, List.of(PARTLY_GRANTED, REFUSED))).isEqualTo(RequestStatus.PARTLY_GRANTED);
    }
}
