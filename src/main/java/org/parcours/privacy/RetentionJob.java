package org.parcours.privacy;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.parcours.cluster.JobRuns;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily retention run (docs/privacy.md), once per cluster: the ShedLock row "retention" is
 * held from the start of a run, so the other nodes skip it. Its record in {@code job_run} and its
 * audit row carry counts only.
 */
@Component
class RetentionJob {

    static final String NAME = "retention";

    private final RetentionService retention;
    private final JobRuns runs;

    RetentionJob(RetentionService retention, JobRuns runs) {
        this.retention = retention;
        this.runs = runs;
    }

    @Scheduled(cron = "${parcours.jobs.retention.cron}", zone = "${parcours.jobs.zone}")
    @SchedulerLock(name = NAME, lockAtLeastFor = "${parcours.jobs.retention.lock-at-least-for}",
            lockAtMostFor = "${parcours.jobs.retention.lock-at-most-for}")
    public void scheduled() {
        runs.run(NAME, () -> retention.applyScheduled().summary());
    }
}
