-- The events browser and GET /api/events filter by result and by region, newest first, like the
-- agent and action filters before them.
CREATE INDEX ix_audit_event_result ON audit_event (result, occurred_at);
CREATE INDEX ix_audit_event_region ON audit_event (region, occurred_at);

-- A quarantined record is told apart by a keyed fingerprint of its bytes (HMAC-SHA256 under a key
-- derived from the master key) instead of an unkeyed SHA-256, which would confirm a guessed short line
-- holding personal data. Existing rows keep their old hash in raw_sha256 until start-up
-- (QuarantineFingerprintUpgrade) replaces it by the fingerprint, or clears it where only the head of the
-- line was kept; raw_sha256 stays as an always-empty column afterwards, so no migration drops data.
ALTER TABLE quarantined_record ADD COLUMN raw_hmac VARCHAR(64);
ALTER TABLE quarantined_record ALTER COLUMN raw_sha256 DROP NOT NULL;
ALTER TABLE quarantined_record DROP CONSTRAINT uq_quarantined_record_raw_reason;
ALTER TABLE quarantined_record ADD CONSTRAINT uq_quarantined_record_fingerprint_reason UNIQUE (source_id, raw_hmac, reason);
