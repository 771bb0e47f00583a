-- Retention (issue 13, first step): record classes, the rules that classify events into them, retention
-- policies per class, legal frameworks whose floors no policy can undercut, legal holds, and the
-- versioned record of every change to them. Written in the SQL that H2 2.x and PostgreSQL 15 share.
--
-- An event's record class is NOT stored on audit_event: it is computed by the rules (one SQL CASE
-- expression over the event's source, agent, action, data category and result) whenever counts, a dry
-- run or a deletion need it. See io.trailkeeper.retention.control.ClassificationSql for why.

-- What kind of record an event is. Officers may add classes; exactly one is the default that events no
-- rule matches fall into (counted as such, never skipped). The flags say which legal floors apply.
CREATE TABLE record_class (
    code                 VARCHAR(40)   NOT NULL PRIMARY KEY,
    name                 VARCHAR(100)  NOT NULL,
    description          VARCHAR(1000),
    built_in             BOOLEAN       NOT NULL,
    default_class        BOOLEAN       NOT NULL,
    hipaa_documentation  BOOLEAN       NOT NULL,
    soc2_evidence        BOOLEAN       NOT NULL,
    display_order        INTEGER       NOT NULL
);

INSERT INTO record_class VALUES ('CONVERSATION_LOG', 'Conversation log', 'Prompts and model answers: chat, completions, agent invocations.', TRUE, FALSE, FALSE, FALSE, 10);
INSERT INTO record_class VALUES ('TOOL_CALL_LOG', 'Tool-call log', 'Tools an agent executed, with arguments and results.', TRUE, FALSE, FALSE, FALSE, 20);
INSERT INTO record_class VALUES ('AGENT_MEMORY', 'Agent memory', 'What an agent stored in or recalled from its memory.', TRUE, FALSE, FALSE, FALSE, 30);
INSERT INTO record_class VALUES ('SECURITY_AUDIT_LOG', 'Security/audit log', 'Audit records, guardrail decisions, security and configuration events.', TRUE, FALSE, TRUE, TRUE, 40);
INSERT INTO record_class VALUES ('AUTHENTICATION_EVENT', 'Authentication event', 'Sign-ins, sign-outs, credential checks.', TRUE, FALSE, TRUE, TRUE, 50);
INSERT INTO record_class VALUES ('AUTHORIZATION_EVENT', 'Authorization event', 'Access decisions: permissions granted or denied.', TRUE, FALSE, TRUE, TRUE, 60);
INSERT INTO record_class VALUES ('DATA_ACCESS_EVENT', 'Data-access event', 'Reads, look-ups, searches and exports of records.', TRUE, FALSE, TRUE, TRUE, 70);
INSERT INTO record_class VALUES ('ERROR_LOG', 'Error log', 'Failures no other class claims.', TRUE, FALSE, FALSE, FALSE, 80);
INSERT INTO record_class VALUES ('UNCLASSIFIED', 'Unclassified (default)', 'Events no rule matches. Kept until an officer classifies them or sets a policy for this class.', TRUE, TRUE, FALSE, FALSE, 90);

-- Rules are tried in evaluation_order; the first that matches decides. A condition left NULL matches
-- anything; patterns are case-insensitive globs (* any text, ? one character); source_name is exact.
CREATE TABLE classification_rule (
    id                     UUID          NOT NULL PRIMARY KEY,
    evaluation_order       INTEGER       NOT NULL,
    record_class           VARCHAR(40)   NOT NULL REFERENCES record_class (code),
    source_name            VARCHAR(100),
    agent_pattern          VARCHAR(200),
    action_pattern         VARCHAR(200),
    data_category_pattern  VARCHAR(100),
    result_pattern         VARCHAR(200),
    note                   VARCHAR(500),
    rule_version           INTEGER       NOT NULL,
    updated_at             TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_by             VARCHAR(64)   NOT NULL
);
CREATE INDEX ix_classification_rule_order ON classification_rule (evaluation_order);

-- Defaults from what the formats already say: OpenTelemetry GenAI operation names (gen_ai.operation.name:
-- chat, text_completion, generate_content, invoke_agent, create_agent, execute_tool, embeddings), Langfuse
-- observation types (generation, agent, tool, retriever, guardrail, ...) and agent-action names (ticket.read,
-- auth.login, ...). Authentication and authorization come first: a denied action is an access decision.
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000101', 100, 'AUTHENTICATION_EVENT', NULL, NULL, '*login*', NULL, NULL, 'sign-in actions', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000102', 110, 'AUTHENTICATION_EVENT', NULL, NULL, '*logout*', NULL, NULL, 'sign-out actions', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000103', 120, 'AUTHENTICATION_EVENT', NULL, NULL, '*authenticat*', NULL, NULL, 'authentication actions', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000104', 200, 'AUTHORIZATION_EVENT', NULL, NULL, '*authoriz*', NULL, NULL, 'authorization decisions', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000105', 210, 'AUTHORIZATION_EVENT', NULL, NULL, '*permission*', NULL, NULL, 'permission changes and checks', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000106', 220, 'AUTHORIZATION_EVENT', NULL, NULL, NULL, NULL, 'denied', 'any action refused by an access decision', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000107', 300, 'SECURITY_AUDIT_LOG', NULL, NULL, '*audit*', NULL, NULL, 'audit records', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000108', 310, 'SECURITY_AUDIT_LOG', NULL, NULL, 'guardrail*', NULL, NULL, 'Langfuse guardrail observations', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000109', 320, 'SECURITY_AUDIT_LOG', NULL, NULL, 'security*', NULL, NULL, 'security events', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000110', 400, 'AGENT_MEMORY', NULL, NULL, '*memory*', NULL, NULL, 'memory reads and writes', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000111', 500, 'TOOL_CALL_LOG', NULL, NULL, 'execute_tool', NULL, NULL, 'OTLP GenAI tool spans', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000112', 510, 'TOOL_CALL_LOG', NULL, NULL, 'tool', NULL, NULL, 'Langfuse tool observations', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000113', 520, 'TOOL_CALL_LOG', NULL, NULL, 'tool*call*', NULL, NULL, 'tool calls named so', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000114', 600, 'CONVERSATION_LOG', NULL, NULL, 'chat', NULL, NULL, 'OTLP GenAI chat spans', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000115', 610, 'CONVERSATION_LOG', NULL, NULL, 'text_completion', NULL, NULL, 'OTLP GenAI completion spans', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000116', 620, 'CONVERSATION_LOG', NULL, NULL, 'generate_content', NULL, NULL, 'OTLP GenAI multimodal generation spans', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000117', 630, 'CONVERSATION_LOG', NULL, NULL, 'invoke_agent', NULL, NULL, 'OTLP GenAI agent invocations', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000118', 640, 'CONVERSATION_LOG', NULL, NULL, 'generation', NULL, NULL, 'Langfuse generation observations', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000119', 650, 'CONVERSATION_LOG', NULL, NULL, 'agent', NULL, NULL, 'Langfuse agent observations', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000120', 660, 'CONVERSATION_LOG', NULL, NULL, '*message*', NULL, NULL, 'messages exchanged with a person', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000121', 700, 'DATA_ACCESS_EVENT', NULL, NULL, 'retriever', NULL, NULL, 'Langfuse retrieval observations', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000122', 710, 'DATA_ACCESS_EVENT', NULL, NULL, '*.read', NULL, NULL, 'agent actions reading a record', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000123', 720, 'DATA_ACCESS_EVENT', NULL, NULL, '*.lookup', NULL, NULL, 'agent actions looking a record up', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000124', 730, 'DATA_ACCESS_EVENT', NULL, NULL, '*.search', NULL, NULL, 'agent actions searching records', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000125', 740, 'DATA_ACCESS_EVENT', NULL, NULL, '*.export', NULL, NULL, 'agent actions exporting records', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');
INSERT INTO classification_rule VALUES ('00000000-0000-4000-8000-000000000126', 900, 'ERROR_LOG', NULL, NULL, NULL, NULL, 'error', 'failures no rule above claims (OTLP status ERROR, Langfuse level ERROR)', 1, TIMESTAMP WITH TIME ZONE '2026-12-08 00:00:00+00', 'migration V21');

-- A retention policy: how long events of a class are kept (optionally only those of some sources or
-- agents) and what expiry does to them. Policies are never deleted: a retired one keeps its history.
CREATE TABLE retention_policy (
    id              UUID          NOT NULL PRIMARY KEY,
    record_class    VARCHAR(40)   NOT NULL REFERENCES record_class (code),
    period_days     INTEGER       NOT NULL CHECK (period_days > 0),
    expiry_action   VARCHAR(40)   NOT NULL,
    preset          VARCHAR(40),
    policy_version  INTEGER       NOT NULL,
    created_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(64)   NOT NULL,
    updated_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(64)   NOT NULL,
    retired_at      TIMESTAMP(3) WITH TIME ZONE,
    retired_by      VARCHAR(64)
);
CREATE INDEX ix_retention_policy_class ON retention_policy (record_class);

CREATE TABLE retention_policy_source (
    policy_id    UUID          NOT NULL REFERENCES retention_policy (id),
    source_name  VARCHAR(100)  NOT NULL,
    PRIMARY KEY (policy_id, source_name)
);

CREATE TABLE retention_policy_agent (
    policy_id  UUID          NOT NULL REFERENCES retention_policy (id),
    agent_id   VARCHAR(200)  NOT NULL,
    PRIMARY KEY (policy_id, agent_id)
);

-- Frameworks an officer switches on; each raises a floor that no policy of the classes it covers can
-- undercut. SOC 2: the audit (examination) period plus a margin, both configurable.
CREATE TABLE legal_framework (
    code               VARCHAR(20)   NOT NULL PRIMARY KEY,
    enabled            BOOLEAN       NOT NULL,
    audit_period_days  INTEGER,
    margin_days        INTEGER,
    updated_at         TIMESTAMP(3) WITH TIME ZONE,
    updated_by         VARCHAR(64)
);
INSERT INTO legal_framework (code, enabled, audit_period_days, margin_days) VALUES ('HIPAA', FALSE, NULL, NULL);
INSERT INTO legal_framework (code, enabled, audit_period_days, margin_days) VALUES ('SOC2', FALSE, 365, 90);

-- A legal hold blocks every deletion of what it covers until it is released. Its scope: subjects (by
-- pseudonym, never the identifier), agents, sources and a time range; a dimension left empty covers all.
CREATE TABLE legal_hold (
    id              UUID           NOT NULL PRIMARY KEY,
    matter          VARCHAR(200)   NOT NULL,
    reason          VARCHAR(1000)  NOT NULL,
    placed_by       VARCHAR(64)    NOT NULL,
    placed_at       TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    covers_from     TIMESTAMP(3) WITH TIME ZONE,
    covers_until    TIMESTAMP(3) WITH TIME ZONE,
    released_at     TIMESTAMP(3) WITH TIME ZONE,
    released_by     VARCHAR(64),
    release_reason  VARCHAR(1000)
);

CREATE TABLE legal_hold_subject (
    hold_id            UUID         NOT NULL REFERENCES legal_hold (id),
    subject_pseudonym  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (hold_id, subject_pseudonym)
);

CREATE TABLE legal_hold_agent (
    hold_id   UUID          NOT NULL REFERENCES legal_hold (id),
    agent_id  VARCHAR(200)  NOT NULL,
    PRIMARY KEY (hold_id, agent_id)
);

CREATE TABLE legal_hold_source (
    hold_id      UUID          NOT NULL REFERENCES legal_hold (id),
    source_name  VARCHAR(100)  NOT NULL,
    PRIMARY KEY (hold_id, source_name)
);

-- Every change to classes, rules, policies, frameworks and holds: who, when, old -> new, why. Rows are
-- only added (GDPR Art. 5(2) accountability; SOC 2 CC8.1 changes are authorised and recorded).
CREATE TABLE retention_change (
    id           UUID           NOT NULL PRIMARY KEY,
    subject_kind VARCHAR(20)    NOT NULL,
    subject_id   VARCHAR(64)    NOT NULL,
    change_version INTEGER      NOT NULL,
    changed_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    changed_by   VARCHAR(64)    NOT NULL,
    old_value    VARCHAR(2000),
    new_value    VARCHAR(2000),
    reason       VARCHAR(1000)  NOT NULL
);
CREATE INDEX ix_retention_change_subject ON retention_change (subject_kind, subject_id, changed_at);
