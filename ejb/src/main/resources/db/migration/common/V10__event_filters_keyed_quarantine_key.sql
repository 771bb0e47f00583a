-- The events browser and GET /api/events filter by result and by region, newest first, like the
-- agent and action filters before them.
CREATE INDEX ix_audit_event_result ON audit_event (result, occurred_at);
CREATE INDEX ix_audit_event_region ON audit_event (region, occurred_at);
