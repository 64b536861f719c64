-- One storage for filled forms (decision 0017): a submission of a kind (evaluation, aid request,
-- contract) for a client on a form version, its revisions and their answers as rows. Evaluations
-- move first and keep their ids: an evaluation's id becomes its submission's id and each revision
-- keeps its id, so links, audit rows and API ids stay valid. An evaluation's status is no longer
-- stored: it follows from its latest revision (a draft first revision: draft; a later draft:
-- amending; submitted: submitted).

CREATE TABLE submission (
    id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(20) NOT NULL,
    client_id       BIGINT      NOT NULL,
    form_version_id BIGINT      NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    created_by      VARCHAR(60) NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    updated_by      VARCHAR(60) NOT NULL,
    version         BIGINT      NOT NULL,
    CONSTRAINT fk_submission_client FOREIGN KEY (client_id) REFERENCES client (id),
    CONSTRAINT fk_submission_form_version FOREIGN KEY (form_version_id) REFERENCES form_version (id),
    INDEX ix_submission_client (kind, client_id, created_at),
    INDEX ix_submission_form_version (form_version_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE submission_revision (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    submission_id   BIGINT        NOT NULL,
    revision_number INT           NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    reason          VARCHAR(2000) NULL,
    created_at      DATETIME(6)   NOT NULL,
    created_by      VARCHAR(60)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    updated_by      VARCHAR(60)   NOT NULL,
    submitted_at    DATETIME(6)   NULL,
    submitted_by    VARCHAR(60)   NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT fk_submission_revision_submission FOREIGN KEY (submission_id) REFERENCES submission (id) ON DELETE CASCADE,
    CONSTRAINT uk_submission_revision_number UNIQUE (submission_id, revision_number),
    INDEX ix_submission_revision_status (status, submitted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE submission_answer (
    revision_id  BIGINT        NOT NULL,
    item_id      VARCHAR(120)  NOT NULL,
    answer_value VARCHAR(4000) NOT NULL,
    PRIMARY KEY (revision_id, item_id),
    CONSTRAINT fk_submission_answer_revision FOREIGN KEY (revision_id) REFERENCES submission_revision (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO submission (id, kind, client_id, form_version_id, created_at, created_by, updated_at, updated_by, version)
SELECT id, 'EVALUATION', client_id, form_version_id, created_at, created_by, updated_at, updated_by, version FROM evaluation;

INSERT INTO submission_revision (id, submission_id, revision_number, status, reason, created_at, created_by, updated_at, updated_by,
                                 submitted_at, submitted_by, version)
SELECT id, evaluation_id, revision_number, status, reason, created_at, created_by, updated_at, updated_by, submitted_at, submitted_by,
       version
FROM evaluation_revision;

INSERT INTO submission_answer (revision_id, item_id, answer_value)
SELECT revision_id, item_id, answer_value FROM evaluation_answer;

-- New ids continue after the highest ever given by the old tables (also ids of rows since deleted,
-- which audit rows may still name), not merely after the highest copied.
SET @next_submission = (SELECT GREATEST(COALESCE(MAX(t.auto_increment), 1), (SELECT COALESCE(MAX(id), 0) + 1 FROM submission))
                        FROM information_schema.tables t WHERE t.table_schema = DATABASE() AND t.table_name = 'evaluation');
SET @sql = CONCAT('ALTER TABLE submission AUTO_INCREMENT = ', @next_submission);
PREPARE stmt FROM @sql;
EXECUTE stmt;
DEALLOCATE PREPARE stmt;

SET @next_revision = (SELECT GREATEST(COALESCE(MAX(t.auto_increment), 1), (SELECT COALESCE(MAX(id), 0) + 1 FROM submission_revision))
                      FROM information_schema.tables t WHERE t.table_schema = DATABASE() AND t.table_name = 'evaluation_revision');
SET @sql = CONCAT('ALTER TABLE submission_revision AUTO_INCREMENT = ', @next_revision);
PREPARE stmt FROM @sql;
EXECUTE stmt;
DEALLOCATE PREPARE stmt;

DROP TABLE evaluation_answer;
DROP TABLE evaluation_revision;
DROP TABLE evaluation;
