-- How many values of each kind were masked in an event before it was stored: the evidence behind
-- "no credentials or card numbers in the AI logs". Events stored before masking existed count 0.
ALTER TABLE audit_event ADD COLUMN masked_secrets INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE audit_event ADD COLUMN masked_payment_cards INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE audit_event ADD COLUMN masked_us_ssns INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE audit_event ADD COLUMN masked_emails INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE audit_event ADD COLUMN masked_phones INTEGER DEFAULT 0 NOT NULL;
