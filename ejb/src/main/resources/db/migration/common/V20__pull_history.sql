-- Every import and pull keeps its history in Trailkeeper's own table, whatever deployment started it:
-- Payara shows a job execution only to the deployment that started it, so after an upgrade or a
-- second start of the run command the batch runtime can no longer say how an earlier run went.
-- The row is written before the job starts (so a fast job cannot end before its row exists), its
-- status follows the job (a job listener writes STARTED and the end state), and the parameters it
-- ran with are kept, so a run a crash or an upgrade interrupted continues as a new job execution from
-- its committed checkpoint (import_checkpoint, keyed by run_id) in whatever deployment is running.
-- Counts are those of the run's checkpoint. Rows from before this version have no run_id and no
-- status: their status is asked of the batch runtime, as before.
ALTER TABLE source_pull ALTER COLUMN job_execution_id DROP NOT NULL;
ALTER TABLE source_pull ADD COLUMN job_name VARCHAR(64);
ALTER TABLE source_pull ADD COLUMN run_id UUID;
ALTER TABLE source_pull ADD COLUMN status VARCHAR(20);
ALTER TABLE source_pull ADD COLUMN ended_at TIMESTAMP(3) WITH TIME ZONE;
ALTER TABLE source_pull ADD COLUMN failure VARCHAR(500);
ALTER TABLE source_pull ADD COLUMN resumed_from BIGINT;
ALTER TABLE source_pull ADD COLUMN resumed_by BIGINT;
ALTER TABLE source_pull ADD COLUMN application_instance UUID;
ALTER TABLE source_pull ADD COLUMN job_parameters VARCHAR(8000);

UPDATE source_pull SET job_name = CASE
    WHEN EXISTS (SELECT 1 FROM audit_source s WHERE s.id = source_pull.source_id AND s.kind = 'LANGFUSE_API') THEN 'langfuse-pull'
    ELSE 'trail-file-import' END;
ALTER TABLE source_pull ALTER COLUMN job_name SET NOT NULL;

CREATE INDEX ix_source_pull_run ON source_pull (run_id, started_at);
CREATE INDEX ix_source_pull_job ON source_pull (job_name, started_at);
CREATE INDEX ix_source_pull_status ON source_pull (status);

-- What the run did, written when it ends (or is found interrupted): a later run of the same import
-- goes on from the same checkpoint, so the checkpoint alone cannot say what each execution had done.
ALTER TABLE source_pull ADD COLUMN read_count BIGINT;
ALTER TABLE source_pull ADD COLUMN stored_count BIGINT;
ALTER TABLE source_pull ADD COLUMN duplicate_count BIGINT;
ALTER TABLE source_pull ADD COLUMN quarantined_count BIGINT;
