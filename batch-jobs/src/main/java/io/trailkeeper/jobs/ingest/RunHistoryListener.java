package io.trailkeeper.jobs.ingest;

import io.trailkeeper.ingest.entity.StoreOutcome;
import io.trailkeeper.source.boundary.PullHistory;
import io.trailkeeper.source.entity.PullCounts;
import io.trailkeeper.source.entity.PullState;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes how a run goes into the pull history: STARTED when its job begins, its end state, failure
 * and counts when it ends. Executions without a pull id (restarted by the batch runtime from before
 * the history kept state) are left alone. A history that cannot be written never fails the job: its
 * events are stored either way, and a run left "STARTED" is taken for interrupted at the next start.
 */
@Named
@Dependent
public class RunHistoryListener implements JobListener {

    private static final Logger LOG = Logger.getLogger(RunHistoryListener.class.getName());

    private final PullHistory history;
    private final RunCheckpoint checkpoints;
    private final JobContext job;
    private final String pullId;
    private final String runId;

    @Inject
    public RunHistoryListener(PullHistory history, RunCheckpoint checkpoints, JobContext job,
                              @BatchProperty(name = IngestRuns.PULL_ID) String pullId,
                              @BatchProperty(name = RunCheckpoint.RUN_ID) String runId) {
        this.history = history;
        this.checkpoints = checkpoints;
        this.job = job;
        this.pullId = pullId;
        this.runId = runId;
    }

    @Override
    public void beforeJob() {
        if (pullId == null || pullId.isBlank()) {
            return;
        }
        try {
            history.running(UUID.fromString(pullId), job.getExecutionId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record that execution " + job.getExecutionId() + " started", e);
        }
    }

    @Override
    public void afterJob() {
        if (pullId == null || pullId.isBlank()) {
            return;
        }
        try {
            PullState state = endState(job.getBatchStatus());
            StoreOutcome tally = checkpoints.committed(runId);
            history.ended(UUID.fromString(pullId), state, state == PullState.FAILED ? failure(job.getExitStatus()) : null,
                    new PullCounts(tally.read(), tally.stored(), tally.duplicates(), tally.quarantined()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record how execution " + job.getExecutionId() + " ended", e);
        }
    }

    /**
     * The batch runtime calls job listeners before it moves the job to its final status: a job that
     * is still STARTED then completes, one STOPPING stops.
     */
    static PullState endState(BatchStatus status) {
        return switch (status) {
            case STARTING, STARTED, COMPLETED -> PullState.COMPLETED;
            case STOPPING, STOPPED -> PullState.STOPPED;
            case FAILED -> PullState.FAILED;
            case ABANDONED -> PullState.ABANDONED;
        };
    }

    /** The reason a job gives in its exit status ("FAILED: ..."), which names no credential or content. */
    static String failure(String exitStatus) {
        if (exitStatus == null || !exitStatus.startsWith("FAILED: ")) {
            return "the job failed; the server log says why";
        }
        return exitStatus.substring("FAILED: ".length());
    }
}
