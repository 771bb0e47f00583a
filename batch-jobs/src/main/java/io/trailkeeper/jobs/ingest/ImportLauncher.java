package io.trailkeeper.jobs.ingest;

import io.trailkeeper.ingest.boundary.TrailIngestion;
import io.trailkeeper.source.entity.PullCounts;
import io.trailkeeper.source.boundary.PullHistory;
import io.trailkeeper.source.entity.ConfiguredSource;
import io.trailkeeper.source.entity.PullState;
import io.trailkeeper.source.entity.PullTrigger;
import io.trailkeeper.source.entity.SourcePull;
import io.trailkeeper.trail.entity.AuditSource;
import io.trailkeeper.trail.entity.SourceKind;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Starts imports of agent-action trails, continues interrupted ones and tells where they stand,
 * from Trailkeeper's own history of runs ({@link PullHistory}), whatever deployment started them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the batch runtime runs its own transactions
public class ImportLauncher {

    public static final String JOB_NAME = "trail-file-import";
    private static final int MAX_FILE_NAME = 200;

    @EJB
    TrailIngestion ingestion;

    @EJB
    IngestRuns runs;

    @EJB
    PullHistory history;

    @Inject
    ImportLimits limits;

    @Inject
    RunCheckpoint checkpoints;

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
        String name = displayName(fileName);
        // An upload is a pull of its source too, so the sources page shows it as the last pull.
        long executionId = runs.start(source.id(), JOB_NAME, PullTrigger.UPLOAD, name, null,
                parameters(file, source.id().toString(), source.name(), format, name));
        return status(executionId).orElseThrow();
    }

    /**
     * Starts the import of a file in a source's watched directory. The job reads the file where it
     * lies (nothing is copied, whatever its size) and never changes or removes it: the directory
     * belongs to whoever exports the trail.
     *
     * @return the job execution id
     */
    public long importWatchedFile(ConfiguredSource source, Path file, PullTrigger trigger, String requestedBy) {
        if (source.kind() != SourceKind.JSONL_FILE && source.kind() != SourceKind.OTLP_JSON) {
            throw new IllegalArgumentException(source.kind() + " is not read from files");
        }
        String name = displayName(file.getFileName().toString());
        return runs.start(source.id(), JOB_NAME, trigger, name, requestedBy,
                parameters(file.toAbsolutePath(), source.id().toString(), source.name(), source.kind(), name));
    }

    public Optional<ImportStatus> status(long executionId) {
        Optional<SourcePull> run = history.ofExecution(executionId);
        if (run.isEmpty() || !run.get().recordsState()) {
            return EarlierImportStatus.of(executionId);
        }
        return run.filter(pull -> JOB_NAME.equals(pull.jobName())).map(this::statusOf);
    }

    /** The latest execution of each of the most recent imports, newest first. */
    public List<ImportStatus> recent(int max) {
        return history.latestRuns(JOB_NAME, max).stream()
                .map(pull -> pull.recordsState() ? Optional.of(statusOf(pull)) : EarlierImportStatus.of(pull.jobExecutionId()))
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * Continues a failed or stopped import from its last checkpoint (the byte offset after the last
     * committed chunk) as a new execution, reading the same file. Events already stored are not
     * stored again, so the import ends with exactly the events of the file.
     *
     * @return the new execution's status, or empty when there is no import with that id
     * @throws ImportNotRestartable when it is still running, completed, abandoned, already continued, or its file is gone
     */
    public Optional<ImportStatus> restart(long executionId) {
        Optional<SourcePull> run = history.ofExecution(executionId).filter(pull -> JOB_NAME.equals(pull.jobName()));
        if (run.isEmpty() || !run.get().recordsState()) {
            if (run.isEmpty() && EarlierImportStatus.of(executionId).isEmpty()) {
                return Optional.empty();
            }
            throw new ImportNotRestartable("import " + executionId + " was recorded before Trailkeeper kept the state of its"
                    + " runs; upload the file again (lines already stored count as duplicates, nothing is stored twice)");
        }
        SourcePull pull = run.get();
        PullState state = pull.state();
        if (!state.finished()) {
            throw new ImportNotRestartable("import " + executionId + " is still running (" + state + ")");
        }
        if (state == PullState.COMPLETED) {
            throw new ImportNotRestartable("import " + executionId + " has completed; there is nothing to resume");
        }
        if (state == PullState.ABANDONED) {
            throw new ImportNotRestartable("import " + executionId + " was abandoned and cannot be restarted; upload the file again");
        }
        if (pull.resumedBy().isPresent()) {
            throw new ImportNotRestartable("import " + executionId + " was already restarted as " + pull.resumedBy().get()
                    + "; follow that one");
        }
        return status(resume(pull));
    }

    /**
     * Continues an import a crash, a server stop or an upgrade interrupted (already recorded as
     * FAILED), as a new execution from its checkpoint.
     *
     * @return the new execution id
     * @throws ImportNotRestartable when its file is no longer there
     */
    public long resume(SourcePull interrupted) {
        String file = IngestRuns.parametersOf(interrupted).getProperty("file");
        if (file == null || !Files.isRegularFile(Path.of(file))) {
            throw new ImportNotRestartable("the file of import " + interrupted.jobExecutionId()
                    + " is no longer there; upload it again");
        }
        return runs.resume(interrupted, PullTrigger.RESUME, null, new Properties());
    }

    private ImportStatus statusOf(SourcePull pull) {
        PullCounts counts = pull.endCounts().orElseGet(() -> checkpoints.committedCounts(pull));
        long latest = history.executionsOf(pull.runId().orElseThrow()).stream()
                .mapToLong(SourcePull::jobExecutionId).filter(id -> id != 0).reduce((first, last) -> last)
                .orElse(pull.jobExecutionId());
        Properties parameters = IngestRuns.parametersOf(pull);
        return new ImportStatus(pull.jobExecutionId(), pull.state().name(), parameters.getProperty("source"),
                parameters.getProperty("format"), pull.fileName(), pull.startedAt(), pull.endedAt().orElse(null),
                counts.read(), counts.stored(), counts.duplicates(), counts.quarantined(), pull.resumedFrom().orElse(null), latest);
    }

    private static Properties parameters(Path file, String sourceId, String sourceName, SourceKind format, String fileName) {
        Properties parameters = new Properties();
        parameters.setProperty("file", file.toString());
        parameters.setProperty("sourceId", sourceId);
        parameters.setProperty("source", sourceName);
        parameters.setProperty("format", format.name());
        parameters.setProperty("fileName", fileName);
        return parameters;
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
}
