package io.trailkeeper.jobs.recovery;

import io.trailkeeper.jobs.ingest.IngestRuns;
import io.trailkeeper.jobs.ingest.RunCheckpoint;
import io.trailkeeper.jobs.retention.RetentionRunLauncher;
import io.trailkeeper.retention.boundary.RetentionRuns;
import io.trailkeeper.retention.entity.RetentionRunView;
import io.trailkeeper.retention.entity.RunStatus;
import io.trailkeeper.source.boundary.PullHistory;
import io.trailkeeper.source.entity.SourcePull;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * As the application stops (undeployed, deployed again, its server stopped): stops this instance's
 * imports and pulls at their next chunk boundary and records them INTERRUPTED, for the next start to
 * continue ({@link InterruptedJobRecovery}). Payara does not stop a deployment's job executions when
 * it goes, so without this an execution would run on in the old deployment next to its continuation
 * in the new one. Called while the application's beans still answer (they are stopped before a
 * singleton's PreDestroy would run).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunsAtStop {

    /** How long stopping waits for the runs to reach a chunk boundary (a chunk takes well under a second). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);
    private static final Logger LOG = Logger.getLogger(RunsAtStop.class.getName());

    @EJB
    PullHistory history;

    @Inject
    RunCheckpoint checkpoints;

    @EJB
    IngestRuns runs;

    @EJB
    RetentionRuns retentionRuns;

    @EJB
    RetentionRunLauncher retentionLauncher;

    public void stopRunsOfThisInstance() {
        stopRetentionRuns();
        List<SourcePull> running = history.runningHere();
        if (running.isEmpty()) {
            return;
        }
        for (SourcePull run : running) {
            try {
                runs.stop(run.jobExecutionId());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Execution " + run.jobExecutionId() + " could not be stopped; it ends at its next chunk", e);
            }
        }
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        // The job's listener records its end (STOPPED) once it has reached a chunk boundary.
        while (System.nanoTime() < deadline && running.stream().anyMatch(this::stillRunning)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (SourcePull run : running) {
            history.interrupted(run.id(), checkpoints.committedCounts(run));
        }
        LOG.info(() -> "Stopped with the application, continued at its next start: executions "
                + running.stream().map(run -> run.jobName() + "#" + run.jobExecutionId()).toList());
    }

    /**
     * Retention runs of this instance are stopped at a chunk boundary and recorded INTERRUPTED: the next
     * start continues each from the position it committed with its last deletions.
     */
    private void stopRetentionRuns() {
        try {
            List<RetentionRunView> running = retentionRuns.runningHere();
            if (running.isEmpty()) {
                return;
            }
            for (RetentionRunView run : running) {
                try {
                    retentionLauncher.stop(run.jobExecutionId());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Retention run " + run.id() + " could not be stopped; it ends at its next chunk", e);
                }
            }
            long deadline = System.nanoTime() + STOP_WAIT.toNanos();
            while (System.nanoTime() < deadline
                    && running.stream().anyMatch(run -> retentionRuns.find(run.id()).status() == RunStatus.STARTED)) {
                Thread.sleep(200);
            }
            running.forEach(run -> retentionRuns.ended(run.id(), RunStatus.INTERRUPTED, null));
            LOG.info(() -> "Stopped with the application, continued at its next start: retention runs "
                    + running.stream().map(RetentionRunView::id).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not stop the retention runs of this instance; the next start continues them", e);
        }
    }

    private boolean stillRunning(SourcePull run) {
        return history.find(run.id()).map(pull -> !pull.state().finished()).orElse(false);
    }
}
