package org.parcours.worklist;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.parcours.formdef.Policy;

/**
 * When a client's next IMASP falls due, from the policy file only (no number here):
 * the first one after {@code imasp.first_evaluation_after} of follow-up, then every
 * {@code imasp.reevaluate_every} after the last submitted one; a social-activation-only file is
 * reviewed {@code imasp.social_only_review_every} after its status date. Plain Java, testable with
 * any policy.
 */
public final class WorklistRules {

    /** What the rules need to know about one client. */
    public record ClientFacts(long clientId, String name, Optional<LocalDate> followUpStart, Optional<LocalDate> lastSubmittedImasp,
                              boolean socialActivationOnly, Optional<LocalDate> statusSince, boolean closed) {
    }

    public enum Reason { FIRST_IMASP, REEVALUATION, SOCIAL_ONLY_REVIEW }

    /** A due evaluation; overdue when {@code due} is before today. */
    public record Due(long clientId, String name, Reason reason, LocalDate due, boolean overdue) {
    }

    private final Policy policy;

    public WorklistRules(Policy policy) {
        this.policy = policy;
    }

    /** The evaluations due by {@code today + worklist.due_soon_within}, earliest first. */
    public List<Due> due(List<ClientFacts> clients, LocalDate today) {
        LocalDate horizon = today.plus(policy.period("worklist.due_soon_within"));
        List<Due> due = new ArrayList<>();
        for (ClientFacts client : clients) {
            next(client).filter(d -> !d.due().isAfter(horizon))
                    .map(d -> new Due(d.clientId(), d.name(), d.reason(), d.due(), d.due().isBefore(today)))
                    .ifPresent(due::add);
        }
        due.sort(Comparator.comparing(Due::due).thenComparing(Due::name));
        return due;
    }

    /** The next due evaluation of one client, if any. */
    public Optional<Due> next(ClientFacts client) {
        if (client.closed()) {
            return Optional.empty();
        }
        if (client.socialActivationOnly()) {
            return client.statusSince().map(since -> new Due(client.clientId(), client.name(), Reason.SOCIAL_ONLY_REVIEW,
                    since.plus(policy.period("imasp.social_only_review_every")), false));
        }
        if (client.lastSubmittedImasp().isPresent()) {
            return Optional.of(new Due(client.clientId(), client.name(), Reason.REEVALUATION,
                    client.lastSubmittedImasp().get().plus(policy.period("imasp.reevaluate_every")), false));
        }
        return client.followUpStart().map(start -> new Due(client.clientId(), client.name(), Reason.FIRST_IMASP,
                start.plus(policy.period("imasp.first_evaluation_after")), false));
    }
}
