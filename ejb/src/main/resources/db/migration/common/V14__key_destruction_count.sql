-- How many data keys have ever been destroyed, raised in the transaction that destroys them. Servers
-- remember which key is active for each subject between the chunks of an import (one lookup per chunk
-- instead of one per subject); they read this count with every chunk and forget what they remember
-- when it changed, so a key destroyed for an erasure (GDPR Art. 17) is not used again, even by another
-- server on the same database. Keys are destroyed only through the application (SubjectVault), which
-- keeps this row in step.
CREATE TABLE subject_key_destruction (
    id              SMALLINT  NOT NULL PRIMARY KEY CHECK (id = 1),
    destroyed_keys  BIGINT    NOT NULL
);
INSERT INTO subject_key_destruction (id, destroyed_keys)
    SELECT 1, COUNT(*) FROM subject_key WHERE destroyed_at IS NOT NULL;
