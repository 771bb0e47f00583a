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
 * and at whose request, and the {@link Layout} its hash was computed over. Leaves are never removed, so
 * a deleted event keeps its own leaf too.
 */
@Entity
@Table(name = "trail_log_leaf")
public class LogLeaf {

    /** What a leaf stands for; the same words as the kinds its hash commits to (EventLeaf). */
    public enum Kind {
        EVENT,
        DELETION
    }

    /**
     * Which canonical layout (LeafEncoding) the leaf hash was computed over. Stored with the leaf
     * because the hash alone cannot say, and deletion leaves of both layouts can be in one log.
     */
    public enum Layout {
        /** Type tag 'L': every event leaf, and deletion leaves written before V13 (ground and requester not in the hash). */
        EVENT_FIELDS,
        /** Type tag 'D': deletion leaves from V13 on, committing to the deleted leaf, the ground and the requester. */
        DELETION_RECORD
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

    @Enumerated(EnumType.STRING)
    @Column(name = "leaf_layout", nullable = false, length = 20, updatable = false)
    private Layout layout = Layout.EVENT_FIELDS;

    @Column(name = "deletes_leaf_index", updatable = false)
    private Long deletesLeafIndex;

    /**
     * A {@link DeletionGround} name, kept as the word stored: verification hashes exactly what the row
     * says, so a word written with SQL that names no ground shows as a changed leaf instead of making
     * the row unreadable.
     */
    @Column(name = "deletion_ground", length = 40, updatable = false)
    private String deletionGround;

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

    /** The leaf recording that the event at {@code deletesLeafIndex} was deleted, hashed as a {@link Layout#DELETION_RECORD}. */
    public static LogLeaf deletion(long leafIndex, UUID eventId, byte[] leafHash, Instant appendedAt, long deletesLeafIndex,
                                   DeletionGround ground, String requestedBy) {
        if (deletesLeafIndex < 0 || deletesLeafIndex >= leafIndex) {
            throw new IllegalArgumentException("a deletion at leaf " + leafIndex + " can only delete an earlier leaf, not " + deletesLeafIndex);
        }
        LogLeaf leaf = new LogLeaf(leafIndex, eventId, leafHash, appendedAt);
        leaf.kind = Kind.DELETION;
        leaf.layout = Layout.DELETION_RECORD;
        leaf.deletesLeafIndex = deletesLeafIndex;
        leaf.deletionGround = Objects.requireNonNull(ground, "ground").name();
        leaf.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
        return leaf;
    }

    public long leafIndex() { return leafIndex; }
    public UUID eventId() { return eventId; }
    public byte[] leafHash() { return leafHash.clone(); }
    public Instant appendedAt() { return appendedAt; }
    public Kind kind() { return kind; }
    public Layout layout() { return layout; }
    /** For a deletion, the index of the event leaf it deletes; null for an event. */
    public Long deletesLeafIndex() { return deletesLeafIndex; }
    /** For a deletion, the name of its {@link DeletionGround} as stored; null for an event. */
    public String deletionGround() { return deletionGround; }
    public String requestedBy() { return requestedBy; }
}
