-- Every change an administrator makes to an account, with who made it and when: the record of
-- access granted, changed and removed that SOC 2 CC6.2 and CC6.3 ask for. Rows are only added.
CREATE TABLE account_change (
    id          UUID          NOT NULL PRIMARY KEY,
    account_id  UUID          NOT NULL REFERENCES account (id),
    action      VARCHAR(30)   NOT NULL,
    detail      VARCHAR(500),
    changed_by  VARCHAR(64)   NOT NULL,
    changed_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_account_change_account ON account_change (account_id, changed_at);
