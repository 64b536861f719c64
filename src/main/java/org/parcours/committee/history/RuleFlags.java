package org.parcours.committee.history;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.parcours.clients.ClientStatus;
import org.parcours.clients.ClientSummary;
import org.parcours.formdef.Policy;

/**
 * The client rules of DOMAIN §1 that the committee is warned about, on a reference date (today,
 * or the meeting date), with the numbers of the policy file:
 * <ul>
 * <li>R3: a client who has reached {@value #SOCIAL_ONLY_AGE_PATH} years on the reference date (from
 * the birthday itself), or who is recorded as permanently unfit for work since a date on or before
 * it, is social activation only automatically;</li>
 * <li>R4: a client SOCIAL_ACTIVATION_ONLY since at least {@value #REVIEW_EVERY_PATH} on the reference
 * date (status-since date plus the period on or before it) is to be reopened.</li>
 * </ul>
 * A rule whose policy number is missing or malformed is not evaluated. Plain Java.
 */
public final class RuleFlags {

    public static final String SOCIAL_ONLY_AGE_PATH = "imasp.social_only_age";
    public static final String REVIEW_EVERY_PATH = "imasp.social_only_review_every";
    public static final String R3 = "R3";
    public static final String R4 = "R4";

    private final Optional<Integer> age;
    private final Optional<Period> review;
    private final LocalDate reference;

    public RuleFlags(Policy policy, LocalDate reference) {
        this.age = read(() -> policy.integer(SOCIAL_ONLY_AGE_PATH));
        this.review = read(() -> policy.period(REVIEW_EVERY_PATH));
        this.reference = reference;
    }

    public LocalDate reference() {
        return reference;
    }

    public List<RuleFlag> of(ClientSummary client) {
        return of(client.birthDate(), client.permanentlyUnfitSince(), client.status(), client.statusSince());
    }

    /** The flags of a client's data; any of the values may be null (unknown). */
    public List<RuleFlag> of(LocalDate birthDate, LocalDate permanentlyUnfitSince, ClientStatus status, LocalDate statusSince) {
        List<RuleFlag> flags = new ArrayList<>();
        if (age.isPresent() && birthDate != null) {
            LocalDate reached = birthDate.plusYears(age.get());
            if (!reached.isAfter(reference)) {
                flags.add(new RuleFlag(R3, RuleFlag.Kind.SOCIAL_ONLY_AGE, SOCIAL_ONLY_AGE_PATH, String.valueOf(age.get()), birthDate, reached));
            }
        }
        if (permanentlyUnfitSince != null && !permanentlyUnfitSince.isAfter(reference)) {
            flags.add(new RuleFlag(R3, RuleFlag.Kind.SOCIAL_ONLY_UNFIT, null, null, permanentlyUnfitSince, permanentlyUnfitSince));
        }
        if (review.isPresent() && status == ClientStatus.SOCIAL_ACTIVATION_ONLY && statusSince != null) {
            LocalDate due = statusSince.plus(review.get());
            if (!due.isAfter(reference)) {
                flags.add(new RuleFlag(R4, RuleFlag.Kind.REVIEW_DUE, REVIEW_EVERY_PATH, review.get().toString(), statusSince, due));
            }
        }
        return List.copyOf(flags);
    }

    private static <T> Optional<T> read(java.util.function.Supplier<T> value) {
        try {
            return Optional.of(value.get());
        } catch (Policy.PolicyException e) {
            return Optional.empty();
        }
    }
}
