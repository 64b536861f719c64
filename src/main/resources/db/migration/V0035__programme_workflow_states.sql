-- The state of a client in a declared workflow whose subject is the client (forms/programmes,
-- e.g. the budget guidance: open, plan agreed, closed), one row per client and workflow; each
-- transition is also an audit row. Workflows of submissions (MASP contracts, CASU schemes) keep
-- their state with their submissions.

CREATE TABLE programme_workflow_state (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    client_id    BIGINT       NOT NULL,
    programme_id VARCHAR(80)  NOT NULL,
    workflow_id  VARCHAR(80)  NOT NULL,
    state        VARCHAR(80)  NOT NULL,
    entered_on   DATE         NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    updated_by   VARCHAR(60)  NOT NULL,
    version      BIGINT       NOT NULL,
    CONSTRAINT fk_programme_workflow_state_client FOREIGN KEY (client_id) REFERENCES client (id),
    CONSTRAINT uq_programme_workflow_state UNIQUE (client_id, programme_id, workflow_id)
);
