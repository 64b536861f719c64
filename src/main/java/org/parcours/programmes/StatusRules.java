package org.parcours.programmes;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientStatus;
import org.parcours.clients.ClientSummary;
import org.parcours.cluster.JobRuns;
import org.parcours.programmes.engine.Finding;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the declared status rules ({@code effect: set-status}, e.g. "over 60 or permanently
 * unfit: social activation only, automatically") to every open client file: daily, once per
 * cluster (ShedLock row "status-rules"), and at once for one client when a fact they read is
 * recorded. Each change is audited by the client feature with the rule's message as its reason.
 */
@Component
public class StatusRules {

    static final String NAME = "status-rules";
    /** The actor of the audit rows of the daily run. */
    public static final String ACTOR = "rules";

    private final ProgrammeService programmes;
    private final ClientService clients;
    private final JobRuns runs;

    StatusRules(ProgrammeService programmes, ClientService clients, JobRuns runs) {
        this.programmes = programmes;
        this.clients = clients;
        this.runs = runs;
    }

    @Scheduled(cron = "${parcours.jobs.status-rules.cron:0 30 5 * * *}", zone = "${parcours.jobs.zone}")
    @SchedulerLock(name = NAME, lockAtLeastFor = "PT10M", lockAtMostFor = "PT30M")
    public void scheduled() {
        runs.run(NAME, () -> applyToEveryClient() + " client statuses set by the rules");
    }

    /** Applies the status rules to every open file; returns how many statuses changed. */
    @Transactional
    public int applyToEveryClient() {
        int changed = 0;
        for (ClientSummary client : clients.openClientsForRules()) {
            if (apply(client, ACTOR).isPresent()) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * Applies the status rules to one client (whom the caller may see) on behalf of {@code actor};
     * the status set, if it changed.
     */
    @Transactional
    public Optional<ClientStatus> apply(ClientSummary client, String actor) {
        LocalDate today = programmes.today();
        Optional<Finding> rule = programmes.statusRule(client, today);
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        Optional<ClientStatus> status = programmes.statusOf(rule.get());
        if (status.isEmpty() || status.get() == client.status()) {
            return Optional.empty();
        }
        clients.applyRuleStatus(client.id(), status.get(), today, rule.get().message().in(Locale.FRENCH), actor);
        return status;
    }

}
