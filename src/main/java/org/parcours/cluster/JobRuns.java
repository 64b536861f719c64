package org.parcours.cluster;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Records each run of a scheduled job in {@code job_run} (job, node, start, end, outcome), so an
 * administrator or a test can see that a job ran once per period across the cluster, and where.
 */
@Component
public class JobRuns {

    private static final Logger log = LoggerFactory.getLogger(JobRuns.class);

    private final JdbcTemplate jdbc;
    private final NodeName node;
    private final Clock clock;

    JobRuns(JdbcTemplate jdbc, NodeName node, Clock clock) {
        this.jdbc = jdbc;
        this.node = node;
        this.clock = clock;
    }

    /**
     * Runs the job and records it; the job returns a one-line outcome. A failure is recorded
     * and logged, not thrown: the scheduler tries again at the next period.
     */
    public void run(String jobName, Supplier<String> job) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        LocalDateTime start = now();
        jdbc.update(connection -> {
            var st = connection.prepareStatement("INSERT INTO job_run (job_name, node, started_at) VALUES (?, ?, ?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS);
            st.setString(1, jobName);
            st.setString(2, node.get());
            st.setObject(3, start);
            return st;
        }, key);
        long id = key.getKey().longValue();
        String outcome;
        try {
            outcome = job.get();
        } catch (RuntimeException e) {
            log.error("Scheduled job {} failed on node {}", jobName, node, e);
            outcome = "failed: " + e;
        }
        jdbc.update("UPDATE job_run SET finished_at = ?, outcome = ? WHERE id = ?", now(),
                outcome.length() > 400 ? outcome.substring(0, 400) : outcome, id);
        log.info("Scheduled job {} ran on node {}: {}", jobName, node, outcome);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
