-- Quarantined bytes are what a source sent, unmasked: they are now sealed with AES-256-GCM under the
-- unattributed data key like event content. kept_size is how many bytes of the record were kept
-- (the sealed bytes are longer). Rows from before stay readable as plain bytes (raw_key_id NULL).
ALTER TABLE quarantined_record ADD COLUMN raw_key_id UUID;
ALTER TABLE quarantined_record ADD COLUMN kept_size INTEGER;
