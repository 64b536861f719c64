package org.parcours.committee.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientStatus;
import org.parcours.formdef.Policy;

/** DOMAIN §1 R3 (age, permanently unfit) and R4 (3-yearly review) with the policy's numbers. */
class RuleFlagsTests {

    static final LocalDate REFERENCE = LocalDate.of(2026, 6, 15);

    static Policy policy(String age, String review) {
        Map<String, String> values = new HashMap<>();
        values.put(RuleFlags.SOCIAL_ONLY_AGE_PATH, age);
        values.put(RuleFlags.REVIEW_EVERY_PATH, review);
        return new Policy("test", values);
    }

    static final RuleFlags RULES = new RuleFlags(policy("60", "P3Y"), REFERENCE);

    @Test
    void theAgeFlagAppliesFromTheBirthdayOfThePolicyAgeNotTheDayBefore() {
        LocalDate sixtyToday = REFERENCE.minusYears(60);
        assertThat(RULES.of(sixtyToday, null, ClientStatus.FOLLOWED, null)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("R3");
            assertThat(f.kind()).isEqualTo(RuleFlag.Kind.SOCIAL_ONLY_AGE);
            assertThat(f.policyPath()).isEqualTo("imasp.social_only_age");
            assertThat(f.policyValue()).isEqualTo("60");
            assertThat(f.dataDate()).isEqualTo(sixtyToday);
            assertThat(f.appliesFrom()).isEqualTo(REFERENCE);
        });
        assertThat(RULES.of(sixtyToday.plusDays(1), null, ClientStatus.FOLLOWED, null)).isEmpty();
        assertThat(RULES.of(null, null, ClientStatus.FOLLOWED, null)).isEmpty();
    }

    @Test
    void theAgeComesFromThePolicy() {
        LocalDate born = REFERENCE.minusYears(58);
        assertThat(RULES.of(born, null, ClientStatus.FOLLOWED, null)).isEmpty();
        RuleFlags younger = new RuleFlags(policy("58", "P3Y"), REFERENCE);
        assertThat(younger.of(born, null, ClientStatus.FOLLOWED, null)).singleElement()
                .satisfies(f -> assertThat(f.policyValue()).isEqualTo("58"));
        RuleFlags older = new RuleFlags(policy("65", "P3Y"), REFERENCE);
        assertThat(older.of(REFERENCE.minusYears(62), null, ClientStatus.FOLLOWED, null)).isEmpty();
    }

    @Test
    void aPermanentlyUnfitClientIsFlaggedFromTheRecordedDate() {
        LocalDate born = LocalDate.of(1980, 5, 17);
        assertThat(RULES.of(born, REFERENCE, ClientStatus.FOLLOWED, null)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("R3");
            assertThat(f.kind()).isEqualTo(RuleFlag.Kind.SOCIAL_ONLY_UNFIT);
            assertThat(f.dataDate()).isEqualTo(REFERENCE);
        });
        assertThat(RULES.of(born, REFERENCE.plusDays(1), ClientStatus.FOLLOWED, null)).isEmpty();
    }

    @Test
    void aSocialOnlyFileIsToBeReopenedAfterThePolicyPeriod() {
        LocalDate born = LocalDate.of(1980, 5, 17);
        LocalDate threeYearsAgo = REFERENCE.minusYears(3);
        assertThat(RULES.of(born, null, ClientStatus.SOCIAL_ACTIVATION_ONLY, threeYearsAgo)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("R4");
            assertThat(f.kind()).isEqualTo(RuleFlag.Kind.REVIEW_DUE);
            assertThat(f.policyPath()).isEqualTo("imasp.social_only_review_every");
            assertThat(f.policyValue()).isEqualTo("P3Y");
            assertThat(f.dataDate()).isEqualTo(threeYearsAgo);
            assertThat(f.appliesFrom()).isEqualTo(REFERENCE);
        });
        assertThat(RULES.of(born, null, ClientStatus.SOCIAL_ACTIVATION_ONLY, threeYearsAgo.plusDays(1))).isEmpty();
        assertThat(RULES.of(born, null, ClientStatus.FOLLOWED, threeYearsAgo.minusYears(1))).isEmpty();
        assertThat(new RuleFlags(policy("60", "P2Y"), REFERENCE).of(born, null, ClientStatus.SOCIAL_ACTIVATION_ONLY,
                threeYearsAgo.plusDays(1))).singleElement().satisfies(f -> assertThat(f.policyValue()).isEqualTo("P2Y"));
    }

    @Test
    void aMissingPolicyNumberDisablesOnlyItsRule() {
        RuleFlags noAge = new RuleFlags(new Policy("test", Map.of(RuleFlags.REVIEW_EVERY_PATH, "P3Y")), REFERENCE);
        assertThat(noAge.of(REFERENCE.minusYears(70), REFERENCE, ClientStatus.SOCIAL_ACTIVATION_ONLY, REFERENCE.minusYears(4)))
                .extracting(RuleFlag::kind).containsExactly(RuleFlag.Kind.SOCIAL_ONLY_UNFIT, RuleFlag.Kind.REVIEW_DUE);
    }
}
