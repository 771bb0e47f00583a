package io.trailkeeper.integrity.entity;

import io.trailkeeper.trail.entity.DeletionGround;
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
 * One leaf of the log: the RFC 6962 leaf hash an event had when it was stored ({@link Kind#EVENT}), or
 * of the record that it was deleted ({@link Kind#DELETION}), with which leaf it deletes, on what ground
 * and at whose request. Leaves are never removed, so a deleted event keeps its own leaf too.
 */
@Entity
@Table(name = "trail_log_leaf")
public class LogLeaf {

    /** What a leaf stands for; the same words as the kinds its hash commits to (EventLeaf). */
    public enum Kind {
        EVENT,
        DELETION
    }

    @Id
    @Column(name = "leaf_index")
    private long leafIndex;

    @Column(name = "event_id", nullable = false, updatable = false)
    private UUID eventId;

    @Column(name = "leaf_hash", nullable = false, updatable = false)
    private byte[] leafHash;

    @Column(name = "appended_at", nullable = false, updatable = false)
    private Instant appendedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10, updatable = false)
    private Kind kind = Kind.EVENT;

    @Column(name = "deletes_leaf_index", updatable = false)
    private Long deletesLeafIndex;

    @Enumerated(EnumType.STRING)
    @Column(name = "deletion_ground", length = 40, updatable = false)
    private DeletionGround deletionGround;

    /** The job or account that asked for the deletion. */
    @Column(name = "requested_by", length = 200, updatable = false)
    private String requestedBy;

    protected LogLeaf() {
        // for JPA
    }

    /** The leaf of a stored event. */
    public LogLeaf(long leafIndex, UUID eventId, byte[] leafHash, Instant appendedAt) {
        this.leafIndex = leafIndex;
        this.eventId = eventId;
        this.leafHash = leafHash.clone();
        this.appendedAt = appendedAt;
    }

    /** The leaf recording that the event at {@code deletesLeafIndex} was deleted. */
    public static LogLeaf deletion(long leafIndex, UUID eventId, byte[] leafHash, Instant appendedAt, long deletesLeafIndex,
                                   DeletionGround ground, String requestedBy) {
        if (deletesLeafIndex < 0 || deletesLeafIndex >= leafIndex) {
            throw new IllegalArgumentException("a deletion at leaf " + leafIndex + " can only delete an earlier leaf, not " + deletesLeafIndex);
        }
        LogLeaf leaf = new LogLeaf(leafIndex, eventId, leafHash, appendedAt);
        leaf.kind = Kind.DELETION;
        leaf.deletesLeafIndex = deletesLeafIndex;
        leaf.deletionGround = Objects.requireNonNull(ground, "ground");
        leaf.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
        return leaf;
    }

    public long leafIndex() { return leafIndex; }
    public UUID eventId() { return eventId; }
    public byte[] leafHash() { return leafHash.clone(); }
    public Instant appendedAt() { return appendedAt; }
    public Kind kind() { return kind; }
    /** For a deletion, the index of the event leaf it deletes; null for an event. */
    public Long deletesLeafIndex() { return deletesLeafIndex; }
    public DeletionGround deletionGround() { return deletionGround; }
    public String requestedBy() { return requestedBy; }
}
