package io.trailkeeper.source.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A file of a watched directory as it was when it was last imported (or found unchanged). */
@Entity
@Table(name = "watched_file")
public class WatchedFile {

    @Id
    private UUID id;

    @Column(name = "source_id", nullable = false)
    private UUID sourceId;

    @Column(nullable = false, length = 1000)
    private String path;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "job_execution_id")
    private Long jobExecutionId;

    @Column(name = "seen_at", nullable = false)
    private Instant seenAt;

    protected WatchedFile() {
        // for JPA
    }

    public WatchedFile(UUID sourceId, String path, long sizeBytes, Instant modifiedAt, String sha256, Long jobExecutionId,
                       Instant seenAt) {
        this.id = UUID.randomUUID();
        this.sourceId = sourceId;
        this.path = path;
        this.sizeBytes = sizeBytes;
        this.modifiedAt = modifiedAt;
        this.sha256 = sha256;
        this.jobExecutionId = jobExecutionId;
        this.seenAt = seenAt;
    }

    public String path() {
        return path;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public Instant modifiedAt() {
        return modifiedAt;
    }

    public String sha256() {
        return sha256;
    }

    public Long jobExecutionId() {
        return jobExecutionId;
    }
}
