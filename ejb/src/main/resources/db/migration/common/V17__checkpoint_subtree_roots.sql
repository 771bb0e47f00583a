-- Each checkpoint keeps the roots of the complete subtrees of its tree (at most 64 hashes), so that the
-- next seal reads only the leaves appended since instead of the whole log: sealing every quarter of an
-- hour would otherwise read every leaf ever stored. NULL for checkpoints sealed before; the first seal
-- after this migration reads the log once and stores them.
ALTER TABLE trail_checkpoint ADD COLUMN subtree_roots BYTEA;
