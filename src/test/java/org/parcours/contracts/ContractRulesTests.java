package org.parcours.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parcours.contracts.ContractRules.MonthPayment;
import org.parcours.formdef.Policy;

class ContractRulesTests {

    static Policy policy(String min, String max, String total, String unpaid) {
        return new Policy("test", Map.of("masp.contract_duration_min", min, "masp.contract_duration_max", max,
                "masp.total_max", total, "masp.unpaid_rent_months_for_judicial", unpaid, "masp.evaluate_before_end", "P1M"));
    }

    static MonthPayment month(String month, String due, String paid) {
        return new MonthPayment(YearMonth.parse(month), new BigDecimal(due), new BigDecimal(paid));
    }

    @Test
    void theDurationRangeComesFromThePolicy() {
        ContractRules loiret = new ContractRules(policy("P3M", "P6M", "P4Y", "2"));
        assertThatCode(() -> loiret.checkDuration(3)).doesNotThrowAnyException();
        assertThatCode(() -> loiret.checkDuration(6)).doesNotThrowAnyException();
        assertThatThrownBy(() -> loiret.checkDuration(7)).isInstanceOf(ContractException.class)
                .hasMessageContaining("3 to 6 months");
        assertThatThrownBy(() -> loiret.checkDuration(2)).isInstanceOf(ContractException.class);

        ContractRules law = new ContractRules(policy("P6M", "P2Y", "P4Y", "2"));
        assertThatCode(() -> law.checkDuration(24)).doesNotThrowAnyException();
        assertThatThrownBy(() -> law.checkDuration(3)).isInstanceOf(ContractException.class).hasMessageContaining("6 to 24 months");
    }

    @Test
    void theTotalAcrossRenewalsIsCappedByThePolicyWithTheMonthsLeftInTheMessage() {
        ContractRules rules = new ContractRules(policy("P3M", "P6M", "P4Y", "2"));
        assertThatCode(() -> rules.checkTotal(42, 6)).doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.checkTotal(45, 6)).isInstanceOf(ContractException.class)
                .hasMessage("The contract and its renewals would last 51 months; the maximum is 48 months (45 months already, at most 3 left)")
                .satisfies(e -> assertThat(((ContractException) e).messageKey()).isEqualTo("contract.error.totalCap"));
        assertThatCode(() -> new ContractRules(policy("P3M", "P6M", "P5Y", "2")).checkTotal(45, 6)).doesNotThrowAnyException();
    }

    @Test
    void unpaidMonthsCountBackFromTheLatestRecordedMonthAndAGapOrAPaidMonthStopsTheCount() {
        assertThat(ContractRules.unpaidStreak(List.of())).isZero();
        assertThat(ContractRules.unpaidStreak(List.of(month("2026-08", "500", "0"), month("2026-09", "500", "500"),
                month("2026-10", "500", "200"), month("2026-11", "500", "0")))).isEqualTo(2);
        assertThat(ContractRules.unpaidStreak(List.of(month("2026-10", "500", "0"), month("2026-11", "500", "500")))).isZero();
        assertThat(ContractRules.unpaidStreak(List.of(month("2026-08", "500", "0"), month("2026-10", "500", "0")))).isEqualTo(1);
        assertThat(ContractRules.unpaidStreak(List.of(month("2026-11", "500", "0"), month("2026-10", "500", "0"),
                month("2026-09", "500", "0")))).isEqualTo(3);

        ContractRules two = new ContractRules(policy("P3M", "P6M", "P4Y", "2"));
        assertThatThrownBy(() -> two.checkUnpaidTrigger(1)).isInstanceOf(ContractException.class)
                .hasMessageContaining("1 consecutive month(s)").hasMessageContaining("2 are needed");
        assertThatCode(() -> two.checkUnpaidTrigger(2)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new ContractRules(policy("P3M", "P6M", "P4Y", "3")).checkUnpaidTrigger(2))
                .isInstanceOf(ContractException.class);
    }

    @Test
    void theEvaluationFallsDueThePolicyPeriodBeforeTheEnd() {
        assertThat(new ContractRules(policy("P3M", "P6M", "P4Y", "2")).evaluationDueFrom(LocalDate.of(2027, 3, 31)))
                .isEqualTo(LocalDate.of(2027, 2, 28));
    }
}
