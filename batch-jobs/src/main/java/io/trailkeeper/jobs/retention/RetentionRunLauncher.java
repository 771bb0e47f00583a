package io.trailkeeper.jobs.retention;

import io.trailkeeper.retention.boundary.RetentionRuns;
import io.trailkeeper.retention.entity.RetentionRunView;
import io.trailkeeper.retention.entity.RunStatus;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

/**
 * Starts retention runs: the run is recorded (with the dry run at its reference instant) before the
 * batch runtime gets it, and its job carries the run's id. A run interrupted by a crash or a stop is
 * continued as a new execution with the same id, which goes on from the position the run committed
 * with its last deletions: Payara lets only the deployment that started an execution restart it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the batch runtime runs its own transactions
public class RetentionRunLauncher {

    public static final String JOB_NAME = "retention-run";
    static final String RUN_ID = "retentionRunId";

    @EJB
    RetentionRuns runs;

    /** Plans a run as of {@code at} (null: now) and starts its job; the run as recorded. */
    public RetentionRunView start(Instant at, String trigger, String requestedBy) {
        RetentionRunView run = runs.plan(at, trigger, requestedBy);
        launch(run.id());
        return runs.find(run.id());
    }

    /** Continues an interrupted run from its committed position; the new execution's id. */
    public long resume(UUID runId) {
        return launch(runId);
    }

    /** Asks the batch runtime to stop an execution at its next chunk boundary (only the starting application may). */
    public void stop(long executionId) {
        BatchRuntime.getJobOperator().stop(executionId);
    }

    private long launch(UUID runId) {
        Properties parameters = new Properties();
        parameters.setProperty(RUN_ID, runId.toString());
        try {
            return BatchRuntime.getJobOperator().start(JOB_NAME, parameters);
        } catch (RuntimeException e) {
            runs.ended(runId, RunStatus.FAILED, "the batch runtime refused the job: " + e.getMessage());
            throw e;
        }
    }
}
