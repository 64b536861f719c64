-- The audit trail's hash chain (audit.AuditChain, docs/security.md): each new row stores SHA-256
-- of the previous row's hash and its own content, computed by the application on insert; rows
-- written before this migration keep no hash and are reported as older than the chain by the
-- verify command. The one row of audit_chain_head names the last chained row; the inserting
-- transaction locks it, which serialises appends on every node.
-- detail grows to MEDIUMTEXT: a list view is audited as one row naming every client id it shows.
ALTER TABLE audit_event
    MODIFY detail MEDIUMTEXT NOT NULL,
    ADD COLUMN chain_hash CHAR(64) NULL;

CREATE TABLE audit_chain_head (
    id        TINYINT  NOT NULL PRIMARY KEY,
    last_id   BIGINT   NULL,
    last_hash CHAR(64) NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO audit_chain_head (id, last_id, last_hash) VALUES (1, NULL, NULL);
