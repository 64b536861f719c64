-- Foundation schema: teams, users and roles, clients, published form versions,
-- evaluations with their answers as rows, and the audit trail.

CREATE TABLE team (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(120) NOT NULL,
    CONSTRAINT uk_team_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE app_user (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(60)  NOT NULL,
    password_hash VARCHAR(120) NOT NULL,
    display_name  VARCHAR(120) NOT NULL,
    enabled       BIT(1)       NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT uk_app_user_username UNIQUE (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE app_user_role (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_app_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE app_user_team (
    user_id BIGINT NOT NULL,
    team_id BIGINT NOT NULL,
    PRIMARY KEY (user_id, team_id),
    CONSTRAINT fk_app_user_team_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_app_user_team_team FOREIGN KEY (team_id) REFERENCES team (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE client (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    first_name VARCHAR(100) NOT NULL,
    last_name  VARCHAR(100) NOT NULL,
    birth_date DATE         NOT NULL,
    team_id    BIGINT       NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    created_by VARCHAR(60)  NOT NULL,
    version    BIGINT       NOT NULL,
    CONSTRAINT fk_client_team FOREIGN KEY (team_id) REFERENCES team (id),
    INDEX ix_client_name (last_name, first_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A published form version is immutable: its full definition text and a content hash.
CREATE TABLE form_version (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    form_key       VARCHAR(80) NOT NULL,
    version_number INT         NOT NULL,
    content_hash   CHAR(64)    NOT NULL,
    definition     LONGTEXT    NOT NULL,
    published_at   DATETIME(6) NOT NULL,
    CONSTRAINT uk_form_version_hash UNIQUE (form_key, content_hash),
    CONSTRAINT uk_form_version_number UNIQUE (form_key, version_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE evaluation (
    id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    client_id       BIGINT      NOT NULL,
    form_version_id BIGINT      NOT NULL,
    status          VARCHAR(20) NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    created_by      VARCHAR(60) NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    updated_by      VARCHAR(60) NOT NULL,
    version         BIGINT      NOT NULL,
    CONSTRAINT fk_evaluation_client FOREIGN KEY (client_id) REFERENCES client (id),
    CONSTRAINT fk_evaluation_form_version FOREIGN KEY (form_version_id) REFERENCES form_version (id),
    INDEX ix_evaluation_client (client_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per answered item: (evaluation, item id, value).
CREATE TABLE evaluation_answer (
    evaluation_id BIGINT       NOT NULL,
    item_id       VARCHAR(80)  NOT NULL,
    answer_value  VARCHAR(4000) NOT NULL,
    PRIMARY KEY (evaluation_id, item_id),
    CONSTRAINT fk_evaluation_answer_evaluation FOREIGN KEY (evaluation_id) REFERENCES evaluation (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who read or changed what. The application only ever inserts here.
CREATE TABLE audit_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at DATETIME(6)   NOT NULL,
    actor       VARCHAR(60)   NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    target_type VARCHAR(40)   NOT NULL,
    target_id   VARCHAR(80)   NOT NULL,
    detail      VARCHAR(2000) NOT NULL,
    INDEX ix_audit_event_time (occurred_at),
    INDEX ix_audit_event_target (target_type, target_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
