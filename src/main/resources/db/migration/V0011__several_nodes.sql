-- Several app nodes on one database (issue 13): nothing node-local that matters.

-- ShedLock's lock rows (net.javacrumbs.shedlock, JdbcTemplateLockProvider): a scheduled job runs
-- on the one node that holds its row until lock_until.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    locked_by  VARCHAR(255) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per run of a scheduled job, with the node that ran it: proves "once per cluster".
CREATE TABLE job_run (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    job_name    VARCHAR(64)  NOT NULL,
    node        VARCHAR(255) NOT NULL,
    started_at  DATETIME(6)  NOT NULL,
    finished_at DATETIME(6)  NULL,
    outcome     VARCHAR(400) NULL,
    INDEX ix_job_run_name (job_name, started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The live version of each form for every node: a node whose own forms folder did not change
-- (a studio publish on another node, separate folders) takes the live version from here.
CREATE TABLE form_live (
    form_key   VARCHAR(80)  NOT NULL PRIMARY KEY,
    version_id BIGINT       NOT NULL,
    changed_at DATETIME(6)  NOT NULL,
    changed_by VARCHAR(255) NOT NULL,
    CONSTRAINT fk_form_live_version FOREIGN KEY (version_id) REFERENCES form_version (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Sign-in throttling shared by every node (security.LoginThrottle): failures inside the window
-- and lockouts, per key ("user:<name>" or "address:<ip>").
CREATE TABLE login_failure (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    throttle_key VARCHAR(200) NOT NULL,
    failed_at    DATETIME(6)  NOT NULL,
    INDEX ix_login_failure_key (throttle_key, failed_at),
    INDEX ix_login_failure_time (failed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE login_lock (
    throttle_key VARCHAR(200) NOT NULL PRIMARY KEY,
    locked_until DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The reminder job's latest figures per worker: evaluations overdue and due soon on its run date.
CREATE TABLE worker_reminder (
    user_id     BIGINT      NOT NULL PRIMARY KEY,
    overdue     INT         NOT NULL,
    due_soon    INT         NOT NULL,
    computed_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_worker_reminder_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
