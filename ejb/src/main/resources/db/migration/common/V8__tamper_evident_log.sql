-- The tamper-evident log (RFC 6962): one leaf per stored event, appended in order under a locked
-- head row, and signed checkpoints of the tree. Both tables are append-only by design; verification
-- recomputes leaves from audit_event and compares them with what was recorded here.
CREATE TABLE trail_log_head (
    id     INTEGER NOT NULL PRIMARY KEY,
    size   BIGINT  NOT NULL
);
INSERT INTO trail_log_head (id, size) VALUES (1, 0);

CREATE TABLE trail_log_leaf (
    leaf_index   BIGINT       NOT NULL PRIMARY KEY,
    event_id     UUID         NOT NULL,
    leaf_hash    BYTEA        NOT NULL,
    appended_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_trail_log_leaf_event UNIQUE (event_id)
);

CREATE TABLE trail_checkpoint (
    tree_size      BIGINT       NOT NULL PRIMARY KEY,
    root_hash      BYTEA        NOT NULL,
    sealed_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    previous_hash  BYTEA,
    signature      BYTEA        NOT NULL
);
