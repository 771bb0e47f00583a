package io.trailkeeper.jobs.ingest;

import io.trailkeeper.ingest.boundary.TrailIngestion;
import io.trailkeeper.ingest.entity.StoreOutcome;
import io.trailkeeper.source.boundary.SourceCatalog;
import io.trailkeeper.source.entity.ConfiguredSource;
import io.trailkeeper.source.entity.PullTrigger;
import io.trailkeeper.trail.entity.AuditSource;
import io.trailkeeper.trail.entity.SourceKind;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts imports of agent-action trails, restarts interrupted ones and tells where they stand. Every
 * call on the job operator for imports goes through this bean: Payara lets only the component that
 * started a job restart it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the batch runtime runs its own transactions
public class ImportLauncher {

    public static final String JOB_NAME = "trail-file-import";
    private static final int MAX_FILE_NAME = 200;
    private static final Logger LOG = Logger.getLogger(ImportLauncher.class.getName());

    @EJB
    TrailIngestion ingestion;

    @EJB
    SourceCatalog sources;

    @Inject
    ImportLimits limits;

    @Inject
    ImportProgress progress;

    /**
     * Stores the upload in the inbox (refusing it when too large) and starts its import.
     *
     * @param format {@link SourceKind#JSONL_FILE} (agent-action lines) or {@link SourceKind#OTLP_JSON}
     */
    public ImportStatus importUpload(String sourceName, SourceKind format, String fileName, InputStream body) {
        if (format != SourceKind.JSONL_FILE && format != SourceKind.OTLP_JSON) {
            throw new UploadRejected(format + " is not a file format; upload JSONL_FILE or OTLP_JSON", false);
        }
        AuditSource source = ingestion.sourceNamed(sourceName, format);
        Path file = new ImportInbox(limits.inbox(), limits.maxUploadBytes()).receive(body);
        Properties parameters = new Properties();
        parameters.setProperty("file", file.toString());
        parameters.setProperty("sourceId", source.id().toString());
        parameters.setProperty("source", source.name());
        parameters.setProperty("format", format.name());
        parameters.setProperty("fileName", displayName(fileName));
        parameters.setProperty(RunCheckpoint.RUN_ID, RunCheckpoint.newRunId());
        long executionId = operator().start(JOB_NAME, parameters);
        ImportStatus started = status(executionId).orElseThrow();
        try {
            // An upload is a pull of its source too, so the sources page shows it as the last pull.
            sources.recordPull(source.id(), executionId, PullTrigger.UPLOAD, started.fileName(), null,
                    started.startedAt() == null ? Instant.now() : started.startedAt());
        } catch (RuntimeException e) {
            // The import runs regardless; only the sources page misses this pull.
            LOG.log(Level.WARNING, "Could not record import " + executionId + " as a pull of its source", e);
        }
        return started;
    }

    /**
     * Starts the import of a file in a source's watched directory. The job reads the file where it
     * lies (nothing is copied, whatever its size) and never changes or removes it: the directory
     * belongs to whoever exports the trail.
     *
     * @return the job execution id
     */
    public long importWatchedFile(ConfiguredSource source, Path file) {
        if (source.kind() != SourceKind.JSONL_FILE && source.kind() != SourceKind.OTLP_JSON) {
            throw new IllegalArgumentException(source.kind() + " is not read from files");
        }
        Properties parameters = new Properties();
        parameters.setProperty("file", file.toAbsolutePath().toString());
        parameters.setProperty("sourceId", source.id().toString());
        parameters.setProperty("source", source.name());
        parameters.setProperty("format", source.kind().name());
        parameters.setProperty("fileName", displayName(file.getFileName().toString()));
        parameters.setProperty(RunCheckpoint.RUN_ID, RunCheckpoint.newRunId());
        return operator().start(JOB_NAME, parameters);
    }

    public Optional<ImportStatus> status(long executionId) {
        JobOperator operator = operator();
        try {
            JobExecution execution = operator.getJobExecution(executionId);
            if (!JOB_NAME.equals(execution.getJobName())) {
                return Optional.empty();
            }
            return Optional.of(toStatus(operator, execution, executionsOfSameImport(operator, executionId), progress));
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        } catch (JobSecurityException e) {
            // Payara shows an execution only to the deployment that started it; an upgrade or a second
            // run of the run command is a new deployment. Said as such, never as a server error.
            return Optional.of(ImportStatus.unavailable(executionId));
        }
    }

    /**
     * Restarts a failed or stopped import from its last checkpoint (the byte offset after the last
     * committed chunk), reading the same file from the inbox. Events already stored are not stored
     * again, so the import ends with exactly the events of the file.
     *
     * @return the new execution's status, or empty when there is no import with that id
     * @throws ImportNotRestartable when it is still running, completed, abandoned, already restarted, or its file is gone
     */
    public Optional<ImportStatus> restart(long executionId) {
        JobOperator operator = operator();
        JobExecution execution;
        try {
            execution = operator.getJobExecution(executionId);
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
        if (!JOB_NAME.equals(execution.getJobName())) {
            return Optional.empty();
        }
        BatchStatus status = execution.getBatchStatus();
        if (status == BatchStatus.STARTING || status == BatchStatus.STARTED || status == BatchStatus.STOPPING) {
            throw new ImportNotRestartable("import " + executionId + " is still running (" + status + ")");
        }
        if (status == BatchStatus.COMPLETED) {
            throw new ImportNotRestartable("import " + executionId + " has completed; there is nothing to resume");
        }
        if (status == BatchStatus.ABANDONED) {
            throw new ImportNotRestartable("import " + executionId + " was abandoned and cannot be restarted; upload the file again");
        }
        long latest = executionsOfSameImport(operator, executionId).stream()
                .mapToLong(JobExecution::getExecutionId).max().orElse(executionId);
        if (latest != executionId) {
            throw new ImportNotRestartable("import " + executionId + " was already restarted as " + latest + "; follow that one");
        }
        Properties parameters = execution.getJobParameters();
        String file = parameters.getProperty("file");
        if (file == null || !Files.isRegularFile(Path.of(file))) {
            throw new ImportNotRestartable("the uploaded file of import " + executionId + " is no longer in the inbox; upload it again");
        }
        try {
            return status(operator.restart(executionId, parameters));
        } catch (JobExecutionAlreadyCompleteException | JobExecutionNotMostRecentException e) {
            throw new ImportNotRestartable("import " + executionId + " changed meanwhile: " + e.getMessage());
        } catch (JobSecurityException e) {
            // Payara ties a job to the component that started it; a redeployed application is a new one.
            throw new ImportNotRestartable("import " + executionId + " was started by an earlier deployment; upload the file again");
        } catch (JobRestartException e) {
            throw new ImportNotRestartable("import " + executionId + " cannot be restarted: " + e.getMessage());
        }
    }

    private static List<JobExecution> executionsOfSameImport(JobOperator operator, long executionId) {
        return operator.getJobExecutions(operator.getJobInstance(executionId));
    }

    /** The latest execution of each of the most recent imports, newest first. */
    public List<ImportStatus> recent(int max) {
        JobOperator operator = operator();
        List<ImportStatus> statuses = new ArrayList<>();
        try {
            for (JobInstance instance : operator.getJobInstances(JOB_NAME, 0, max)) {
                try {
                    List<JobExecution> executions = operator.getJobExecutions(instance);
                    executions.stream()
                            .max(Comparator.comparingLong(JobExecution::getExecutionId))
                            .ifPresent(latest -> statuses.add(toStatus(operator, latest, executions, progress)));
                } catch (JobSecurityException e) {
                    continue; // an import of an earlier deployment, which Payara does not show to this one
                }
            }
        } catch (NoSuchJobException e) {
            return List.of(); // no import has run yet
        }
        statuses.sort((a, b) -> Long.compare(b.executionId(), a.executionId()));
        return statuses;
    }

    /** @param chain every execution of the same import (the first run and its restarts) */
    private static ImportStatus toStatus(JobOperator operator, JobExecution execution, List<JobExecution> chain,
                                         ImportProgress progress) {
        long id = execution.getExecutionId();
        Long restartedFrom = chain.stream().mapToLong(JobExecution::getExecutionId).filter(other -> other < id).boxed()
                .max(Long::compare).orElse(null);
        long latest = chain.stream().mapToLong(JobExecution::getExecutionId).max().orElse(id);
        StoreOutcome tally = operator.getStepExecutions(id).stream()
                .map(StepExecution::getPersistentUserData)
                .filter(StoreOutcome.class::isInstance)
                .map(StoreOutcome.class::cast)
                .reduce(StoreOutcome.NONE, StoreOutcome::plus);
        // The step publishes its tally only when it ends; while it runs, what its chunks committed so far.
        StoreOutcome running = progress.of(id).orElse(StoreOutcome.NONE);
        if (running.read() > tally.read()) {
            tally = running;
        }
        Properties parameters = execution.getJobParameters();
        return new ImportStatus(execution.getExecutionId(), execution.getBatchStatus().name(),
                parameters.getProperty("source"), parameters.getProperty("format"), parameters.getProperty("fileName"),
                instant(execution.getStartTime()), instant(execution.getEndTime()),
                tally.read(), tally.stored(), tally.duplicates(), tally.quarantined(), restartedFrom, latest);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    static String displayName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "upload.jsonl";
        }
        // Keep only the last path segment and printable characters: the name is shown, never opened.
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
        if (name.isEmpty()) {
            return "upload.jsonl";
        }
        if (name.length() <= MAX_FILE_NAME) {
            return name;
        }
        int cut = Character.isLowSurrogate(name.charAt(MAX_FILE_NAME)) ? MAX_FILE_NAME - 1 : MAX_FILE_NAME;
        return name.substring(0, cut);
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
