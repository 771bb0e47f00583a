package io.trailkeeper.integrity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One leaf of the log: the RFC 6962 leaf hash an event had when it was stored. */
@Entity
@Table(name = "trail_log_leaf")
public class LogLeaf {

    @Id
    @Column(name = "leaf_index")
    private long leafIndex;

    @Column(name = "event_id", nullable = false, updatable = false)
    private UUID eventId;

    @Column(name = "leaf_hash", nullable = false, updatable = false)
    private byte[] leafHash;

    @Column(name = "appended_at", nullable = false, updatable = false)
    private Instant appendedAt;

    protected LogLeaf() {
        // for JPA
    }

    public LogLeaf(long leafIndex, UUID eventId, byte[] leafHash, Instant appendedAt) {
        this.leafIndex = leafIndex;
        this.eventId = eventId;
        this.leafHash = leafHash.clone();
        this.appendedAt = appendedAt;
    }

    public long leafIndex() { return leafIndex; }
    public UUID eventId() { return eventId; }
    public byte[] leafHash() { return leafHash.clone(); }
    public Instant appendedAt() { return appendedAt; }
}
