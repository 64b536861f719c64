-- ASVS 5.0 V16 (security logging): the audit trail is append-only. Any UPDATE or DELETE of an
-- audit_event row fails inside the database, whatever the connecting user may do, with SQLSTATE
-- 45000 and the message below. TRUNCATE and DROP bypass row triggers: in production the
-- application's user must also lack UPDATE, DELETE and DROP on this table (run the migrations as a
-- separate owner user, spring.flyway.user; the grants are in docs/decisions/0007-security-hardening.md).
-- Creating a trigger with binary logging on needs SUPER or log_bin_trust_function_creators=1 for
-- the migration user.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only: rows cannot be updated';

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only: rows cannot be deleted';

-- The administrators' audit view filters by user and by action, newest first.
CREATE INDEX ix_audit_event_actor ON audit_event (actor, id);
CREATE INDEX ix_audit_event_action ON audit_event (action, id);
