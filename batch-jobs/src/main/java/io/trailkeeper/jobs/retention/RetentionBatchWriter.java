package io.trailkeeper.jobs.retention;

import io.trailkeeper.retention.boundary.RetentionRuns;
import io.trailkeeper.retention.entity.RunBatch;
import io.trailkeeper.trail.entity.DeletionRefused;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;

/** Deletes each batch through EventDeletion and moves the run's position on, in the chunk's transaction. */
@Named
@Dependent
public class RetentionBatchWriter extends AbstractItemWriter {

    private final RetentionRuns runs;
    private final JobContext job;
    private final UUID runId;

    @Inject
    public RetentionBatchWriter(RetentionRuns runs, JobContext job, @BatchProperty(name = RetentionRunLauncher.RUN_ID) String runId) {
        this.runs = runs;
        this.job = job;
        this.runId = UUID.fromString(runId);
    }

    @Override
    public void writeItems(List<Object> items) {
        for (Object item : items) {
            try {
                runs.delete(runId, (RunBatch) item);
            } catch (DeletionRefused refused) {
                // e.g. a row that no longer matches its leaf: tampering stays for verification to find, the run says why it stopped
                job.setExitStatus("FAILED: " + refused.getMessage());
                throw refused;
            }
        }
    }
}
