package io.trailkeeper.jobs.recovery;

import io.trailkeeper.ingest.boundary.TrailIngestion;
import io.trailkeeper.jobs.ingest.ImportLauncher;
import io.trailkeeper.jobs.ingest.RunCheckpoint;
import io.trailkeeper.jobs.retention.RetentionRunLauncher;
import io.trailkeeper.retention.boundary.RetentionRuns;
import io.trailkeeper.retention.entity.RunStatus;
import io.trailkeeper.source.boundary.PullHistory;
import io.trailkeeper.source.entity.SourcePull;
import io.trailkeeper.jobs.source.SourcePulls;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * After every start of the application, finds the imports and pulls its history shows as still
 * going on in an application instance that is gone (a crash, a server stop, an upgrade or a second
 * start of the run command), records them FAILED with what they had committed, and, unless
 * {@code trailkeeper.import.resume-after-crash=false}, continues each from its checkpoint as a new
 * execution: an officer expects an import they started to finish by itself. Executions a crash left
 * "running" in Payara's job repository are marked FAILED there too ({@link PayaraJobRepository}).
 * Runs from a timer just after deployment; continuing waits until the application's beans answer and
 * the crashed chunk's transaction is decided.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the job repository is updated in a transaction of its own
public class InterruptedJobRecovery {

    /** Every job Trailkeeper defines; a new job is added here so that a crash cannot strand it. */
    static final List<String> RECOVERED_JOBS = List.of(ImportLauncher.JOB_NAME, "langfuse-pull", RetentionRunLauncher.JOB_NAME);
    private static final Logger LOG = Logger.getLogger(InterruptedJobRecovery.class.getName());
    private static final long RETRY_MILLIS = 1_000;
    private static final int MAX_WAITS = 300;

    @Inject
    @ConfigProperty(name = "trailkeeper.import.resume-after-crash", defaultValue = "true")
    boolean resumeImports;

    /** The batch runtime's job repository (Payara: asadmin get configs.config.server-config.batch-runtime-configuration). */
    @Inject
    @ConfigProperty(name = "trailkeeper.jobs.repository.datasource", defaultValue = "jdbc/__TimerPool")
    String repositoryDataSource;

    /** Empty by default, as in Payara; set both to match a batch runtime configured with a table prefix or suffix. */
    @Inject
    @ConfigProperty(name = "trailkeeper.jobs.repository.table-prefix")
    Optional<String> tablePrefix;

    @Inject
    @ConfigProperty(name = "trailkeeper.jobs.repository.table-suffix")
    Optional<String> tableSuffix;

    @Resource
    TimerService timers;

    @EJB
    ImportLauncher imports;

    @EJB
    TrailIngestion ingestion;

    @EJB
    PullHistory history;

    @Inject
    RunCheckpoint checkpoints;

    @EJB
    SourcePulls pulls;

    @EJB
    RetentionRuns retentionRuns;

    @EJB
    RetentionRunLauncher retentionLauncher;

    private boolean repositoryMarked;
    private int waits;

    @PostConstruct
    void scheduleOnce() {
        try {
            // Before any import of this server runs: its checkpoints must survive a crash like its events.
            repository().makeCommitsDurable();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not make the batch job repository " + repositoryDataSource + " write commits at once;"
                    + " after a crash an import may re-read its last lines. Run SET WRITE_DELAY 0 on it or use PostgreSQL", e);
        }
        timers.createSingleActionTimer(500, new TimerConfig("interrupted-job-recovery", false));
    }

    /**
     * Finds the runs the pull history shows as going on in an application instance that is gone (a
     * crash, a server stop, an upgrade), records them FAILED with what they had committed, and
     * continues each as a new execution from its checkpoint. The history, not the batch runtime,
     * says which: Payara shows an execution only to the deployment that started it.
     */
    @Timeout
    void recover() {
        try {
            if (!repositoryMarked) {
                markInterruptedInRepository();
                repositoryMarked = true;
            }
            if (!applicationStarted() && retryLater()) {
                return;
            }
            List<SourcePull> interrupted = history.toContinue();
            List<UUID> retention = retentionRuns.toContinue();
            if (interrupted.isEmpty() && retention.isEmpty()) {
                return;
            }
            if (!transactionsDecided() && retryLater()) {
                return;
            }
            if (!interrupted.isEmpty()) {
                LOG.warning(() -> "Interrupted by a stop of the server or the application: executions "
                        + interrupted.stream().map(run -> run.jobName() + "#" + run.jobExecutionId()).toList());
                interrupted.forEach(this::endAndResume);
            }
            retention.forEach(this::continueRetentionRun);
        } catch (Exception e) {
            // Nothing is lost: the runs stay as they were and can be examined; the server runs on.
            LOG.log(Level.SEVERE, "Could not recover runs interrupted by a stop of the server or the application", e);
        }
    }

    /** @return true when it will look again in a moment; false when it has waited long enough and goes on */
    private boolean retryLater() {
        if (++waits >= MAX_WAITS) {
            return false;
        }
        timers.createSingleActionTimer(RETRY_MILLIS, new TimerConfig("interrupted-job-recovery", false));
        return true;
    }

    /**
     * Payara's own view: executions a crash left "running" in its job repository are marked FAILED,
     * so its records do not claim forever that they run.
     */
    private void markInterruptedInRepository() throws Exception {
        BatchRuntime.getJobOperator(); // boots the batch runtime, which creates its tables on a fresh domain
        Instant serverStarted = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        List<InterruptedExecution> marked = repository().markInterrupted(RECOVERED_JOBS, serverStarted, Instant.now());
        if (!marked.isEmpty()) {
            LOG.info(() -> "Marked FAILED in the batch job repository after a server crash: executions "
                    + marked.stream().map(e -> e.jobName() + "#" + e.executionId()).toList());
        }
    }

    /**
     * Resuming needs the application's beans and the crashed chunk's transaction decided: until
     * Payara's transaction recovery (transaction-service automatic-recovery=true) has rolled it back,
     * it holds the checkpoint's rows locked and the resumed import would fail on them.
     */
    private boolean transactionsDecided() throws Exception {
        int inDoubt = repository().inDoubtTransactions();
        if (inDoubt > 0 && waits % 30 == 0) {
            LOG.warning(() -> inDoubt + " transaction(s) of the batch job repository are in doubt since the crash; waiting for"
                    + " Payara's transaction recovery (asadmin set configs.config.server-config.transaction-service."
                    + "automatic-recovery=true, or asadmin recover-transactions)");
        }
        return inDoubt == 0;
    }

    /** The domain's beans refuse calls ("container is in STOPPED") until the whole application has started. */
    private boolean applicationStarted() {
        try {
            ingestion.findSource(InterruptedJobRecovery.class.getName());
            return true;
        } catch (EJBException notYet) {
            return false;
        }
    }

    private void endAndResume(SourcePull run) {
        if (!run.state().finished()) {
            history.interrupted(run.id(), checkpoints.committedCounts(run)); // a crash or a kill left it "running"
        }
        String name = run.jobName() + " " + run.jobExecutionId();
        if (!resumeImports) {
            LOG.info(() -> name + " can be continued: POST /api/imports/" + run.jobExecutionId()
                    + "/restart for an import, pull its source for a pull (trailkeeper.import.resume-after-crash=false)");
            return;
        }
        try {
            if (SourcePulls.LANGFUSE_JOB.equals(run.jobName())) {
                pulls.resumeAfterCrash(run).ifPresentOrElse(
                        next -> LOG.info(() -> "Continued " + name + " from its checkpoint as execution " + next),
                        () -> LOG.info(() -> name + " is not the latest pull of its source; its next pull takes over"));
            } else if (ImportLauncher.JOB_NAME.equals(run.jobName())) {
                long next = imports.resume(run);
                LOG.info(() -> "Continued " + name + " from its checkpoint as execution " + next);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + " was not continued; restart it, or pull its source again", e);
        }
    }

    /** A retention run goes on from the position it committed with its last deletions, as a new execution. */
    private void continueRetentionRun(UUID runId) {
        retentionRuns.ended(runId, RunStatus.INTERRUPTED, null);
        if (!resumeImports) {
            LOG.info(() -> "Retention run " + runId + " was interrupted (trailkeeper.import.resume-after-crash=false)");
            return;
        }
        try {
            long next = retentionLauncher.resume(runId);
            LOG.info(() -> "Continued retention run " + runId + " from its position as execution " + next);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retention run " + runId + " was not continued; start a new run", e);
        }
    }

    private PayaraJobRepository repository() throws NamingException {
        return new PayaraJobRepository((DataSource) new InitialContext().lookup(repositoryDataSource),
                tablePrefix.orElse(""), tableSuffix.orElse(""));
    }
}
