-- Data residency (issue 14, second step): where each jurisdiction's subjects may have their data stored
-- and processed, where an event's subjects live, and who receives the data. SQL shared by H2 2.x and
-- PostgreSQL 15. Classes are JurisdictionClass names (EEA, ADEQUATE, CONDITIONAL, OTHER) and countries
-- ISO 3166-1 alpha-2 codes, each as a comma-separated list (empty: none).

-- One policy per subject jurisdiction: 'EEA' (EU/EEA residents as a whole), a country code, or '*' for
-- subjects of every other jurisdiction. Subjects of unknown jurisdiction are judged by the 'EEA' policy
-- (no more leniently than EU subjects, GDPR Art. 5(2)), besides being a finding of their own.
CREATE TABLE residency_policy (
    jurisdiction          VARCHAR(10)   NOT NULL PRIMARY KEY,
    name                  VARCHAR(200)  NOT NULL,
    storage_classes       VARCHAR(100)  NOT NULL,
    storage_countries     VARCHAR(1000) NOT NULL,
    processing_classes    VARCHAR(100)  NOT NULL,
    processing_countries  VARCHAR(1000) NOT NULL,
    policy_version        INTEGER       NOT NULL,
    updated_at            TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_by            VARCHAR(64)   NOT NULL,
    reason                VARCHAR(1000) NOT NULL
);

-- The product's practice: EU users' data stays in EU regions (stored in the EEA, GDPR Art. 44); processed
-- in the EEA, in an adequate country (Art. 45) or in the US with DPF/SCCs (Decision (EU) 2023/1795,
-- Art. 46), which the judge checks on top. Other subjects: no restriction by default (their own law is not modelled).
INSERT INTO residency_policy VALUES ('EEA', 'EU/EEA subjects: stored in the EEA', 'EEA', '', 'EEA,ADEQUATE,CONDITIONAL', '', 1,
    TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V26', 'shipped default: EU users'' data stays in EU regions (GDPR Art. 44-46)');
INSERT INTO residency_policy VALUES ('*', 'Other subjects: anywhere', 'EEA,ADEQUATE,CONDITIONAL,OTHER', '', 'EEA,ADEQUATE,CONDITIONAL,OTHER', '', 1,
    TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V26', 'shipped default: no residency rule for subjects outside the EU/EEA');

-- Where an event's subjects live, by source and/or agent (NULL matches any); tried in evaluation_order,
-- the first match decides. Events no rule matches have subjects of unknown jurisdiction: a finding.
CREATE TABLE residency_subject_rule (
    id                UUID          NOT NULL PRIMARY KEY,
    evaluation_order  INTEGER       NOT NULL,
    source_name       VARCHAR(100),
    agent_id          VARCHAR(200),
    jurisdiction      VARCHAR(10)   NOT NULL,
    created_at        TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    created_by        VARCHAR(64)   NOT NULL,
    reason            VARCHAR(1000) NOT NULL
);
CREATE INDEX ix_residency_subject_rule_order ON residency_subject_rule (evaluation_order);

-- Who processes an event's data: the model named in the trail (audit_event.model), with the catalog
-- provider and the region or endpoint it runs in, and the transfer mechanism officers recorded (GDPR
-- Art. 45-49). The check adds models it sees for the first time without a location: unknown until an
-- officer records where they process, which is a finding, never a pass.
CREATE TABLE residency_recipient (
    model                VARCHAR(200)  NOT NULL PRIMARY KEY,
    provider             VARCHAR(40),
    location             VARCHAR(200),
    mechanism            VARCHAR(20)   NOT NULL,
    mechanism_date       DATE,
    mechanism_reference  VARCHAR(500),
    updated_at           TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_by           VARCHAR(64)   NOT NULL,
    CONSTRAINT ck_residency_recipient_mechanism CHECK (mechanism IN ('DPF_CERTIFIED', 'SCCS', 'BCRS', 'ART49_DEROGATION', 'NONE'))
);
