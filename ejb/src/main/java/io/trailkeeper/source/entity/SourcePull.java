package io.trailkeeper.source.entity;

import io.trailkeeper.platform.entity.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One job execution that pulled a source (an upload, a watched file, a Langfuse pull): why it ran,
 * the parameters it ran with, and how it went. Trailkeeper's own record of the run, readable whatever
 * deployment started it (Payara shows a job execution only to that one). Rows from before this record
 * kept its state ({@link #recordsState()} false) leave status and counts to the batch runtime.
 */
@Entity
@Table(name = "source_pull")
public class SourcePull {

    @Id
    private UUID id;

    @Column(name = "source_id", nullable = false)
    private UUID sourceId;

    @Column(name = "job_name", nullable = false, length = 64)
    private String jobName;

    /** Null until the batch runtime has accepted the job. */
    @Column(name = "job_execution_id")
    private Long jobExecutionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind", nullable = false, length = 20)
    private PullTrigger trigger;

    @Column(name = "file_name", length = 1000)
    private String fileName;

    @Column(name = "requested_by", length = 64)
    private String requestedBy;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "run_id")
    private UUID runId;

    @Column(name = "status", length = 20)
    private String status;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "failure", length = 500)
    private String failure;

    @Column(name = "resumed_from")
    private Long resumedFrom;

    @Column(name = "resumed_by")
    private Long resumedBy;

    @Convert(converter = NullableUuidConverter.class)
    @Column(name = "application_instance")
    private UUID applicationInstance;

    @Column(name = "job_parameters", length = 8000)
    private String jobParameters;

    @Column(name = "read_count")
    private Long readCount;

    @Column(name = "stored_count")
    private Long storedCount;

    @Column(name = "duplicate_count")
    private Long duplicateCount;

    @Column(name = "quarantined_count")
    private Long quarantinedCount;

    protected SourcePull() {
        // for JPA
    }

    /**
     * A run about to be started, in state {@link PullState#STARTING}.
     *
     * @param jobParameters the job's parameters as written by the job's parameter class (names of key
     *                      properties at most, never a credential)
     * @param resumedFrom   the execution of the same run this one continues, or null for a first run
     */
    public SourcePull(UUID sourceId, String jobName, UUID runId, PullTrigger trigger, String fileName, String requestedBy,
                      Instant startedAt, UUID applicationInstance, String jobParameters, Long resumedFrom) {
        this.id = UUID.randomUUID();
        this.sourceId = Objects.requireNonNull(sourceId, "sourceId");
        this.jobName = Objects.requireNonNull(jobName, "jobName");
        this.runId = Objects.requireNonNull(runId, "runId");
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.fileName = fileName;
        this.requestedBy = requestedBy;
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.applicationInstance = Objects.requireNonNull(applicationInstance, "applicationInstance");
        this.jobParameters = Objects.requireNonNull(jobParameters, "jobParameters");
        this.resumedFrom = resumedFrom;
        this.status = PullState.STARTING.name();
    }

    public void accepted(long executionId) {
        this.jobExecutionId = executionId;
    }

    /** The job has begun on the application instance that runs it. */
    public void running(long executionId, UUID instance) {
        this.jobExecutionId = executionId;
        this.applicationInstance = instance;
        if (!PullState.of(status).finished()) {
            this.status = PullState.STARTED.name();
        }
    }

    /** @param counts what the run had committed when it ended */
    public void ended(PullState state, String failure, PullCounts counts, Instant at) {
        if (!state.finished()) {
            throw new IllegalArgumentException(state + " is not an end state");
        }
        this.readCount = counts.read();
        this.storedCount = counts.stored();
        this.duplicateCount = counts.duplicates();
        this.quarantinedCount = counts.quarantined();
        this.status = state.name();
        this.failure = failure == null || failure.length() <= 500 ? failure : failure.substring(0, 497) + "...";
        this.endedAt = at;
    }

    public void continuedAs(long executionId) {
        this.resumedBy = executionId;
    }

    public UUID id() { return id; }

    public UUID sourceId() { return sourceId; }

    public String jobName() { return jobName; }

    /** @return the batch runtime's execution id; 0 while the job is still being handed to it */
    public long jobExecutionId() { return jobExecutionId == null ? 0 : jobExecutionId; }

    public PullTrigger trigger() { return trigger; }

    public String fileName() { return fileName; }

    public String requestedBy() { return requestedBy; }

    public Instant startedAt() { return startedAt; }

    /** @return whether this row keeps the run's state (false for rows from before it did) */
    public boolean recordsState() { return status != null && runId != null; }

    public Optional<UUID> runId() { return Optional.ofNullable(runId); }

    /** @return the recorded state; meaningful only when {@link #recordsState()} */
    public PullState state() { return PullState.of(status); }

    public Optional<Instant> endedAt() { return Optional.ofNullable(endedAt); }

    public Optional<String> failure() { return Optional.ofNullable(failure); }

    public Optional<Long> resumedFrom() { return Optional.ofNullable(resumedFrom); }

    public Optional<Long> resumedBy() { return Optional.ofNullable(resumedBy); }

    public Optional<UUID> applicationInstance() { return Optional.ofNullable(applicationInstance); }

    public String jobParameters() { return jobParameters; }

    /** @return what the run had done when it ended; empty while it runs and for rows from before */
    public Optional<PullCounts> endCounts() {
        return readCount == null ? Optional.empty()
                : Optional.of(new PullCounts(readCount, storedCount, duplicateCount, quarantinedCount));
    }
}
