-- Residency findings (issue 14): one row per broken rule, aspect, agent, source and location. A later
-- check adds its events to the same row. Subjects are counted as distinct pseudonyms per check and
-- summed over checks (an upper bound of distinct subjects; no identifier is stored).
CREATE TABLE residency_finding (
    id               UUID          NOT NULL PRIMARY KEY,
    finding_key      VARCHAR(800)  NOT NULL,
    rule             VARCHAR(40)   NOT NULL,
    aspect           VARCHAR(12)   NOT NULL,
    severity         VARCHAR(10)   NOT NULL,
    jurisdiction     VARCHAR(10)   NOT NULL,
    source_name      VARCHAR(100)  NOT NULL,
    agent_id         VARCHAR(200)  NOT NULL,
    location         VARCHAR(200),
    recipient        VARCHAR(200),
    detail           VARCHAR(2000) NOT NULL,
    citation         VARCHAR(1000) NOT NULL,
    catalog_version  VARCHAR(40)   NOT NULL,
    event_count      BIGINT        NOT NULL,
    subject_count    BIGINT        NOT NULL,
    first_seen       TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    last_seen        TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    status_reason    VARCHAR(1000),
    status_by        VARCHAR(64),
    status_at        TIMESTAMP(3) WITH TIME ZONE,
    accepted_until   TIMESTAMP(3) WITH TIME ZONE,
    created_at       TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_residency_finding_key UNIQUE (finding_key),
    CONSTRAINT ck_residency_finding_status CHECK (status IN ('OPEN', 'ACCEPTED', 'RESOLVED'))
);
CREATE INDEX ix_residency_finding_status ON residency_finding (status, severity);
