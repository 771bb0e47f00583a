-- Where each import or pull stands, written in the same transaction as the events of the chunk it
-- describes. Payara keeps the batch checkpoint in its own job repository, a second database, so a
-- crash between the two commits of a chunk's two-phase commit could leave the events stored and the
-- batch checkpoint one chunk behind; the resumed run then read the chunk again and reported its
-- events as duplicates. This row cannot lag behind the events: a resumed run starts from it.
-- run_id is a job parameter given when the run first starts, not the batch runtime's instance id,
-- which starts again at 1 if the job repository is ever recreated next to this database.
CREATE TABLE import_checkpoint (
    run_id              UUID          NOT NULL PRIMARY KEY,
    job_name            VARCHAR(64)   NOT NULL,
    reader_position     BYTEA         NOT NULL,
    read_count          BIGINT        NOT NULL,
    stored_count        BIGINT        NOT NULL,
    duplicate_count     BIGINT        NOT NULL,
    quarantined_count   BIGINT        NOT NULL,
    chunks              BIGINT        NOT NULL,
    updated_at          TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
