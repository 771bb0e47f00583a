package io.trailkeeper.ingest.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Where one import or pull run stands, kept in Trailkeeper's own database and written in the same
 * transaction as the events of each chunk, so it can never lag behind them (see {@code ImportCheckpoints}).
 * The reader position is opaque here: the batch job that reads the source owns its format.
 */
@Entity
@Table(name = "import_checkpoint")
public class ImportCheckpoint {

    /** Longest reader position kept; a Langfuse cursor is the largest part of one. */
    public static final int MAX_POSITION_BYTES = 16 * 1024;

    @Id
    @Column(name = "run_id")
    private UUID runId;

    @Column(name = "job_name", nullable = false, updatable = false, length = 64)
    private String jobName;

    @Column(name = "reader_position", nullable = false)
    private byte[] readerPosition;

    @Column(name = "read_count", nullable = false)
    private long read;

    @Column(name = "stored_count", nullable = false)
    private long stored;

    @Column(name = "duplicate_count", nullable = false)
    private long duplicates;

    @Column(name = "quarantined_count", nullable = false)
    private long quarantined;

    @Column(nullable = false)
    private long chunks;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ImportCheckpoint() {
        // for JPA
    }

    public ImportCheckpoint(UUID runId, String jobName) {
        this.runId = Objects.requireNonNull(runId, "runId");
        this.jobName = Objects.requireNonNull(jobName, "jobName");
    }

    /** Moves the checkpoint to the end of one more committed chunk. */
    public void advance(byte[] position, StoreOutcome tally, Instant at) {
        if (position.length > MAX_POSITION_BYTES) {
            throw new IllegalArgumentException("a reader position has at most " + MAX_POSITION_BYTES + " bytes, this one "
                    + position.length);
        }
        this.readerPosition = position.clone();
        this.read = tally.read();
        this.stored = tally.stored();
        this.duplicates = tally.duplicates();
        this.quarantined = tally.quarantined();
        this.chunks++;
        this.updatedAt = Objects.requireNonNull(at, "at");
    }

    public UUID runId() { return runId; }

    public String jobName() { return jobName; }

    public byte[] readerPosition() { return readerPosition.clone(); }

    public StoreOutcome tally() { return new StoreOutcome(read, stored, duplicates, quarantined); }

    public long chunks() { return chunks; }

    public Instant updatedAt() { return updatedAt; }
}
