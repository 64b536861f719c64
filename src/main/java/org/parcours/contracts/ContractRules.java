package org.parcours.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

import org.parcours.formdef.Policy;

/**
 * The MASP rules, with every number from the policy file (no number here): a contract runs
 * {@code masp.contract_duration_min} to {@code masp.contract_duration_max}; the contract and its
 * renewals together at most {@code masp.total_max}; a judicial measure may be considered after
 * {@code masp.unpaid_rent_months_for_judicial} consecutive months of unpaid rent and charges; the
 * evaluation falls due {@code masp.evaluate_before_end} before the end. Plain Java, testable with
 * any policy.
 */
public final class ContractRules {

    /** One recorded month of rent and charges. */
    public record MonthPayment(YearMonth month, BigDecimal due, BigDecimal paid) {
        public boolean unpaid() {
            return paid.compareTo(due) < 0;
        }
    }

    private final Policy policy;

    public ContractRules(Policy policy) {
        this.policy = policy;
    }

    public int minMonths() {
        return (int) policy.period("masp.contract_duration_min").toTotalMonths();
    }

    public int maxMonths() {
        return (int) policy.period("masp.contract_duration_max").toTotalMonths();
    }

    public int totalMaxMonths() {
        return (int) policy.period("masp.total_max").toTotalMonths();
    }

    public int unpaidMonthsForJudicial() {
        return policy.integer("masp.unpaid_rent_months_for_judicial");
    }

    /** @throws ContractException when the duration is outside the policy's range */
    public void checkDuration(int months) {
        if (months < minMonths() || months > maxMonths()) {
            throw new ContractException("contract.error.duration",
                    "A contract runs " + minMonths() + " to " + maxMonths() + " months; " + months + " months is not allowed",
                    months, minMonths(), maxMonths());
        }
    }

    /**
     * @param earlierMonths the months of the contracts this one renews (0 for a first contract)
     * @throws ContractException when the contract and its renewals would run longer than the policy's total
     */
    public void checkTotal(int earlierMonths, int months) {
        int total = earlierMonths + months;
        if (total > totalMaxMonths()) {
            int left = Math.max(0, totalMaxMonths() - earlierMonths);
            throw new ContractException("contract.error.totalCap",
                    "The contract and its renewals would last " + total + " months; the maximum is " + totalMaxMonths()
                            + " months (" + earlierMonths + " months already, at most " + left + " left)",
                    total, totalMaxMonths(), earlierMonths, left);
        }
    }

    /**
     * The number of consecutive unpaid months up to the latest recorded month: 0 when that month
     * is paid; a month without a record breaks the count (nothing is assumed about it).
     */
    public static int unpaidStreak(List<MonthPayment> payments) {
        List<MonthPayment> sorted = payments.stream().sorted(Comparator.comparing(MonthPayment::month).reversed()).toList();
        int streak = 0;
        YearMonth expected = null;
        for (MonthPayment p : sorted) {
            if (expected != null && !p.month().equals(expected)) {
                break;
            }
            if (!p.unpaid()) {
                break;
            }
            streak++;
            expected = p.month().minusMonths(1);
        }
        return streak;
    }

    /** @throws ContractException when the recorded payments do not show enough consecutive unpaid months */
    public void checkUnpaidTrigger(int streak) {
        if (streak < unpaidMonthsForJudicial()) {
            throw new ContractException("contract.error.unpaidNotReached",
                    "Rent and charges are unpaid for " + streak + " consecutive month(s) in the recorded payments; "
                            + unpaidMonthsForJudicial() + " are needed", streak, unpaidMonthsForJudicial());
        }
    }

    /** The day from which the evaluation before renewal is asked for. */
    public LocalDate evaluationDueFrom(LocalDate end) {
        return end.minus(policy.period("masp.evaluate_before_end"));
    }
}
