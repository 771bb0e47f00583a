-- Sources of audit trails, records set aside by ingestion, and the people who use Trailkeeper.
-- Written in the SQL that H2 2.x and PostgreSQL 15 share; vendor-specific tables live in h2/ and postgresql/.

CREATE TABLE audit_source (
    id              UUID          NOT NULL PRIMARY KEY,
    name            VARCHAR(100)  NOT NULL,
    kind            VARCHAR(30)   NOT NULL,
    description     VARCHAR(1000),
    created_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_audit_source_name UNIQUE (name)
);

-- A record that could not become an audit event. The raw bytes are kept (capped) so nothing is
-- lost and an officer can see exactly what arrived; raw_sha256 makes re-reading a source idempotent.
CREATE TABLE quarantined_record (
    id                  UUID          NOT NULL PRIMARY KEY,
    source_id           UUID          NOT NULL REFERENCES audit_source (id),
    import_execution_id BIGINT,
    line_number         BIGINT        NOT NULL,
    byte_offset         BIGINT        NOT NULL,
    reason              VARCHAR(1000) NOT NULL,
    raw_bytes           BYTEA         NOT NULL,
    raw_size            INTEGER       NOT NULL,
    raw_sha256          VARCHAR(64)   NOT NULL,
    quarantined_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_quarantined_record_raw UNIQUE (source_id, raw_sha256)
);
CREATE INDEX ix_quarantined_record_time ON quarantined_record (quarantined_at);

CREATE TABLE account (
    id                      UUID          NOT NULL PRIMARY KEY,
    username                VARCHAR(64)   NOT NULL,
    password_hash           VARCHAR(400)  NOT NULL,
    enabled                 BOOLEAN       NOT NULL,
    must_change_password    BOOLEAN       NOT NULL,
    created_at              TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    password_changed_at     TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_account_username UNIQUE (username)
);

CREATE TABLE account_role (
    account_id  UUID         NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role        VARCHAR(40)  NOT NULL,
    PRIMARY KEY (account_id, role)
);
