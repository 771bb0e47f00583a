-- An auditor relies on a recorded deletion to say on what ground an event was removed and who asked
-- (GDPR Art. 5(2) accountability; Art. 17 erasure, Art. 5(1)(e) storage limitation). From now on a
-- DELETION leaf's hash commits to that too: a layout of its own (type tag 'D': deleted leaf index,
-- event id, the deleted event leaf's hash, ground, requester), so verification recomputes it from its
-- row and an altered ground, requester or deleted index shows as a changed leaf.
--
-- leaf_layout says which layout a leaf's hash was computed over; the hash itself cannot say.
-- EVENT_FIELDS: every event leaf, and deletion leaves written under V11, which hashed the deleted
-- event's fields under kind DELETION and nothing else. Those stay as they are (they are sealed into
-- signed checkpoints) and keep verifying; the event path goes on inserting without naming the layout.
ALTER TABLE trail_log_leaf ADD COLUMN leaf_layout VARCHAR(20) DEFAULT 'EVENT_FIELDS' NOT NULL;
ALTER TABLE trail_log_leaf ADD CONSTRAINT ck_trail_log_leaf_layout CHECK (
    leaf_layout = 'EVENT_FIELDS' OR (leaf_layout = 'DELETION_RECORD' AND kind = 'DELETION'));
