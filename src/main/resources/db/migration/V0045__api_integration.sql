-- The integrators' API (docs/decisions/0020): idempotency keys, the event log with its webhook
-- outbox, subscriptions and delivery attempts. Owned by org.parcours.api alone.

-- A POST's key and its first answer, replayed for a retry with the same key and body until it expires.
CREATE TABLE api_idempotency_key (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username       VARCHAR(60)   NOT NULL,
    idem_key       VARCHAR(200)  NOT NULL,
    request_hash   CHAR(64)      NOT NULL,
    -- null while the first request is being handled
    status         INT           NULL,
    content_type   VARCHAR(100)  NULL,
    location       VARCHAR(500)  NULL,
    etag           VARCHAR(100)  NULL,
    body           LONGBLOB      NULL,
    created_at     DATETIME(6)   NOT NULL,
    expires_at     DATETIME(6)   NOT NULL,
    CONSTRAINT uk_api_idempotency_key UNIQUE (username, idem_key),
    INDEX ix_api_idempotency_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every domain event (client created/updated/closed, submission submitted/amended, committee
-- decision recorded), written in the transaction of the change. Ids only, no personal values.
CREATE TABLE api_event (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_type   VARCHAR(60)  NOT NULL,
    target_type  VARCHAR(40)  NOT NULL,
    target_id    BIGINT       NOT NULL,
    occurred_at  DATETIME(6)  NOT NULL,
    INDEX ix_api_event_target (target_type, occurred_at, target_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE webhook_subscription (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    url         VARCHAR(2000) NOT NULL,
    -- event types separated by commas
    events      VARCHAR(1000) NOT NULL,
    secret      VARCHAR(200)  NOT NULL,
    active      BOOLEAN       NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    created_by  VARCHAR(60)   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The outbox: one row per event and subscription, written with the event.
CREATE TABLE webhook_delivery (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    subscription_id  BIGINT        NOT NULL,
    event_id         BIGINT        NOT NULL,
    state            VARCHAR(20)   NOT NULL,
    attempts         INT           NOT NULL,
    next_attempt_at  DATETIME(6)   NOT NULL,
    delivered_at     DATETIME(6)   NULL,
    CONSTRAINT fk_webhook_delivery_subscription FOREIGN KEY (subscription_id) REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    CONSTRAINT fk_webhook_delivery_event FOREIGN KEY (event_id) REFERENCES api_event (id),
    INDEX ix_webhook_delivery_due (state, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE webhook_attempt (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    delivery_id   BIGINT        NOT NULL,
    attempted_at  DATETIME(6)   NOT NULL,
    http_status   INT           NULL,
    error         VARCHAR(500)  NULL,
    CONSTRAINT fk_webhook_attempt_delivery FOREIGN KEY (delivery_id) REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    INDEX ix_webhook_attempt_delivery (delivery_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
