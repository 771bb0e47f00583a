-- Deletions by retention (GDPR Art. 5(1)(e)) or erasure (GDPR Art. 17) are leaves of the log
-- themselves, so verification tells them apart from rows deleted behind Trailkeeper's back. A leaf is
-- an EVENT (a stored event) or a DELETION: the deletion of the event at deletes_leaf_index, on a ground,
-- at the request of a job or an account. An event id thus appears at most once per kind. Rows already in
-- the log are events; the event path keeps inserting without naming the kind.
ALTER TABLE trail_log_leaf ADD COLUMN kind VARCHAR(10) DEFAULT 'EVENT' NOT NULL;
ALTER TABLE trail_log_leaf ADD COLUMN deletes_leaf_index BIGINT;
ALTER TABLE trail_log_leaf ADD COLUMN deletion_ground VARCHAR(40);
ALTER TABLE trail_log_leaf ADD COLUMN requested_by VARCHAR(200);
ALTER TABLE trail_log_leaf DROP CONSTRAINT uq_trail_log_leaf_event;
ALTER TABLE trail_log_leaf ADD CONSTRAINT uq_trail_log_leaf_event_kind UNIQUE (event_id, kind);
ALTER TABLE trail_log_leaf ADD CONSTRAINT uq_trail_log_leaf_deletes UNIQUE (deletes_leaf_index);
-- A deletion always follows the leaf it deletes; an event leaf carries no deletion details.
ALTER TABLE trail_log_leaf ADD CONSTRAINT ck_trail_log_leaf_kind CHECK (
    (kind = 'EVENT' AND deletes_leaf_index IS NULL AND deletion_ground IS NULL AND requested_by IS NULL)
    OR (kind = 'DELETION' AND deletes_leaf_index IS NOT NULL AND deletes_leaf_index < leaf_index
        AND deletion_ground IS NOT NULL AND requested_by IS NOT NULL));
