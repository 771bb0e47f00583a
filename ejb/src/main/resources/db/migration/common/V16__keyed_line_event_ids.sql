-- Event ids derived from lines that name none were an unkeyed SHA-256 of the line ("sha256:..."),
-- which lets anyone who reads the database confirm a guessed line, and with it the subject the
-- keyed pseudonym hides (GDPR Art. 4(5), Art. 32(1)(a)). New sources derive them with an HMAC under a
-- key derived from the master key. A source that already holds such ids keeps the unkeyed scheme:
-- the log's leaves commit to the ids, so they cannot be rewritten, and a new scheme would store every
-- line of a re-imported file a second time.
ALTER TABLE audit_source ADD COLUMN line_ids_keyed BOOLEAN DEFAULT TRUE NOT NULL;
UPDATE audit_source SET line_ids_keyed = FALSE
 WHERE EXISTS (SELECT 1 FROM audit_event e
                WHERE e.source_id = audit_source.id AND e.source_event_id LIKE 'sha256:%');
