-- Per-subject protection: subjects are stored as keyed-hash pseudonyms, content is sealed under a
-- data key per subject (wrapped by the master key), and destroying a subject's keys erases their
-- content. subject_ref held identifiers in clear and is dropped; this schema had no production
-- installation before this version, so no identifier needs carrying over.

CREATE TABLE subject_key (
    id            UUID          NOT NULL PRIMARY KEY,
    owner         VARCHAR(64)   NOT NULL,
    wrapped_key   BYTEA,
    created_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    destroyed_at  TIMESTAMP(3) WITH TIME ZONE
);
CREATE INDEX ix_subject_key_owner ON subject_key (owner);

ALTER TABLE audit_event DROP COLUMN subject_ref;
ALTER TABLE audit_event ADD COLUMN subject_pseudonym VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN content_key_id UUID;
CREATE INDEX ix_audit_event_subject ON audit_event (subject_pseudonym, occurred_at);
