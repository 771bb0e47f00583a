package io.trailkeeper.jobs.source;

import io.trailkeeper.ingest.entity.StoreOutcome;
import io.trailkeeper.jobs.ingest.IngestRuns;
import io.trailkeeper.jobs.ingest.RunCheckpoint;
import io.trailkeeper.jobs.ingest.ImportLauncher;
import io.trailkeeper.source.boundary.SourceCatalog;
import io.trailkeeper.source.boundary.SourceCheck;
import io.trailkeeper.source.boundary.PullHistory;
import io.trailkeeper.source.control.WatchedDirectory;
import io.trailkeeper.source.entity.ConfiguredSource;
import io.trailkeeper.source.entity.PullCounts;
import io.trailkeeper.source.entity.PullTrigger;
import io.trailkeeper.source.entity.SourcePull;
import io.trailkeeper.source.entity.SourceRejected;
import io.trailkeeper.source.entity.WatchedFile;
import io.trailkeeper.trail.entity.SourceKind;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.JobStartException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pulls a source now: imports the new and changed files of its watched directory, or starts the
 * Langfuse pull job. One pull per source at a time on this server: a second request while one is
 * dispatching or its executions still run is refused, so the same file is never started twice.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // per-source exclusion below; other sources pull in parallel
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the batch runtime runs its own transactions
public class SourcePulls {

    public static final String LANGFUSE_JOB = "langfuse-pull";
    /** Langfuse may report an observation a little after its start time; re-asking for this much is harmless (stored once). */
    static final Duration LANGFUSE_OVERLAP = Duration.ofHours(1);
    /**
     * An execution still "running" after this long is taken for one a server crash left behind (the
     * batch runtime does not mark those), so it no longer blocks the source's pulls.
     */
    static final Duration ABANDONED_AFTER = Duration.ofHours(12);
    private static final int PULLS_LOOKED_AT = 20;
    private static final Logger LOG = Logger.getLogger(SourcePulls.class.getName());

    private final Set<UUID> dispatching = ConcurrentHashMap.newKeySet();

    @EJB
    SourceCatalog catalog;

    @EJB
    SourceCheck check;

    @EJB
    ImportLauncher imports;

    @EJB
    IngestRuns runs;

    @Inject
    RunCheckpoint checkpoints;

    @Inject
    Clock clock;

    /**
     * @param requestedBy the officer who asked, or null for the schedule
     * @throws SourceRejected when the source is unknown, has nothing to pull, is being pulled, or its job is missing
     */
    public PullStarted pull(UUID sourceId, PullTrigger trigger, String requestedBy) {
        ConfiguredSource source = catalog.require(sourceId);
        Optional<String> refused = check.pullRefusal(source);
        if (refused.isPresent()) {
            throw new SourceRejected(SourceRejected.Reason.INVALID, "the source '" + source.name() + "' is not pulled: " + refused.get());
        }
        if (!dispatching.add(sourceId)) {
            throw running(source);
        }
        try {
            // Only pulls young enough to count as running are worth asking the batch runtime about.
            Instant runningSince = clock.instant().minus(ABANDONED_AFTER);
            if (catalog.pulls(sourceId, PULLS_LOOKED_AT).stream().filter(p -> p.startedAt().isAfter(runningSince))
                    .map(p -> status(source, p)).anyMatch(this::stillRunning)) {
                throw running(source);
            }
            if (source.kind() == SourceKind.LANGFUSE_API) {
                return pullLangfuse(source, trigger, requestedBy);
            }
            if (source.watchedDirectory() == null) {
                throw new SourceRejected(SourceRejected.Reason.INVALID, "the source '" + source.name()
                        + "' has no watched directory; set one, or upload its files");
            }
            return pullDirectory(source, trigger, requestedBy);
        } finally {
            dispatching.remove(sourceId);
        }
    }

    /** The most recent pulls of a source with their status and counts, newest first. */
    public List<PullStatus> recent(UUID sourceId, int max) {
        ConfiguredSource source = catalog.require(sourceId);
        return catalog.pulls(sourceId, max).stream().map(pull -> status(source, pull)).toList();
    }

    public Optional<PullStatus> last(UUID sourceId) {
        return recent(sourceId, 1).stream().findFirst();
    }

    private PullStarted pullDirectory(ConfiguredSource source, PullTrigger trigger, String requestedBy) {
        WatchedDirectory.Scan scan;
        try {
            scan = WatchedDirectory.scan(Path.of(source.watchedDirectory()), clock.instant());
        } catch (IOException e) {
            throw new SourceRejected(SourceRejected.Reason.INVALID, "the watched directory of '" + source.name()
                    + "' cannot be listed (" + e.getClass().getSimpleName() + "); test the source to see why");
        }
        List<PullStarted.Execution> started = new ArrayList<>();
        int already = 0;
        int unreadable = 0;
        for (WatchedDirectory.Candidate file : scan.candidates()) {
            Optional<WatchedFile> asIs = catalog.importedAsIs(source.id(), file);
            if (asIs.isPresent() && importCounts(asIs.get())) {
                already++;
                continue;
            }
            String sha256;
            try {
                sha256 = WatchedDirectory.sha256(file.path());
            } catch (IOException e) {
                unreadable++;
                LOG.warning(() -> "Cannot read " + file.path() + " of source " + source.name() + ": " + e.getClass().getSimpleName());
                continue;
            }
            Optional<WatchedFile> sameContent = catalog.importedContent(source.id(), file, sha256);
            if (sameContent.isPresent() && importCounts(sameContent.get())) {
                // Only touched: remember it as it is now so the next pull need not read it again.
                catalog.recordFile(source.id(), file, sha256, sameContent.get().jobExecutionId());
                already++;
                continue;
            }
            long executionId = imports.importWatchedFile(source, file.path(), trigger, requestedBy);
            catalog.recordFile(source.id(), file, sha256, executionId);
            String fileName = file.path().getFileName().toString();
            started.add(new PullStarted.Execution(executionId, fileName));
        }
        return new PullStarted(started, already, scan.settling(), scan.more(), unreadable, null, null);
    }

    /** An earlier import of the file counts unless it failed or was stopped; then the file is imported again. */
    private boolean importCounts(WatchedFile file) {
        if (file.jobExecutionId() == null) {
            return true;
        }
        // Unknown to the batch runtime (its repository was reset): its events are in the trail.
        return imports.status(file.jobExecutionId())
                .map(status -> !List.of("FAILED", "STOPPED", "ABANDONED").contains(status.status()))
                .orElse(true);
    }

    private PullStarted pullLangfuse(ConfiguredSource source, PullTrigger trigger, String requestedBy) {
        if (check.credentials(source).isEmpty()) {
            throw new SourceRejected(SourceRejected.Reason.INVALID, "the credentials of '" + source.name()
                    + "' are not configured: set the properties " + source.publicKeyProperty() + " and "
                    + source.secretKeyProperty() + " (test the source to see which is missing)");
        }
        Instant from = lastCompletedStart(source).map(start -> start.minus(LANGFUSE_OVERLAP)).orElse(null);
        Properties parameters = new Properties();
        parameters.setProperty("sourceId", source.id().toString());
        parameters.setProperty("source", source.name());
        parameters.setProperty("baseUrl", source.baseUrl());
        parameters.setProperty("publicKeyProperty", source.publicKeyProperty());
        parameters.setProperty("secretKeyProperty", source.secretKeyProperty());
        parameters.setProperty("pageSize", String.valueOf(source.pageSize()));
        // One page per chunk transaction: a pull that gives up mid-walk keeps every page before it.
        parameters.setProperty("chunkSize", String.valueOf(source.pageSize()));
        if (from != null) {
            parameters.setProperty("fromStartTime", from.toString());
        }
        Optional<Resumed> resumed = resumeInterruptedPull(source, parameters, trigger, requestedBy);
        long executionId;
        if (resumed.isPresent()) {
            executionId = resumed.get().execution();
            from = resumed.get().from();
        } else {
            try {
                executionId = runs.start(source.id(), LANGFUSE_JOB, trigger, null, requestedBy, parameters);
            } catch (NoSuchJobException | JobStartException e) {
                boolean deployed = SourcePulls.class.getClassLoader().getResource("META-INF/batch-jobs/" + LANGFUSE_JOB + ".xml") != null;
                LOG.log(Level.WARNING, "Could not start " + LANGFUSE_JOB + " for source " + source.name(), e);
                throw new SourceRejected(SourceRejected.Reason.PULL_UNAVAILABLE, deployed
                        ? "the job '" + LANGFUSE_JOB + "' could not be started; the server log says why"
                        : "Langfuse sources cannot be pulled yet: the job '" + LANGFUSE_JOB + "' is not part of this deployment");
            }
        }
        return new PullStarted(List.of(new PullStarted.Execution(executionId, null)), 0, 0, 0, 0, from,
                resumed.map(Resumed::interrupted).orElse(null));
    }

    /**
     * The exactly-once guarantee asks an interrupted pull to go on from its checkpoint (the
     * page cursor), not from the start: when the source's latest pull FAILED or was STOPPED, against
     * the same Langfuse, it is restarted with its own walk (same fromStartTime). Restarted with the
     * current keys, so a pull refused for wrong keys resumes once they are fixed.
     *
     * @param parameters the parameters of a new pull; on a resume, its fromStartTime is replaced by the interrupted one's
     * @return the interrupted and the restarted execution's ids, or empty when there is nothing to resume
     */
    private Optional<Resumed> resumeInterruptedPull(ConfiguredSource source, Properties parameters, PullTrigger trigger,
                                                    String requestedBy) {
        List<SourcePull> latest = catalog.pulls(source.id(), 1);
        if (latest.isEmpty() || !latest.get(0).recordsState()) {
            return Optional.empty(); // never pulled, or last pulled before runs kept their state: pull afresh
        }
        SourcePull interrupted = latest.get(0);
        Properties before = IngestRuns.parametersOf(interrupted);
        if (!interrupted.state().resumable() || interrupted.resumedBy().isPresent() || !LANGFUSE_JOB.equals(interrupted.jobName())
                || !source.baseUrl().equals(before.getProperty("baseUrl"))) {
            return Optional.empty(); // a pull against another Langfuse starts afresh: its cursor means nothing there
        }
        // The resumed run is the same run: same walk (fromStartTime), same committed checkpoint.
        Properties changes = new Properties();
        parameters.stringPropertyNames().stream().filter(name -> !name.equals("fromStartTime"))
                .forEach(name -> changes.setProperty(name, parameters.getProperty(name)));
        long restarted = runs.resume(interrupted, trigger, requestedBy, changes);
        LOG.info(() -> "Resumed Langfuse pull " + interrupted.jobExecutionId() + " of source " + source.id()
                + " from its checkpoint as execution " + restarted);
        return Optional.of(new Resumed(interrupted.jobExecutionId(), restarted, instantOrNull(before.getProperty("fromStartTime"))));
    }

    private record Resumed(long interrupted, long execution, Instant from) {
    }

    private static Instant instantOrNull(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /**
     * Continues a Langfuse pull that a crash, a server stop or an upgrade interrupted (already
     * recorded as FAILED), from its checkpoint, when it is still its source's latest pull.
     *
     * @return the new execution's id, or empty when the run is no Langfuse pull or a later pull followed it
     */
    public Optional<Long> resumeAfterCrash(SourcePull interrupted) {
        ConfiguredSource source = catalog.require(interrupted.sourceId());
        List<SourcePull> latest = catalog.pulls(source.id(), 1);
        if (source.kind() != SourceKind.LANGFUSE_API || latest.isEmpty() || !latest.get(0).id().equals(interrupted.id())) {
            return Optional.empty();
        }
        return Optional.of(pull(source.id(), PullTrigger.RESUME, null).started().get(0).executionId());
    }

    private Optional<Instant> lastCompletedStart(ConfiguredSource source) {
        for (SourcePull pull : catalog.pulls(source.id(), PULLS_LOOKED_AT)) {
            if ("COMPLETED".equals(status(source, pull).status())) {
                return Optional.of(pull.startedAt());
            }
        }
        return Optional.empty();
    }

    private boolean stillRunning(PullStatus pull) {
        return pull.running() && pull.startedAt().isAfter(clock.instant().minus(ABANDONED_AFTER));
    }

    private static SourceRejected running(ConfiguredSource source) {
        return new SourceRejected(SourceRejected.Reason.PULL_RUNNING,
                "a pull of '" + source.name() + "' is still running; wait until it has finished");
    }

    /**
     * Reads a pull's execution. Payara's batch runtime lets only the bean that started an execution
     * read it (its tag is the starting component), so file imports are read through
     * {@link ImportLauncher}, which starts them, and Langfuse pulls here, where they are started.
     */
    private PullStatus status(ConfiguredSource source, SourcePull pull) {
        if (pull.recordsState()) {
            PullCounts counts = pull.endCounts().orElseGet(() -> checkpoints.committedCounts(pull));
            return new PullStatus(pull.jobExecutionId(), pull.trigger(), pull.fileName(), pull.requestedBy(), pull.startedAt(),
                    pull.state().name(), pull.endedAt().orElse(null), counts.read(), counts.stored(), counts.duplicates(),
                    counts.quarantined(), pull.failure().orElse(null));
        }
        return earlierStatus(source, pull);
    }

    /**
     * A pull recorded before runs kept their state, as the batch runtime tells it. Payara lets only
     * the bean that started an execution read it, so file imports are read through
     * {@link ImportLauncher}, which starts them, and Langfuse pulls here.
     */
    private PullStatus earlierStatus(ConfiguredSource source, SourcePull pull) {
        if (source.kind() != SourceKind.LANGFUSE_API) {
            return imports.status(pull.jobExecutionId())
                    .map(s -> new PullStatus(pull.jobExecutionId(), pull.trigger(), pull.fileName(), pull.requestedBy(),
                            pull.startedAt(), s.status(), s.endedAt(), s.read(), s.stored(), s.duplicates(), s.quarantined(), null))
                    .orElseGet(() -> unknown(pull));
        }
        JobOperator operator = BatchRuntime.getJobOperator();
        try {
            JobExecution execution = operator.getJobExecution(pull.jobExecutionId());
            // The Langfuse job keeps a StoreOutcome per step as persistent user data, as the file import does.
            StoreOutcome tally = operator.getStepExecutions(pull.jobExecutionId()).stream()
                    .map(StepExecution::getPersistentUserData)
                    .filter(StoreOutcome.class::isInstance)
                    .map(StoreOutcome.class::cast)
                    .reduce(StoreOutcome.NONE, StoreOutcome::plus);
            return new PullStatus(pull.jobExecutionId(), pull.trigger(), pull.fileName(), pull.requestedBy(), pull.startedAt(),
                    execution.getBatchStatus().name(), instant(execution.getEndTime()),
                    tally.read(), tally.stored(), tally.duplicates(), tally.quarantined(), failure(execution));
        } catch (NoSuchJobExecutionException | JobSecurityException e) {
            return unknown(pull);
        }
    }

    private static PullStatus unknown(SourcePull pull) {
        return new PullStatus(pull.jobExecutionId(), pull.trigger(), pull.fileName(), pull.requestedBy(), pull.startedAt(),
                "UNKNOWN", null, 0, 0, 0, 0, null);
    }

    /** The reason langfuse-pull gives in its exit status when it fails (it names properties, never their values). */
    private static String failure(JobExecution execution) {
        String exit = execution.getExitStatus();
        if (execution.getBatchStatus() != BatchStatus.FAILED || exit == null || !exit.startsWith("FAILED")) {
            return null;
        }
        return exit.startsWith("FAILED: ") ? exit.substring("FAILED: ".length()) : exit;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
