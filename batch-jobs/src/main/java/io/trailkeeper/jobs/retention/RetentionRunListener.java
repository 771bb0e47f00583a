package io.trailkeeper.jobs.retention;

import io.trailkeeper.retention.boundary.RetentionRuns;
import io.trailkeeper.retention.entity.RunStatus;
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

/** Records in the run's own row when an execution starts and how it ended. */
@Named
@Dependent
public class RetentionRunListener implements JobListener {

    private static final Logger LOG = Logger.getLogger(RetentionRunListener.class.getName());

    private final RetentionRuns runs;
    private final JobContext job;
    private final String runId;

    @Inject
    public RetentionRunListener(RetentionRuns runs, JobContext job, @BatchProperty(name = RetentionRunLauncher.RUN_ID) String runId) {
        this.runs = runs;
        this.job = job;
        this.runId = runId;
    }

    @Override
    public void beforeJob() {
        runs.started(UUID.fromString(runId), job.getExecutionId());
    }

    @Override
    public void afterJob() {
        try {
            RunStatus status = endState(job.getBatchStatus());
            runs.ended(UUID.fromString(runId), status, status == RunStatus.FAILED ? failure(job.getExitStatus()) : null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record how retention run " + runId + " ended", e);
        }
    }

    /** Job listeners run before the job's final status is set: a job still STARTED completes. */
    static RunStatus endState(BatchStatus status) {
        return switch (status) {
            case STARTING, STARTED, COMPLETED -> RunStatus.COMPLETED;
            case STOPPING, STOPPED, ABANDONED -> RunStatus.STOPPED;
            case FAILED -> RunStatus.FAILED;
        };
    }

    static String failure(String exitStatus) {
        return exitStatus == null || !exitStatus.startsWith("FAILED: ") ? "the job failed; the server log says why"
                : exitStatus.substring("FAILED: ".length());
    }
}
