-- Form studio (issue 7): who published a version from the studio, and why.
-- NULL for versions read from the forms folder by the watcher (published by "system").
ALTER TABLE form_version
    ADD COLUMN published_by    VARCHAR(60)   NULL,
    ADD COLUMN publish_comment VARCHAR(1000) NULL;
