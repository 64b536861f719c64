-- Form studio (issue 7): the history of the shared files (lists/, scales/, policy.yaml).
-- Forms are versioned in form_version; a shared file is bundled into the versions of the forms
-- that use it, so it needs no version of its own for answers, only a history for administrators:
-- one row each time its content changes, from the studio (published_by set) or on disk (NULL).
CREATE TABLE shared_file_version (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    file_name       VARCHAR(200)  NOT NULL,
    version_number  INT           NOT NULL,
    content_hash    CHAR(64)      NOT NULL,
    content         LONGTEXT      NOT NULL,
    published_at    DATETIME(6)   NOT NULL,
    published_by    VARCHAR(60)   NULL,
    publish_comment VARCHAR(1000) NULL,
    CONSTRAINT uk_shared_file_version_number UNIQUE (file_name, version_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
