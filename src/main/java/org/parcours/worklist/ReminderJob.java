package org.parcours.worklist;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.parcours.cluster.JobRuns;
import org.parcours.cluster.TransientRetry;
import org.parcours.security.Role;
import org.parcours.security.UserAccounts;
import org.parcours.security.UserSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * The daily reminder: for every enabled worker, the evaluations overdue and due soon in their
 * worklist (the same rules and team visibility as their home page), stored in
 * {@code worker_reminder} and shown on the home page. Once per cluster: the ShedLock row
 * "reminders" is held from the start of a run for at least {@code lock-at-least-for}, so the
 * other nodes, whose schedulers fire at the same time, skip that run.
 */
@Component
class ReminderJob {

    static final String NAME = "reminders";

    private final WorklistService worklists;
    private final UserAccounts accounts;
    private final JobRuns runs;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransientRetry retry;

    ReminderJob(WorklistService worklists, UserAccounts accounts, JobRuns runs, JdbcTemplate jdbc, Clock clock, TransientRetry retry) {
        this.retry = retry;
        this.worklists = worklists;
        this.accounts = accounts;
        this.runs = runs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "${parcours.jobs.reminders.cron}", zone = "${parcours.jobs.zone}")
    @SchedulerLock(name = NAME, lockAtLeastFor = "${parcours.jobs.reminders.lock-at-least-for}",
            lockAtMostFor = "${parcours.jobs.reminders.lock-at-most-for}")
    public void scheduled() {
        runs.run(NAME, this::remindEveryWorker);
    }

    /** Computes and stores every enabled worker's reminder; returns a one-line summary. */
    String remindEveryWorker() {
        List<UserSummary> workers = accounts.list().stream().filter(u -> u.enabled() && u.roles().contains(Role.WORKER)).toList();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int overdueTotal = 0;
        for (UserSummary worker : workers) {
            // one small transaction per worker (what a Galera cluster wants), run again if rolled back as a deadlock victim
            long overdue = retry.inTransaction(status -> {
                Worklist worklist = as(worker, worklists::forCurrentUser);
                jdbc.update("""
                        INSERT INTO worker_reminder (user_id, overdue, due_soon, computed_at) VALUES (?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE overdue = VALUES(overdue), due_soon = VALUES(due_soon), computed_at = VALUES(computed_at)""",
                        worker.id(), worklist.overdue(), worklist.dueSoon(), now);
                return worklist.overdue();
            });
            overdueTotal += (int) overdue;
        }
        return workers.size() + " workers, " + overdueTotal + " evaluations overdue";
    }

    /** The worklist is built for "the signed-in user": the job signs in as each worker on its own thread, then clears it. */
    private static <T> T as(UserSummary worker, java.util.function.Supplier<T> action) {
        SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
        var context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(worker.username(), "n/a",
                worker.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList()));
        var previous = holder.getContext();
        holder.setContext(context);
        try {
            return action.get();
        } finally {
            holder.setContext(previous);
        }
    }
}
