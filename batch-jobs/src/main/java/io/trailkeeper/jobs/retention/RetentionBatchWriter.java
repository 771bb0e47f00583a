package io.trailkeeper.jobs.retention;

import io.trailkeeper.retention.boundary.RetentionRuns;
import io.trailkeeper.retention.entity.RunBatch;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
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
    private final UUID runId;

    @Inject
    public RetentionBatchWriter(RetentionRuns runs, @BatchProperty(name = RetentionRunLauncher.RUN_ID) String runId) {
        this.runs = runs;
        this.runId = UUID.fromString(runId);
    }

    @Override
    public void writeItems(List<Object> items) {
        for (Object item : items) {
            runs.delete(runId, (RunBatch) item);
        }
    }
}
