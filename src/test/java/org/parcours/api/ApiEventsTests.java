package org.parcours.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditRecorded;

/** Which audit rows become which integrators' events (plain Java, no Spring). */
class ApiEventsTests {

    private static Optional<String> type(AuditAction action, String target, String detail) {
        return ApiEvents.toEvent(new AuditRecorded(action, target, "7", detail)).map(ApiEvents.Event::type);
    }

    @Test
    void changesOfClientFilesSubmissionsAndDecisionsAreEventsAndReadsAreNot() {
        assertThat(type(AuditAction.CLIENT_CREATED, "client", "created X in team 1")).contains("client.created");
        assertThat(type(AuditAction.CLIENT_UPDATED, "client", "phone: (none) -> 0470")).contains("client.updated");
        assertThat(type(AuditAction.CLIENT_ASSIGNED, "client", "team: Nord -> Sud")).contains("client.updated");
        assertThat(type(AuditAction.EVALUATION_SUBMITTED, "evaluation", "revision 1 submitted")).contains("submission.submitted");
        assertThat(type(AuditAction.AID_REQUEST_SUBMITTED, "aid_request", "1 scheme(s)")).contains("submission.submitted");
        assertThat(type(AuditAction.CONTRACT_SIGNED, "masp_contract", "contract signed")).contains("submission.submitted");
        assertThat(type(AuditAction.EVALUATION_AMENDED, "evaluation", "revision 2 opened")).contains("submission.amended");
        assertThat(type(AuditAction.CONTRACT_AMENDED, "masp_contract", "avenant 1 opened")).contains("submission.amended");
        assertThat(type(AuditAction.DECISION_RECORDED, "committee_decision", "GRANTED")).contains("committee.decision_recorded");
        assertThat(ApiEvents.toEvent(new AuditRecorded(AuditAction.DECISION_RECORDED, "committee_decision", "7", "")))
                .map(ApiEvents.Event::targetType).contains("decision");
        assertThat(ApiEvents.toEvent(new AuditRecorded(AuditAction.CONTRACT_SIGNED, "masp_contract", "7", "")))
                .map(ApiEvents.Event::targetType).contains("contract");

        assertThat(type(AuditAction.CLIENT_READ, "client", "opened client file")).isEmpty();
        assertThat(type(AuditAction.EVALUATION_SAVED, "evaluation", "revision 1")).isEmpty();
        assertThat(type(AuditAction.CLIENTS_LISTED, "client", "list")).isEmpty();
        // a list's target id is "-", a refusal is not a change
        assertThat(ApiEvents.toEvent(new AuditRecorded(AuditAction.CLIENT_UPDATED, "client", "-", ""))).isEmpty();
        assertThat(type(AuditAction.ACCESS_DENIED, "client", "client of another team")).isEmpty();
    }

    @Test
    void aStatusChangeToClosedIsTheClosedEventWhicheverPathMadeIt() {
        assertThat(type(AuditAction.CLIENT_UPDATED, "client", "status: FOLLOWED -> CLOSED; statusSince: 2026-01-01 -> 2026-12-02"))
                .contains("client.closed");
        assertThat(type(AuditAction.CLIENT_UPDATED, "client", "phone: (none) -> 1; status: SOCIAL_ACTIVATION_ONLY -> CLOSED"))
                .contains("client.closed");
        assertThat(type(AuditAction.CLIENT_STATUS_BY_DECISION, "client", "status: FOLLOWED -> CLOSED")).contains("client.closed");
        assertThat(type(AuditAction.CLIENT_UPDATED, "client", "status: CLOSED -> FOLLOWED")).contains("client.updated");
        assertThat(type(AuditAction.CLIENT_UPDATED, "client", "statusReason: a -> status: x -> CLOSED")).contains("client.updated");
    }
}
