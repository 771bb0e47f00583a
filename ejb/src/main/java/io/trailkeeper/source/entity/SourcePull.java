package io.trailkeeper.source.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One job execution that pulled a source. Its status and counts are the batch runtime's (the job
 * keeps them with its checkpoint); this row ties the execution to its source and says why it ran.
 */
@Entity
@Table(name = "source_pull")
public class SourcePull {

    @Id
    private UUID id;

    @Column(name = "source_id", nullable = false)
    private UUID sourceId;

    @Column(name = "job_execution_id", nullable = false)
    private long jobExecutionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind", nullable = false, length = 20)
    private PullTrigger trigger;

    @Column(name = "file_name", length = 1000)
    private String fileName;

    @Column(name = "requested_by", length = 64)
    private String requestedBy;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    protected SourcePull() {
        // for JPA
    }

    public SourcePull(UUID sourceId, long jobExecutionId, PullTrigger trigger, String fileName, String requestedBy, Instant startedAt) {
        this.id = UUID.randomUUID();
        this.sourceId = Objects.requireNonNull(sourceId, "sourceId");
        this.jobExecutionId = jobExecutionId;
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.fileName = fileName;
        this.requestedBy = requestedBy;
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    }

    public UUID id() {
        return id;
    }

    public UUID sourceId() {
        return sourceId;
    }

    public long jobExecutionId() {
        return jobExecutionId;
    }

    public PullTrigger trigger() {
        return trigger;
    }

    public String fileName() {
        return fileName;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }
}
