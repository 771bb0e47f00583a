-- Retention deletion runs (issue 13, second step: the row path). A run deletes, as of its reference
-- instant, exactly what the dry run shows would go (GDPR Art. 5(1)(e) storage limitation), each event
-- through EventDeletion so the tamper-evident log records every deletion. Its position and counts are
-- committed with each batch it deletes, so a killed run continues from there as a new job execution.
CREATE TABLE retention_run (
    id                    UUID           NOT NULL PRIMARY KEY,
    reference_at          TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    run_trigger           VARCHAR(20)    NOT NULL,
    requested_by          VARCHAR(64)    NOT NULL,
    requested_at          TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    status                VARCHAR(20)    NOT NULL,
    application_instance  UUID,
    job_execution_id      BIGINT,
    executions            INTEGER        NOT NULL,
    started_at            TIMESTAMP(3) WITH TIME ZONE,
    ended_at              TIMESTAMP(3) WITH TIME ZONE,
    failure               VARCHAR(2000),
    deleted               BIGINT         NOT NULL,
    position_policy       UUID,
    position_occurred_at  TIMESTAMP(3) WITH TIME ZONE,
    position_event_id     UUID
);
CREATE INDEX ix_retention_run_requested ON retention_run (requested_at);

-- What the run planned per policy (the dry run at its reference instant, policy version included) and
-- what it deleted. A policy the run cannot carry out yet says why in note and deletes nothing.
CREATE TABLE retention_run_policy (
    run_id          UUID          NOT NULL REFERENCES retention_run (id),
    policy_id       UUID          NOT NULL,
    line_order      INTEGER       NOT NULL,
    policy_version  INTEGER       NOT NULL,
    record_class    VARCHAR(40)   NOT NULL,
    period_days     INTEGER       NOT NULL,
    expiry_action   VARCHAR(40)   NOT NULL,
    cutoff          TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    expired         BIGINT        NOT NULL,
    would_go        BIGINT        NOT NULL,
    held_back       BIGINT        NOT NULL,
    deleted         BIGINT        NOT NULL,
    note            VARCHAR(500),
    PRIMARY KEY (run_id, policy_id)
);

-- The held-back counts of each policy with their reasons: legal floor, legal hold, open data-subject request.
CREATE TABLE retention_run_held (
    run_id       UUID           NOT NULL REFERENCES retention_run (id),
    policy_id    UUID           NOT NULL,
    reason_order INTEGER        NOT NULL,
    kind         VARCHAR(20)    NOT NULL,
    name         VARCHAR(200)   NOT NULL,
    detail       VARCHAR(500),
    hold_id      UUID,
    events       BIGINT         NOT NULL,
    PRIMARY KEY (run_id, policy_id, reason_order)
);
