-- CASU aid requests move into the submission storage (decision 0017). A request keeps its own id
-- (links, audit rows and its scheme decisions name it) and points at its submission; its answers
-- become the answers of the submission's one revision, submitted when the request was. Who made
-- and last changed it, when it was submitted and by whom move along; the decisions per scheme stay
-- in aid_scheme_request, on the request.

-- New submission and revision ids come after every id given so far: request n gets submission
-- (and revision) base + n; explicit ids move the tables' counters past them.
SET @submission_base = (SELECT GREATEST(COALESCE((SELECT MAX(id) FROM submission), 0),
                                        COALESCE(MAX(t.auto_increment), 1) - 1)
                        FROM information_schema.tables t WHERE t.table_schema = DATABASE() AND t.table_name = 'submission');
SET @revision_base = (SELECT GREATEST(COALESCE((SELECT MAX(id) FROM submission_revision), 0),
                                      COALESCE(MAX(t.auto_increment), 1) - 1)
                      FROM information_schema.tables t WHERE t.table_schema = DATABASE() AND t.table_name = 'submission_revision');

INSERT INTO submission (id, kind, client_id, form_version_id, created_at, created_by, updated_at, updated_by, version)
SELECT @submission_base + id, 'AID_REQUEST', client_id, form_version_id, created_at, created_by, updated_at, updated_by, version
FROM aid_request;

INSERT INTO submission_revision (id, submission_id, revision_number, status, reason, created_at, created_by, updated_at, updated_by,
                                 submitted_at, submitted_by, version)
SELECT @revision_base + id, @submission_base + id, 1, IF(submitted, 'SUBMITTED', 'DRAFT'), NULL, created_at, created_by, updated_at,
       updated_by, submitted_at, submitted_by, version
FROM aid_request;

INSERT INTO submission_answer (revision_id, item_id, answer_value)
SELECT @revision_base + request_id, item_id, answer_value FROM aid_request_answer;

ALTER TABLE aid_request ADD COLUMN submission_id BIGINT NULL AFTER id;
UPDATE aid_request SET submission_id = @submission_base + id;
ALTER TABLE aid_request MODIFY submission_id BIGINT NOT NULL,
    ADD CONSTRAINT uk_aid_request_submission UNIQUE (submission_id),
    ADD CONSTRAINT fk_aid_request_submission FOREIGN KEY (submission_id) REFERENCES submission (id);

DROP TABLE aid_request_answer;

ALTER TABLE aid_request DROP FOREIGN KEY fk_aid_request_client, DROP FOREIGN KEY fk_aid_request_form_version;
ALTER TABLE aid_request DROP INDEX ix_aid_request_client;
ALTER TABLE aid_request DROP COLUMN client_id, DROP COLUMN form_version_id, DROP COLUMN submitted, DROP COLUMN submitted_at,
    DROP COLUMN submitted_by, DROP COLUMN created_at, DROP COLUMN created_by, DROP COLUMN updated_at, DROP COLUMN updated_by,
    DROP COLUMN version;
