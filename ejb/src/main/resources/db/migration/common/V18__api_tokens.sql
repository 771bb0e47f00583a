-- API tokens for machine clients (CI pipelines pushing trails, SIEMs reading events). Only the
-- SHA-256 of a token is kept: the token is 256 random bits, shown once when it is created, so its
-- hash cannot be reversed or guessed and checking it costs one index look-up, not a PBKDF2 run.
CREATE TABLE api_token (
    id            UUID          NOT NULL PRIMARY KEY,
    account_id    UUID          NOT NULL REFERENCES account (id),
    name          VARCHAR(100)  NOT NULL,
    token_sha256  VARCHAR(64)   NOT NULL,
    created_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP(3) WITH TIME ZONE,
    revoked_by    VARCHAR(64),
    CONSTRAINT uq_api_token_sha256 UNIQUE (token_sha256)
);
CREATE INDEX ix_api_token_account ON api_token (account_id);

-- The roles a token carries: its owner's or fewer, and never more than the owner holds when it is used.
CREATE TABLE api_token_role (
    token_id  UUID         NOT NULL REFERENCES api_token (id),
    role      VARCHAR(40)  NOT NULL,
    CONSTRAINT pk_api_token_role PRIMARY KEY (token_id, role)
);
