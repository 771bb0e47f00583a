package io.trailkeeper.jobs.recovery;

import io.trailkeeper.ingest.boundary.TrailIngestion;
import io.trailkeeper.jobs.ingest.ImportLauncher;
import io.trailkeeper.jobs.ingest.ImportNotRestartable;
import io.trailkeeper.jobs.ingest.ImportStatus;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * After every server start, finds executions of Trailkeeper's jobs that a crash left "running", marks
 * them FAILED (see {@link PayaraJobRepository} for why and how), and, unless
 * {@code trailkeeper.import.resume-after-crash=false}, restarts interrupted imports from their last
 * checkpoint: an officer expects an import they started to finish by itself. Runs from a timer just
 * after deployment, once the batch runtime is up; until then a crashed import still shows STARTED.
 * Resuming waits until the domain's beans answer: at server start the timer can fire while the
 * application is still loading, and a chunk written then would fail.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the job repository is updated in a transaction of its own
public class InterruptedJobRecovery {

    /** Every job Trailkeeper defines; a new job is added here so that a crash cannot strand it. */
    static final List<String> RECOVERED_JOBS = List.of(ImportLauncher.JOB_NAME, "langfuse-pull");
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
    SourcePulls pulls;

    private List<InterruptedExecution> toResume;
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

    @Timeout
    void recover() {
        try {
            if (toResume == null) {
                toResume = markInterrupted();
            }
            if (toResume.isEmpty()) {
                return;
            }
            if (!readyToResume() && ++waits < MAX_WAITS) {
                timers.createSingleActionTimer(RETRY_MILLIS, new TimerConfig("interrupted-job-recovery", false));
                return;
            }
            List<InterruptedExecution> now = toResume;
            toResume = List.of();
            now.forEach(this::resume);
        } catch (Exception e) {
            // Nothing is lost: the executions stay as they were and can be examined; the server runs on.
            LOG.log(Level.SEVERE, "Could not recover batch executions interrupted by a server crash", e);
        }
    }

    private List<InterruptedExecution> markInterrupted() throws Exception {
        BatchRuntime.getJobOperator(); // boots the batch runtime, which creates its tables on a fresh domain
        Instant serverStarted = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        List<InterruptedExecution> interrupted = repository().markInterrupted(RECOVERED_JOBS, serverStarted, Instant.now());
        if (!interrupted.isEmpty()) {
            LOG.warning(() -> "Marked FAILED after a server crash (were still shown as running): executions "
                    + interrupted.stream().map(e -> e.jobName() + "#" + e.executionId()).toList());
        }
        return interrupted;
    }

    /**
     * Resuming needs the application's beans and the crashed chunk's transaction decided: until
     * Payara's transaction recovery (transaction-service automatic-recovery=true) has rolled it back,
     * it holds the checkpoint's rows locked and the resumed import would fail on them.
     */
    private boolean readyToResume() throws Exception {
        if (!applicationStarted()) {
            return false;
        }
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

    private void resume(InterruptedExecution execution) {
        if (SourcePulls.LANGFUSE_JOB.equals(execution.jobName()) && resumeImports) {
            try {
                pulls.resumeAfterCrash(execution.executionId()).ifPresentOrElse(
                        restarted -> LOG.info(() -> "Resumed pull " + execution.executionId() + " from its checkpoint as execution " + restarted),
                        () -> LOG.info(() -> "Pull " + execution.executionId() + " resumes at its source's next pull"));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Pull " + execution.executionId() + " was not resumed; its source's next pull resumes it", e);
            }
            return;
        }
        if (!ImportLauncher.JOB_NAME.equals(execution.jobName())) {
            LOG.info(() -> execution.jobName() + "#" + execution.executionId() + " can be restarted from its checkpoint");
            return;
        }
        if (!resumeImports) {
            LOG.info(() -> "Import " + execution.executionId() + " can be restarted: POST /api/imports/"
                    + execution.executionId() + "/restart (trailkeeper.import.resume-after-crash=false)");
            return;
        }
        try {
            imports.restart(execution.executionId()).map(ImportStatus::executionId).ifPresent(restarted ->
                    LOG.info(() -> "Resumed import " + execution.executionId() + " from its checkpoint as execution " + restarted));
        } catch (ImportNotRestartable e) {
            LOG.warning(() -> "Import " + execution.executionId() + " was not resumed: " + e.getMessage());
        }
    }

    private PayaraJobRepository repository() throws NamingException {
        return new PayaraJobRepository((DataSource) new InitialContext().lookup(repositoryDataSource),
                tablePrefix.orElse(""), tableSuffix.orElse(""));
    }
}
