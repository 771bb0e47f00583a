-- The normalized audit event. Same columns as the PostgreSQL version; H2 has no declarative
-- partitioning, so the table is plain here. The primary key and the uniqueness of a source's event
-- id include occurred_at so both databases accept the same statements.
CREATE TABLE audit_event (
    id                  UUID          NOT NULL,
    occurred_at         TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    ingested_at         TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    source_id           UUID          NOT NULL REFERENCES audit_source (id),
    source_event_id     VARCHAR(200)  NOT NULL,
    import_execution_id BIGINT,
    agent_id            VARCHAR(200)  NOT NULL,
    agent_name          VARCHAR(200),
    agent_version       VARCHAR(200),
    deployment          VARCHAR(200),
    region              VARCHAR(200),
    subject_ref         VARCHAR(200),
    session_id          VARCHAR(200),
    action              VARCHAR(200)  NOT NULL,
    target              VARCHAR(2000),
    result              VARCHAR(200),
    reason              VARCHAR(2000),
    human_confirmed     BOOLEAN,
    model               VARCHAR(200),
    input_tokens        BIGINT,
    output_tokens       BIGINT,
    latency_ms          BIGINT,
    error               VARCHAR(2000),
    data_category       VARCHAR(100),
    content             BYTEA,
    content_encoding    VARCHAR(40),
    PRIMARY KEY (id, occurred_at),
    CONSTRAINT uq_audit_event_source_event UNIQUE (source_id, source_event_id, occurred_at)
);
CREATE INDEX ix_audit_event_occurred ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_agent ON audit_event (agent_id, occurred_at);
CREATE INDEX ix_audit_event_action ON audit_event (action, occurred_at);
