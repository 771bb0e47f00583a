-- How officers configure each audit source to be pulled, every pull that ran, and the files of
-- watched directories already imported. Written in the SQL that H2 2.x and PostgreSQL 15 share.

-- One row per configured source; a source created by an upload has none until an officer edits it
-- (it then behaves as enabled, uploads only). Credentials are never stored: only the NAMES of the
-- MicroProfile Config properties (environment variables, password aliases) that hold them.
CREATE TABLE source_settings (
    source_id               UUID          NOT NULL PRIMARY KEY REFERENCES audit_source (id),
    enabled                 BOOLEAN       NOT NULL,
    watched_directory       VARCHAR(1000),
    poll_interval_seconds   INTEGER       NOT NULL,
    base_url                VARCHAR(500),
    public_key_property     VARCHAR(200),
    secret_key_property     VARCHAR(200),
    page_size               INTEGER,
    updated_at              TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_by              VARCHAR(64)
);

-- One row per job execution that pulled a source (schedule, an officer's "pull now", or an upload).
-- Status and counts stay with the batch runtime's execution; this row says which source and why.
CREATE TABLE source_pull (
    id                  UUID          NOT NULL PRIMARY KEY,
    source_id           UUID          NOT NULL REFERENCES audit_source (id),
    job_execution_id    BIGINT        NOT NULL,
    trigger_kind        VARCHAR(20)   NOT NULL,
    file_name           VARCHAR(1000),
    requested_by        VARCHAR(64),
    started_at          TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_source_pull_source ON source_pull (source_id, started_at);
CREATE INDEX ix_source_pull_execution ON source_pull (job_execution_id);

-- A file of a watched directory as it was when it was imported (path, size, last-modified, content
-- SHA-256): the same file is imported once, a changed one again. When only the last-modified time
-- changed and the content is identical, a row with the earlier import's execution id is added, so the
-- next look at the directory needs no re-reading.
CREATE TABLE watched_file (
    id                  UUID          NOT NULL PRIMARY KEY,
    source_id           UUID          NOT NULL REFERENCES audit_source (id),
    path                VARCHAR(1000) NOT NULL,
    size_bytes          BIGINT        NOT NULL,
    modified_at         TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    sha256              VARCHAR(64)   NOT NULL,
    job_execution_id    BIGINT,
    seen_at             TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_watched_file_source ON watched_file (source_id, size_bytes);

-- Uploads before this version count as pulls of their source too: one per import execution that
-- stored or set aside anything. The id is derived from the execution id (version nibble 0, so it
-- can never equal a random version-4 UUID) because H2 and PostgreSQL name their UUID generators
-- differently.
INSERT INTO source_pull (id, source_id, job_execution_id, trigger_kind, file_name, requested_by, started_at)
SELECT CAST('00000000-0000-0000-0000-' || LPAD(CAST(p.execution_id AS VARCHAR(12)), 12, '0') AS UUID),
       p.source_id, p.execution_id, 'UPLOAD', NULL, NULL, MIN(p.seen_at)
FROM (SELECT import_execution_id AS execution_id, source_id, ingested_at AS seen_at
      FROM audit_event WHERE import_execution_id IS NOT NULL
      UNION ALL
      SELECT import_execution_id, source_id, quarantined_at
      FROM quarantined_record WHERE import_execution_id IS NOT NULL) p
GROUP BY p.execution_id, p.source_id;
