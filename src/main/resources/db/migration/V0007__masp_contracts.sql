-- MASP contracts (issue 8): the contract's text is an answer set of the masp-contract form
-- version it was drafted with, kept per version (1 = the contract, 2.. = avenants with their
-- reason and signature date); the lifecycle (signed, evaluated, renewed, ended) is on the
-- contract row; renewals point at the contract they renew. Monthly rent-and-charges payment
-- records and escalations toward a judicial measure (level 3) belong to the client.

CREATE TABLE masp_contract (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    client_id            BIGINT        NOT NULL,
    form_version_id      BIGINT        NOT NULL,
    previous_contract_id BIGINT        NULL,
    status               VARCHAR(20)   NOT NULL,
    level                VARCHAR(10)   NULL,
    start_date           DATE          NULL,
    duration_months      INT           NULL,
    end_date             DATE          NULL,
    signed_on            DATE          NULL,
    notified_on          DATE          NULL,
    evaluated_on         DATE          NULL,
    evaluated_by         VARCHAR(60)   NULL,
    evaluation_text      VARCHAR(4000) NULL,
    ended_on             DATE          NULL,
    end_outcome          VARCHAR(30)   NULL,
    end_note             VARCHAR(2000) NULL,
    created_at           DATETIME(6)   NOT NULL,
    created_by           VARCHAR(60)   NOT NULL,
    updated_at           DATETIME(6)   NOT NULL,
    updated_by           VARCHAR(60)   NOT NULL,
    version              BIGINT        NOT NULL,
    CONSTRAINT fk_masp_contract_client FOREIGN KEY (client_id) REFERENCES client (id),
    CONSTRAINT fk_masp_contract_form_version FOREIGN KEY (form_version_id) REFERENCES form_version (id),
    CONSTRAINT fk_masp_contract_previous FOREIGN KEY (previous_contract_id) REFERENCES masp_contract (id),
    INDEX ix_masp_contract_client (client_id, created_at),
    INDEX ix_masp_contract_status (status, end_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The result of each objective at the evaluation (objective row number -> met / partly / not met).
CREATE TABLE masp_contract_objective_result (
    contract_id  BIGINT      NOT NULL,
    objective_no INT         NOT NULL,
    result       VARCHAR(20) NOT NULL,
    PRIMARY KEY (contract_id, objective_no),
    CONSTRAINT fk_masp_objective_result_contract FOREIGN KEY (contract_id) REFERENCES masp_contract (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE masp_contract_version (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contract_id    BIGINT        NOT NULL,
    version_number INT           NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    reason         VARCHAR(2000) NULL,
    signed_on      DATE          NULL,
    created_at     DATETIME(6)   NOT NULL,
    created_by     VARCHAR(60)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    updated_by     VARCHAR(60)   NOT NULL,
    version        BIGINT        NOT NULL,
    CONSTRAINT fk_masp_contract_version_contract FOREIGN KEY (contract_id) REFERENCES masp_contract (id),
    CONSTRAINT uk_masp_contract_version_number UNIQUE (contract_id, version_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE masp_contract_answer (
    version_id   BIGINT        NOT NULL,
    item_id      VARCHAR(120)  NOT NULL,
    answer_value VARCHAR(4000) NOT NULL,
    PRIMARY KEY (version_id, item_id),
    CONSTRAINT fk_masp_contract_answer_version FOREIGN KEY (version_id) REFERENCES masp_contract_version (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Rent and charges due and paid for one month (the first day of the month stands for it).
CREATE TABLE masp_rent_payment (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    client_id   BIGINT        NOT NULL,
    month_start DATE          NOT NULL,
    amount_due  DECIMAL(12,2) NOT NULL,
    amount_paid DECIMAL(12,2) NOT NULL,
    recorded_at DATETIME(6)   NOT NULL,
    recorded_by VARCHAR(60)   NOT NULL,
    CONSTRAINT fk_masp_rent_payment_client FOREIGN KEY (client_id) REFERENCES client (id),
    CONSTRAINT uk_masp_rent_payment_month UNIQUE (client_id, month_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE masp_escalation (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    client_id      BIGINT        NOT NULL,
    contract_id    BIGINT        NULL,
    trigger_kind   VARCHAR(20)   NOT NULL,
    detail         VARCHAR(2000) NULL,
    unpaid_months  INT           NULL,
    recorded_on    DATE          NOT NULL,
    recorded_at    DATETIME(6)   NOT NULL,
    recorded_by    VARCHAR(60)   NOT NULL,
    agenda_item_id BIGINT        NULL,
    CONSTRAINT fk_masp_escalation_client FOREIGN KEY (client_id) REFERENCES client (id),
    CONSTRAINT fk_masp_escalation_contract FOREIGN KEY (contract_id) REFERENCES masp_contract (id),
    CONSTRAINT fk_masp_escalation_agenda_item FOREIGN KEY (agenda_item_id) REFERENCES committee_agenda_item (id),
    INDEX ix_masp_escalation_client (client_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
