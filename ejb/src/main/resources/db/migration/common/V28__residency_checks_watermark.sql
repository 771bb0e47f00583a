-- Residency checks (issue 14): each check judges the events whose tamper-evident log leaf lies after the
-- watermark, up to the log's size when it started, and moves the watermark in the transaction that
-- stores its findings: every event is counted exactly once. Log leaves are appended under the locked log
-- head and committed in order, so the committed leaf indexes are always a gap-free prefix.
CREATE TABLE residency_watermark (
    id           INTEGER  NOT NULL PRIMARY KEY,
    leaf_index   BIGINT   NOT NULL,
    updated_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
INSERT INTO residency_watermark VALUES (1, -1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00');

CREATE TABLE residency_run (
    id                UUID          NOT NULL PRIMARY KEY,
    started_at        TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    finished_at       TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    started_by        VARCHAR(64)   NOT NULL,
    from_leaf         BIGINT        NOT NULL,
    to_leaf           BIGINT        NOT NULL,
    event_groups      INTEGER       NOT NULL,
    events            BIGINT        NOT NULL,
    new_findings      INTEGER       NOT NULL,
    updated_findings  INTEGER       NOT NULL,
    reopened          INTEGER       NOT NULL,
    catalog_version   VARCHAR(40)   NOT NULL
);
CREATE INDEX ix_residency_run_started ON residency_run (started_at);
