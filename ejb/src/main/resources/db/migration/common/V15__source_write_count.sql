-- How many chunks were ever stored for each source, raised under the source's lock in the
-- transaction that stores them. A file import looks up which of its next lines' event ids the source
-- already holds ahead of the chunk (off the chunk's critical path), reading this count in the same
-- statement; the chunk relies on that look-up only when every write since was its own run's, and
-- otherwise looks the ids up again under the lock, so exactly-once holds with concurrent pulls.
ALTER TABLE audit_source ADD COLUMN stored_chunks BIGINT DEFAULT 0 NOT NULL;
