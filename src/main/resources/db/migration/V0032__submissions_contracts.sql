-- MASP contracts move into the submission storage (decision 0017). A contract keeps its own id
-- (links, audit rows, renewals and escalations name it) and its lifecycle (status, terms,
-- signature, notification, evaluation with its objective results, end), and points at its
-- submission: who made and last changed it move there. Its texts (1 the contract, then the
-- avenants, each with its reason) become the submission's revisions with their answers; a signed
-- text is a submitted revision (signed when it was last changed, by whoever changed it) and the
-- day it was signed on paper is kept in masp_contract_signature.

-- Contract n gets submission base + n, text n gets revision base + n; explicit ids move the
-- tables' counters past them.
SET @submission_base = (SELECT GREATEST(COALESCE((SELECT MAX(id) FROM submission), 0),
                                        COALESCE(MAX(t.auto_increment), 1) - 1)
                        FROM information_schema.tables t WHERE t.table_schema = DATABASE() AND t.table_name = 'submission');
SET @revision_base = (SELECT GREATEST(COALESCE((SELECT MAX(id) FROM submission_revision), 0),
                                      COALESCE(MAX(t.auto_increment), 1) - 1)
                      FROM information_schema.tables t WHERE t.table_schema = DATABASE() AND t.table_name = 'submission_revision');

INSERT INTO submission (id, kind, client_id, form_version_id, created_at, created_by, updated_at, updated_by, version)
SELECT @submission_base + id, 'CONTRACT', client_id, form_version_id, created_at, created_by, updated_at, updated_by, version
FROM masp_contract;

INSERT INTO submission_revision (id, submission_id, revision_number, status, reason, created_at, created_by, updated_at, updated_by,
                                 submitted_at, submitted_by, version)
SELECT @revision_base + id, @submission_base + contract_id, version_number, IF(status = 'SIGNED', 'SUBMITTED', 'DRAFT'), reason,
       created_at, created_by, updated_at, updated_by, IF(status = 'SIGNED', updated_at, NULL), IF(status = 'SIGNED', updated_by, NULL),
       version
FROM masp_contract_version;

INSERT INTO submission_answer (revision_id, item_id, answer_value)
SELECT @revision_base + version_id, item_id, answer_value FROM masp_contract_answer;

CREATE TABLE masp_contract_signature (
    revision_id BIGINT NOT NULL PRIMARY KEY,
    signed_on   DATE   NOT NULL,
    CONSTRAINT fk_masp_contract_signature_revision FOREIGN KEY (revision_id) REFERENCES submission_revision (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO masp_contract_signature (revision_id, signed_on)
SELECT @revision_base + id, signed_on FROM masp_contract_version WHERE signed_on IS NOT NULL;

ALTER TABLE masp_contract ADD COLUMN submission_id BIGINT NULL AFTER id;
UPDATE masp_contract SET submission_id = @submission_base + id;
ALTER TABLE masp_contract MODIFY submission_id BIGINT NOT NULL,
    ADD CONSTRAINT uk_masp_contract_submission UNIQUE (submission_id),
    ADD CONSTRAINT fk_masp_contract_submission FOREIGN KEY (submission_id) REFERENCES submission (id);

DROP TABLE masp_contract_answer;
DROP TABLE masp_contract_version;

ALTER TABLE masp_contract DROP FOREIGN KEY fk_masp_contract_client, DROP FOREIGN KEY fk_masp_contract_form_version;
ALTER TABLE masp_contract DROP INDEX ix_masp_contract_client;
ALTER TABLE masp_contract DROP COLUMN client_id, DROP COLUMN form_version_id, DROP COLUMN created_at, DROP COLUMN created_by,
    DROP COLUMN updated_at, DROP COLUMN updated_by;
