-- Data protection by design (docs/privacy.md, docs/decisions/0021).

-- A client file under legal hold: the retention job leaves all its data alone until an
-- administrator lifts the hold (both audited, with the reason).
CREATE TABLE client_legal_hold (
    client_id BIGINT       NOT NULL PRIMARY KEY,
    reason    VARCHAR(500) NOT NULL,
    set_by    VARCHAR(60)  NOT NULL,
    set_at    DATETIME(6)  NOT NULL,
    CONSTRAINT fk_legal_hold_client FOREIGN KEY (client_id) REFERENCES client (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A worker's justified, time-limited access to a client of another team ("break glass").
CREATE TABLE break_glass_access (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username    VARCHAR(60)  NOT NULL,
    client_id   BIGINT       NOT NULL,
    team_id     BIGINT       NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    granted_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    CONSTRAINT fk_break_glass_client FOREIGN KEY (client_id) REFERENCES client (id) ON DELETE CASCADE,
    INDEX ix_break_glass_user (username, client_id, expires_at),
    INDEX ix_break_glass_team (team_id, granted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
