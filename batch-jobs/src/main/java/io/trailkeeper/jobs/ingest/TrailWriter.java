package io.trailkeeper.jobs.ingest;

import io.trailkeeper.ingest.boundary.TrailIngestion;
import io.trailkeeper.ingest.store.control.RecentWrites;
import io.trailkeeper.ingest.entity.IngestRecord;
import io.trailkeeper.ingest.entity.StoreOutcome;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Stores each chunk through {@link TrailIngestion} in the chunk's transaction and keeps the running
 * tally in the checkpoint, so the figures an officer sees survive a restart unchanged. The tally and
 * the reader's position are also recorded with the chunk's events ({@link RunCheckpoint}): a restart
 * after a crash between the batch runtime's two commits resumes from there, not one chunk early.
 */
@Named
@Dependent
public class TrailWriter extends AbstractItemWriter {

    private final TrailIngestion ingestion;
    private final JobContext job;
    private final StepContext step;
    private final String sourceId;
    private final String runId;
    private final RunCheckpoint checkpoints;
    private StoreOutcome tally = StoreOutcome.NONE;
    /** This run's committed chunks, which let a chunk rely on event ids the reader looked up ahead. */
    private final RecentWrites recentWrites = new RecentWrites();

    @Inject
    public TrailWriter(TrailIngestion ingestion, JobContext job, StepContext step,
                       @BatchProperty(name = "sourceId") String sourceId, @BatchProperty(name = RunCheckpoint.RUN_ID) String runId,
                       RunCheckpoint checkpoints) {
        this.ingestion = ingestion;
        this.job = job;
        this.step = step;
        this.sourceId = sourceId;
        this.runId = runId;
        this.checkpoints = checkpoints;
    }

    @Override
    public void open(Serializable checkpoint) {
        tally = checkpoints.writerResumesWith(runId, checkpoint);
    }

    /** Each item is the list of records one line produced (one per span for OTLP lines). */
    @Override
    public void writeItems(List<Object> items) {
        List<IngestRecord> records = new ArrayList<>(items.size());
        for (Object item : items) {
            for (Object record : (List<?>) item) {
                records.add((IngestRecord) record);
            }
        }
        StoreOutcome outcome = ingestion.store(UUID.fromString(sourceId), job.getExecutionId(), records, recentWrites);
        tally = tally.plus(outcome);
        checkpoints.chunkCommitted(runId, job.getJobName(), step, tally);
        step.setPersistentUserData(tally);
    }

    @Override
    public Serializable checkpointInfo() {
        return tally;
    }
}
