-- A person's request to rectify or erase their data (GDPR art. 16, 17), docs/privacy.md: recorded
-- with the day it was received and its deadline (the policy's privacy_requests.deadline), decided
-- (accepted or refused, with a reason), then carried out. An accepted erasure is carried out by an
-- administrator other than the one who decided it (four eyes), never while the file is under legal hold.
CREATE TABLE privacy_request (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    client_id       BIGINT        NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    request_text    VARCHAR(1000) NOT NULL,
    received_on     DATE          NOT NULL,
    due_on          DATE          NOT NULL,
    recorded_by     VARCHAR(60)   NOT NULL,
    decided_by      VARCHAR(60)   NULL,
    decided_at      DATETIME(6)   NULL,
    decision_reason VARCHAR(500)  NULL,
    done_by         VARCHAR(60)   NULL,
    done_at         DATETIME(6)   NULL,
    CONSTRAINT fk_privacy_request_client FOREIGN KEY (client_id) REFERENCES client (id),
    INDEX ix_privacy_request_status (status, due_on),
    INDEX ix_privacy_request_client (client_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
