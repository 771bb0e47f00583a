-- One OTLP line can hold several spans that fail for different reasons; each is its own quarantine
-- entry. Re-reading a source still adds nothing: the same bytes with the same reason are one entry.
ALTER TABLE quarantined_record DROP CONSTRAINT uq_quarantined_record_raw;
ALTER TABLE quarantined_record ADD CONSTRAINT uq_quarantined_record_raw_reason UNIQUE (source_id, raw_sha256, reason);
