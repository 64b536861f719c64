package org.parcours.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.committee.AgendaQuestion;
import org.parcours.committee.MeetingService;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
public class ContractServiceTests {

    static final LocalDate TODAY = LocalDate.now();

    @Autowired
    ContractService contracts;

    @Autowired
    ClientService clients;

    @Autowired
    MeetingService meetings;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    /** A complete contract text: level 1, one objective, commitments, start and duration, adhesion. */
    public static Map<String, String> text(LocalDate start, int months) {
        Map<String, String> a = new HashMap<>();
        a.put("level", "1");
        a.put("objectives", "1");
        a.put("objectives.1.objective", "Pay the rent every month");
        a.put("objectives.1.evaluation_criteria", "Rent receipts for each month");
        a.put("person_commitments", "Bring the receipts to each meeting");
        a.put("service_commitments", "Meet the person every fortnight");
        a.put("start_date", start.toString());
        a.put("duration_months", String.valueOf(months));
        a.put("person_adhesion", "true");
        a.put("adhesion_date", TODAY.toString());
        return a;
    }

    ContractDetails signed(ClientSummary client, LocalDate start, int months) {
        ContractDetails draft = contracts.draft(client.id());
        return contracts.sign(draft.id(), draft.lockVersion(), text(start, months), TODAY);
    }

    @Test
    void aWorkerDraftsAndSignsAContractThenAnAvenantKeepsTheEarlierTextInTheHistory() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "MaspSign");
        ContractDetails draft = contracts.draft(client.id());
        assertThat(draft.contract().status()).isEqualTo(ContractStatus.DRAFT);
        assertThat(draft.editable()).isTrue();

        ContractDetails saved = contracts.save(draft.id(), draft.lockVersion(), Map.of("level", "2"));
        assertThatThrownBy(() -> contracts.sign(draft.id(), saved.lockVersion(), Map.of("level", "2"), TODAY))
                .isInstanceOf(IncompleteContractException.class)
                .satisfies(e -> assertThat(((IncompleteContractException) e).issues()).extracting(i -> i.path())
                        .contains("delegate", "person_commitments", "start_date", "duration_months"));

        Map<String, String> refused = text(TODAY.minusDays(3), 6);
        refused.put("person_adhesion", "false");
        refused.remove("adhesion_date");
        assertThatThrownBy(() -> contracts.sign(draft.id(), saved.lockVersion(), refused, TODAY))
                .isInstanceOf(ContractException.class).hasMessageContaining("adhesion");

        ContractDetails signed = contracts.sign(draft.id(), saved.lockVersion(), text(TODAY.minusDays(3), 6), TODAY);
        assertThat(signed.contract().status()).isEqualTo(ContractStatus.SIGNED);
        assertThat(signed.contract().shownStatus()).isEqualTo("ACTIVE");
        assertThat(signed.contract().endDate()).contains(TODAY.minusDays(3).plusMonths(6).minusDays(1));
        assertThat(signed.editable()).isFalse();
        assertThatThrownBy(() -> contracts.save(draft.id(), signed.lockVersion(), text(TODAY, 3)))
                .isInstanceOf(ContractException.class).hasMessageContaining("avenant");

        assertThatThrownBy(() -> contracts.amend(draft.id(), " ")).isInstanceOf(ContractException.class);
        ContractDetails avenant = contracts.amend(draft.id(), "Level 2: a delegate pays the rent");
        assertThat(avenant.versionNumber()).isEqualTo(2);
        assertThat(avenant.contract().amendmentInProgress()).isTrue();
        Map<String, String> changed = text(TODAY.minusDays(3), 5);
        changed.put("level", "2");
        changed.put("delegate", "UDAF du Loiret");
        changed.put("managed_benefits", "housing");
        ContractDetails afterAvenant = contracts.sign(draft.id(), avenant.lockVersion(), changed, TODAY);
        assertThat(afterAvenant.contract().level()).contains("2");
        assertThat(afterAvenant.contract().durationMonths()).contains(5);
        assertThat(afterAvenant.versions()).extracting(VersionSummary::number, VersionSummary::signed, v -> v.reason().orElse(""),
                        v -> v.signedOn().orElse(null))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, true, "", TODAY),
                        org.assertj.core.groups.Tuple.tuple(2, true, "Level 2: a delegate pays the rent", TODAY));

        ContractDetails first = contracts.open(draft.id(), Optional.of(1));
        assertThat(first.answers()).containsEntry("duration_months", "6").containsEntry("level", "1");
        assertThat(first.editable()).isFalse();
        assertThat(contracts.open(draft.id(), Optional.empty()).answers()).containsEntry("duration_months", "5");
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "masp_contract", draft.id())).contains("CONTRACT_CREATED",
                "CONTRACT_SAVED", "CONTRACT_SIGNED", "CONTRACT_AMENDED", "CONTRACT_READ");
    }

    @Test
    void aRenewalWithoutAPriorEvaluationIsRefusedAndAfterItStartsTheDayAfterTheEnd() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "MaspRenew");
        ContractDetails contract = signed(client, TODAY.minusMonths(5), 6);

        assertThatThrownBy(() -> contracts.renew(contract.id(), 6)).isInstanceOf(ContractException.class)
                .hasMessageContaining("prior evaluation")
                .satisfies(e -> assertThat(((ContractException) e).messageKey()).isEqualTo("contract.error.renewalNeedsEvaluation"));
        assertThatThrownBy(() -> contracts.evaluate(contract.id(), Map.of(), "Rent paid most months", TODAY))
                .isInstanceOf(ContractException.class).hasMessageContaining("Objective 1 has no result");

        ContractDetails evaluated = contracts.evaluate(contract.id(), Map.of(1, ObjectiveResult.PARTLY_MET), "Rent paid most months", TODAY);
        assertThat(evaluated.contract().status()).isEqualTo(ContractStatus.EVALUATED);
        assertThatThrownBy(() -> contracts.renew(contract.id(), 7)).isInstanceOf(ContractException.class)
                .hasMessageContaining("3 to 6 months");

        ContractDetails renewal = contracts.renew(contract.id(), 4);
        assertThat(renewal.contract().previousContractId()).contains(contract.id());
        assertThat(renewal.contract().status()).isEqualTo(ContractStatus.DRAFT);
        assertThat(renewal.answers()).containsEntry("start_date", contract.contract().endDate().orElseThrow().plusDays(1).toString())
                .containsEntry("duration_months", "4").containsEntry("is_renewal", "true")
                .containsEntry("prior_evaluation", "Rent paid most months").doesNotContainKey("person_adhesion");
        assertThat(renewal.earlierMonths()).isEqualTo(6);
        assertThat(contracts.open(contract.id(), Optional.empty()).contract().status()).isEqualTo(ContractStatus.RENEWED);
        assertThat(contracts.ofClient(client.id())).hasSize(2);
    }

    @Test
    void theContractAndItsRenewalsNeverExceedFourYearsWithAClearMessage() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "MaspCap");
        ContractDetails current = signed(client, TODAY.minusYears(4), 6);
        for (int i = 1; i < 8; i++) {
            contracts.evaluate(current.id(), Map.of(1, ObjectiveResult.MET), "Evaluation " + i, TODAY);
            ContractDetails renewal = contracts.renew(current.id(), 6);
            Map<String, String> text = new HashMap<>(renewal.answers());
            text.put("person_adhesion", "true");
            text.put("adhesion_date", TODAY.toString());
            current = contracts.sign(renewal.id(), renewal.lockVersion(), text, TODAY);
        }
        assertThat(current.earlierMonths()).isEqualTo(42);
        long last = current.id();
        contracts.evaluate(last, Map.of(1, ObjectiveResult.MET), "Evaluation 8", TODAY);
        assertThatThrownBy(() -> contracts.renew(last, 3)).isInstanceOf(ContractException.class)
                .hasMessage("The contract and its renewals would last 51 months; the maximum is 48 months (48 months already, at most 0 left)");
        assertThat(contracts.open(last, Optional.empty()).contract().status()).isEqualTo(ContractStatus.EVALUATED);

        ContractDetails ended = contracts.end(last, EndOutcome.OBJECTIVES_MET, "Four years reached", TODAY);
        assertThat(ended.contract().status()).isEqualTo(ContractStatus.ENDED);
        assertThat(ended.endOutcome()).contains(EndOutcome.OBJECTIVES_MET);
    }

    @Test
    void anAvenantCannotStretchARenewalBeyondTheCap() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "MaspCapAvenant");
        ContractDetails current = signed(client, TODAY.minusYears(4), 6);
        int[] renewals = {6, 6, 6, 6, 6, 4, 3, 3};
        for (int i = 0; i < renewals.length; i++) {
            contracts.evaluate(current.id(), Map.of(1, ObjectiveResult.MET), "Evaluation " + i, TODAY);
            ContractDetails renewal = contracts.renew(current.id(), renewals[i]);
            Map<String, String> text = new HashMap<>(renewal.answers());
            text.put("person_adhesion", "true");
            text.put("adhesion_date", TODAY.toString());
            current = contracts.sign(renewal.id(), renewal.lockVersion(), text, TODAY);
        }
        ContractDetails avenant = contracts.amend(current.id(), "Longer");
        Map<String, String> longer = new HashMap<>(avenant.answers());
        longer.put("duration_months", "6");
        assertThatThrownBy(() -> contracts.sign(avenant.id(), avenant.lockVersion(), longer, TODAY))
                .isInstanceOf(ContractException.class).hasMessageContaining("would last 49 months; the maximum is 48 months");
        longer.put("duration_months", "5");
        assertThat(contracts.sign(avenant.id(), avenant.lockVersion(), longer, TODAY).contract().durationMonths()).contains(5);
    }

    @Test
    void unpaidRentIsATriggerOnlyAfterTwoConsecutiveRecordedMonthsAndGoesOnTheCommitteeAgenda() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "MaspUnpaid");
        YearMonth now = YearMonth.from(TODAY);
        contracts.recordPayment(client.id(), now.minusMonths(3), new BigDecimal("450.00"), new BigDecimal("0"));
        contracts.recordPayment(client.id(), now.minusMonths(2), new BigDecimal("450.00"), new BigDecimal("450.00"));
        contracts.recordPayment(client.id(), now.minusMonths(1), new BigDecimal("450.00"), new BigDecimal("100.00"));
        assertThat(contracts.unpaidStreak(client.id())).isEqualTo(1);
        assertThatThrownBy(() -> contracts.escalate(client.id(), Optional.empty(), EscalationTrigger.UNPAID_RENT, null, Optional.empty()))
                .isInstanceOf(ContractException.class).hasMessageContaining("1 consecutive month(s)");

        contracts.recordPayment(client.id(), now, new BigDecimal("450.00"), new BigDecimal("0"));
        assertThat(contracts.unpaidStreak(client.id())).isEqualTo(2);
        long meetingId = data.as(TestUsers.COMMITTEE, "COMMITTEE", () -> meetings.create(TODAY.plusDays(7), List.of("Chair"))).id();
        EscalationView escalation = contracts.escalate(client.id(), Optional.empty(), EscalationTrigger.UNPAID_RENT,
                "Landlord's letter of 3 November", Optional.of(meetingId));
        assertThat(escalation.unpaidMonths()).contains(2);
        assertThat(escalation.agendaItemId()).isPresent();
        assertThat(contracts.escalations(client.id())).singleElement().extracting(EscalationView::trigger)
                .isEqualTo(EscalationTrigger.UNPAID_RENT);
        assertThat(data.as(TestUsers.COMMITTEE, "COMMITTEE", () -> meetings.meeting(meetingId)).agenda()).singleElement()
                .satisfies(e -> {
                    assertThat(e.question()).isEqualTo(AgendaQuestion.JUDICIAL_MEASURE);
                    assertThat(e.questionText()).contains("UNPAID_RENT (2)");
                });

        assertThatThrownBy(() -> contracts.escalate(client.id(), Optional.empty(), EscalationTrigger.BREACH, " ", Optional.empty()))
                .isInstanceOf(ContractException.class);
        assertThat(contracts.escalate(client.id(), Optional.empty(), EscalationTrigger.REFUSAL, null, Optional.empty()).trigger())
                .isEqualTo(EscalationTrigger.REFUSAL);
    }

    @Test
    void anotherTeamsWorkerCannotSeeOrChangeContractsAndTheAttemptIsAudited() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "MaspHidden");
        ContractDetails contract = signed(client, TODAY, 6);
        long denied = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'ACCESS_DENIED'", Long.class,
                TestUsers.WORKER_SOUTH);
        assertThatThrownBy(() -> data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> contracts.open(contract.id(), Optional.empty())))
                .isInstanceOf(ContractNotFoundException.class);
        assertThatThrownBy(() -> data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> contracts.amend(contract.id(), "Mine now")))
                .isInstanceOf(ContractNotFoundException.class);
        assertThatThrownBy(() -> data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> contracts.ofClient(client.id())))
                .isInstanceOf(ClientNotFoundException.class);
        assertThatThrownBy(() -> data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> contracts.draft(client.id())))
                .isInstanceOf(ClientNotFoundException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'ACCESS_DENIED'", Long.class,
                TestUsers.WORKER_SOUTH)).isEqualTo(denied + 4);
        assertThat(contracts.open(contract.id(), Optional.empty()).versions()).hasSize(1);
    }

    @Test
    void theWorklistAsksForTheEvaluationBeforeTheEndThenShowsTheContractEndingSoon() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "MaspDue");
        ContractDetails contract = signed(client, TODAY.minusMonths(5).minusDays(10), 6);
        assertThat(contracts.due(clients.visibleClients())).filteredOn(d -> d.contractId() == contract.id()).singleElement()
                .satisfies(d -> {
                    assertThat(d.kind()).isEqualTo(ContractDue.Kind.EVALUATION_DUE);
                    assertThat(d.overdue()).isFalse();
                });
        contracts.evaluate(contract.id(), Map.of(1, ObjectiveResult.MET), "Done", TODAY);
        assertThat(contracts.due(clients.visibleClients())).filteredOn(d -> d.contractId() == contract.id()).singleElement()
                .extracting(ContractDue::kind).isEqualTo(ContractDue.Kind.ENDING_SOON);
        assertThat(data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> contracts.due(clients.visibleClients())))
                .noneMatch(d -> d.contractId() == contract.id());

        ClientSummary later = data.client(TestUsers.TEAM_NORTH, "MaspNotDue");
        ContractDetails fresh = signed(later, TODAY, 6);
        assertThat(contracts.due(clients.visibleClients())).noneMatch(d -> d.contractId() == fresh.id());
    }
}
