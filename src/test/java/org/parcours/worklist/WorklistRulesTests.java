package org.parcours.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.parcours.formdef.Policy;
import org.parcours.worklist.WorklistRules.ClientFacts;
import org.parcours.worklist.WorklistRules.Reason;

class WorklistRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static Policy policy(String firstAfter) {
        return new Policy("test", Map.of("imasp.first_evaluation_after", firstAfter, "imasp.reevaluate_every", "P4M",
                "imasp.social_only_review_every", "P3Y", "worklist.due_soon_within", "P1M"));
    }

    static ClientFacts followed(long id, LocalDate start, LocalDate lastImasp) {
        return new ClientFacts(id, "client " + id, Optional.of(start), Optional.ofNullable(lastImasp), false, Optional.empty(), false);
    }

    @Test
    void theFirstImaspFallsDueAfterThePolicyPeriodOfFollowUp() {
        ClientFacts started = followed(1, LocalDate.of(2026, 8, 1), null);

        assertThat(new WorklistRules(policy("P3M")).due(List.of(started), TODAY))
                .singleElement().satisfies(d -> {
                    assertThat(d.reason()).isEqualTo(Reason.FIRST_IMASP);
                    assertThat(d.due()).isEqualTo(LocalDate.of(2026, 11, 1));
                    assertThat(d.overdue()).isTrue();
                });
    }

    @Test
    void changingThePolicyNumberChangesTheWorklist() {
        ClientFacts started = followed(1, LocalDate.of(2026, 8, 1), null);

        assertThat(new WorklistRules(policy("P3M")).due(List.of(started), TODAY)).hasSize(1);
        assertThat(new WorklistRules(policy("P6M")).due(List.of(started), TODAY)).isEmpty();
        assertThat(new WorklistRules(policy("P2M")).due(List.of(started), TODAY))
                .singleElement().satisfies(d -> assertThat(d.due()).isEqualTo(LocalDate.of(2026, 10, 1)));
    }

    @Test
    void reevaluationsFollowTheLastSubmittedImaspAndSocialOnlyFilesTheirStatusDate() {
        WorklistRules rules = new WorklistRules(policy("P3M"));
        ClientFacts evaluated = followed(1, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 8, 10));
        ClientFacts recent = followed(2, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 11, 1));
        ClientFacts socialOnly = new ClientFacts(3, "c", Optional.empty(), Optional.empty(), true, Optional.of(LocalDate.of(2023, 12, 1)), false);
        ClientFacts closed = new ClientFacts(4, "d", Optional.of(LocalDate.of(2020, 1, 1)), Optional.empty(), false, Optional.empty(), true);

        List<WorklistRules.Due> due = rules.due(List.of(evaluated, recent, socialOnly, closed), TODAY);

        assertThat(due).extracting(WorklistRules.Due::clientId).containsExactly(3L, 1L);
        assertThat(due.get(0).reason()).isEqualTo(Reason.SOCIAL_ONLY_REVIEW);
        assertThat(due.get(0).due()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(due.get(0).overdue()).isFalse();
        assertThat(due.get(1).due()).isEqualTo(LocalDate.of(2026, 12, 10));
    }

    @Test
    void aClientWithoutFollowUpDateIsNotGuessed() {
        ClientFacts unknown = new ClientFacts(1, "x", Optional.empty(), Optional.empty(), false, Optional.empty(), false);

        assertThat(new WorklistRules(policy("P3M")).next(unknown)).isEmpty();
    }
}
