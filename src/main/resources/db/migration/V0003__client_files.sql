-- Client files: identity (Belgian national register number), contact, responsible worker,
-- follow-up start, status (followed / social activation only / closed) and household members.
-- The national register number is stored as its 11 digits; the unique key ignores NULLs, so
-- it holds only for the numbers that are known.

ALTER TABLE client
    ADD COLUMN national_register_number VARCHAR(15)   NULL,
    ADD COLUMN phone                    VARCHAR(40)   NULL,
    ADD COLUMN email                    VARCHAR(254)  NULL,
    ADD COLUMN address                  VARCHAR(300)  NULL,
    ADD COLUMN responsible_worker_id    BIGINT        NULL,
    ADD COLUMN follow_up_start          DATE          NULL,
    ADD COLUMN status                   VARCHAR(30)   NOT NULL DEFAULT 'FOLLOWED',
    ADD COLUMN status_since             DATE          NULL,
    ADD COLUMN status_reason            VARCHAR(1000) NULL,
    ADD CONSTRAINT uk_client_national_register_number UNIQUE (national_register_number),
    ADD CONSTRAINT fk_client_responsible_worker FOREIGN KEY (responsible_worker_id) REFERENCES app_user (id);

CREATE TABLE client_household_member (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    client_id    BIGINT       NOT NULL,
    full_name    VARCHAR(200) NOT NULL,
    birth_date   DATE         NULL,
    relationship VARCHAR(40)  NOT NULL,
    position     INT          NOT NULL,
    CONSTRAINT fk_client_household_member_client FOREIGN KEY (client_id) REFERENCES client (id) ON DELETE CASCADE,
    INDEX ix_client_household_member_client (client_id, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
