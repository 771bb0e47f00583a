package io.trailkeeper.jobs.ingest;

import io.trailkeeper.source.boundary.PullHistory;
import io.trailkeeper.source.entity.NewPull;
import io.trailkeeper.source.entity.PullTrigger;
import io.trailkeeper.source.entity.SourcePull;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Properties;
import java.util.UUID;

/**
 * Starts the runs of the ingest jobs (file imports, Langfuse pulls), each recorded in the
 * {@link PullHistory} before the batch runtime gets it, and continues interrupted ones.
 *
 * <p>A run is continued as a new job execution that carries the run's id: its reader and writer go
 * on from the checkpoint the run committed with its events ({@link RunCheckpoint}). Unlike a batch
 * restart, this does not depend on the deployment that started the run, which Payara requires of a
 * restart: after an upgrade, or the run command's second start, an interrupted run still finishes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the batch runtime runs its own transactions
public class IngestRuns {

    /** The job parameter naming the run's row in the pull history, read by {@link RunHistoryListener}. */
    public static final String PULL_ID = "pullId";

    @EJB
    PullHistory history;

    /**
     * Starts a first run of a job.
     *
     * @param parameters the job's parameters; a run id is added
     * @return the job execution id
     */
    public long start(UUID sourceId, String jobName, PullTrigger trigger, String fileName, String requestedBy,
                      Properties parameters) {
        Properties run = copy(parameters);
        run.setProperty(RunCheckpoint.RUN_ID, RunCheckpoint.newRunId());
        return launch(sourceId, jobName, trigger, fileName, requestedBy, run, null);
    }

    /**
     * Continues an interrupted run as a new execution of the same run, from its committed checkpoint.
     *
     * @param changes parameters that differ from the interrupted execution's (for a pull: current key property names)
     * @return the new job execution id
     */
    public long resume(SourcePull interrupted, PullTrigger trigger, String requestedBy, Properties changes) {
        Properties run = JobParameterText.read(interrupted.jobParameters());
        run.putAll(changes);
        run.setProperty(RunCheckpoint.RUN_ID, interrupted.runId().orElseThrow().toString());
        long executionId = launch(interrupted.sourceId(), interrupted.jobName(), trigger, interrupted.fileName(), requestedBy,
                run, interrupted.jobExecutionId() == 0 ? null : interrupted.jobExecutionId());
        history.continuedAs(interrupted.id(), executionId);
        return executionId;
    }

    /**
     * Asks the batch runtime to stop an execution at its next chunk boundary. Here, because Payara
     * lets only the bean that started an execution stop it.
     */
    public void stop(long executionId) {
        BatchRuntime.getJobOperator().stop(executionId);
    }

    /** @return the parameters an execution of the run was started with */
    public static Properties parametersOf(SourcePull pull) {
        return JobParameterText.read(pull.jobParameters());
    }

    private long launch(UUID sourceId, String jobName, PullTrigger trigger, String fileName, String requestedBy,
                        Properties parameters, Long resumedFrom) {
        parameters.remove(PULL_ID);
        UUID runId = UUID.fromString(parameters.getProperty(RunCheckpoint.RUN_ID));
        UUID pullId = history.opened(new NewPull(sourceId, jobName, runId, trigger, fileName, requestedBy,
                JobParameterText.write(parameters), resumedFrom));
        parameters.setProperty(PULL_ID, pullId.toString());
        long executionId;
        try {
            executionId = BatchRuntime.getJobOperator().start(jobName, parameters);
        } catch (RuntimeException e) {
            history.refused(pullId);
            throw e;
        }
        history.accepted(pullId, executionId);
        return executionId;
    }

    private static Properties copy(Properties parameters) {
        Properties copy = new Properties();
        parameters.stringPropertyNames().forEach(name -> copy.setProperty(name, parameters.getProperty(name)));
        return copy;
    }
}
