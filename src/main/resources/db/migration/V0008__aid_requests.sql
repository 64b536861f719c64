-- CASU aid requests (issue 8): the request's content is an answer set of the casu form version
-- it was made with; once submitted, each requested scheme (a row of the form's "schemes" repeat)
-- gets its own decision row: amount requested, decision, amount granted, decider, date, motivation.
-- The request's overall status is derived from these rows, never stored.

CREATE TABLE aid_request (
    id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    client_id       BIGINT      NOT NULL,
    form_version_id BIGINT      NOT NULL,
    submitted       BIT(1)      NOT NULL,
    submitted_at    DATETIME(6) NULL,
    submitted_by    VARCHAR(60) NULL,
    created_at      DATETIME(6) NOT NULL,
    created_by      VARCHAR(60) NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    updated_by      VARCHAR(60) NOT NULL,
    version         BIGINT      NOT NULL,
    CONSTRAINT fk_aid_request_client FOREIGN KEY (client_id) REFERENCES client (id),
    CONSTRAINT fk_aid_request_form_version FOREIGN KEY (form_version_id) REFERENCES form_version (id),
    INDEX ix_aid_request_client (client_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE aid_request_answer (
    request_id   BIGINT        NOT NULL,
    item_id      VARCHAR(120)  NOT NULL,
    answer_value VARCHAR(4000) NOT NULL,
    PRIMARY KEY (request_id, item_id),
    CONSTRAINT fk_aid_request_answer_request FOREIGN KEY (request_id) REFERENCES aid_request (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE aid_scheme_request (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    request_id       BIGINT        NOT NULL,
    row_no           INT           NOT NULL,
    scheme_code      VARCHAR(80)   NOT NULL,
    scheme_detail    VARCHAR(200)  NULL,
    amount_requested DECIMAL(12,2) NULL,
    decision         VARCHAR(20)   NOT NULL,
    amount_granted   DECIMAL(12,2) NULL,
    decider          VARCHAR(200)  NULL,
    decided_on       DATE          NULL,
    motivation       VARCHAR(2000) NULL,
    updated_at       DATETIME(6)   NOT NULL,
    updated_by       VARCHAR(60)   NOT NULL,
    version          BIGINT        NOT NULL,
    CONSTRAINT fk_aid_scheme_request_request FOREIGN KEY (request_id) REFERENCES aid_request (id),
    CONSTRAINT uk_aid_scheme_request_row UNIQUE (request_id, row_no),
    INDEX ix_aid_scheme_request_decision (decision)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
