-- A per-user change counter (the "security stamp"): bumped when the user is disabled or enabled, when their roles or
-- teams change and when their password is reset. Each signed-in session remembers the value it started with; a
-- request whose session holds an older value is signed out, on whichever node it arrives (docs/security.md).
ALTER TABLE app_user ADD COLUMN security_stamp BIGINT NOT NULL DEFAULT 0;

-- API tokens get an expiry and a scope. READ tokens may only read (GET, HEAD, OPTIONS); WRITE tokens may also submit.
-- Tokens made before this migration keep their write scope and expire 90 days after they were made, but not
-- within the next 30 days, so that their owners have time to replace them.
ALTER TABLE api_token
    ADD COLUMN expires_at DATETIME(6) NULL,
    ADD COLUMN scope VARCHAR(10) NOT NULL DEFAULT 'WRITE';
UPDATE api_token
SET expires_at = GREATEST(DATE_ADD(created_at, INTERVAL 90 DAY), DATE_ADD(UTC_TIMESTAMP(6), INTERVAL 30 DAY));
ALTER TABLE api_token MODIFY expires_at DATETIME(6) NOT NULL;
