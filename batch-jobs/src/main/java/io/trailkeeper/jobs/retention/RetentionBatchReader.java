package io.trailkeeper.jobs.retention;

import io.trailkeeper.retention.boundary.RetentionRuns;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;

/**
 * Reads the next batch of events to delete (one item), inside the chunk's transaction, from the run's
 * position as committed with the previous batch: no batch checkpoint is needed, a new execution of the
 * run goes on where the last committed chunk left it.
 */
@Named
@Dependent
public class RetentionBatchReader extends AbstractItemReader {

    private final RetentionRuns runs;
    private final UUID runId;
    private final int batchSize;

    @Inject
    public RetentionBatchReader(RetentionRuns runs, @BatchProperty(name = RetentionRunLauncher.RUN_ID) String runId,
                                @BatchProperty(name = "batchSize") String batchSize) {
        this.runs = runs;
        this.runId = UUID.fromString(runId);
        this.batchSize = batchSize == null || batchSize.isBlank() ? 1000 : Math.max(1, Math.min(10_000, Integer.parseInt(batchSize)));
    }

    @Override
    public Object readItem() {
        return runs.nextBatch(runId, batchSize).orElse(null);
    }
}
