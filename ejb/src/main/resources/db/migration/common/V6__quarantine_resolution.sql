-- Officers re-process quarantined records (as kept, or corrected); the record stays as evidence of
-- what arrived, marked with who resolved it, when and how.
ALTER TABLE quarantined_record ADD COLUMN resolved_at TIMESTAMP(3) WITH TIME ZONE;
ALTER TABLE quarantined_record ADD COLUMN resolved_by VARCHAR(64);
ALTER TABLE quarantined_record ADD COLUMN resolution VARCHAR(400);
CREATE INDEX ix_quarantined_record_source ON quarantined_record (source_id, quarantined_at);
