-- Evaluations get revisions: a draft is edited until it is submitted; a submitted revision is
-- immutable; an amendment is a new revision (with its reason) that starts as a copy of the last.
-- Answers now belong to a revision.

CREATE TABLE evaluation_revision (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    evaluation_id   BIGINT        NOT NULL,
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
    CONSTRAINT fk_evaluation_revision_evaluation FOREIGN KEY (evaluation_id) REFERENCES evaluation (id) ON DELETE CASCADE,
    CONSTRAINT uk_evaluation_revision_number UNIQUE (evaluation_id, revision_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO evaluation_revision (evaluation_id, revision_number, status, reason, created_at, created_by,
                                 updated_at, updated_by, submitted_at, submitted_by, version)
SELECT id, 1, status, NULL, created_at, created_by, updated_at, updated_by, NULL, NULL, 0 FROM evaluation;

RENAME TABLE evaluation_answer TO evaluation_answer_v1;

CREATE TABLE evaluation_answer (
    revision_id  BIGINT        NOT NULL,
    item_id      VARCHAR(120)  NOT NULL,
    answer_value VARCHAR(4000) NOT NULL,
    PRIMARY KEY (revision_id, item_id),
    CONSTRAINT fk_evaluation_answer_revision FOREIGN KEY (revision_id) REFERENCES evaluation_revision (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO evaluation_answer (revision_id, item_id, answer_value)
SELECT r.id, a.item_id, a.answer_value
FROM evaluation_answer_v1 a JOIN evaluation_revision r ON r.evaluation_id = a.evaluation_id;

DROP TABLE evaluation_answer_v1;

CREATE INDEX ix_evaluation_status ON evaluation (client_id, status);
