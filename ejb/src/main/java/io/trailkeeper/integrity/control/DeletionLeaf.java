package io.trailkeeper.integrity.control;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What the log commits to when it records that an event was deleted: which leaf is deleted, whose it
 * is, on what ground and at whose request. An auditor relies on this record to tell a lawful deletion
 * from a removed row and to see who asked for it and why (GDPR Art. 5(2), accountability; Art. 17(1)
 * and Art. 5(1)(e) for the grounds), so every part of it is under the leaf hash, not only in columns
 * beside it.
 *
 * <p>The deleted event's own fields are gone with its row, but its leaf hash stays in the log at
 * {@code deletesLeafIndex}, anchored by the checkpoints, and commits to exactly those fields and the
 * hash of its content. Committing to that hash commits to the event's identity as the event leaf
 * does, and lets verification recompute this leaf from what is still stored.
 *
 * @param deletesLeafIndex the index of the event leaf whose event was deleted
 * @param eventId          the deleted event's id, as in its event leaf
 * @param deletedLeafHash  the RFC 6962 leaf hash recorded for the event at {@code deletesLeafIndex}
 * @param ground           why the event was deleted, as stored (a {@code DeletionGround} name)
 * @param requestedBy      the job or account that asked for the deletion
 */
public record DeletionLeaf(long deletesLeafIndex, String eventId, byte[] deletedLeafHash, String ground, String requestedBy) {

    public DeletionLeaf {
        if (deletesLeafIndex < 0) {
            throw new IllegalArgumentException("a deletion deletes a leaf of the log, not index " + deletesLeafIndex);
        }
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(ground, "ground");
        Objects.requireNonNull(requestedBy, "requestedBy");
        if (!MerkleHashes.isHash(deletedLeafHash)) {
            throw new IllegalArgumentException("deletedLeafHash must be " + MerkleHashes.HASH_BYTES + " bytes");
        }
        deletedLeafHash = deletedLeafHash.clone();
    }

    @Override
    public byte[] deletedLeafHash() {
        return deletedLeafHash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeletionLeaf that
                && deletesLeafIndex == that.deletesLeafIndex
                && eventId.equals(that.eventId)
                && Arrays.equals(deletedLeafHash, that.deletedLeafHash)
                && ground.equals(that.ground)
                && requestedBy.equals(that.requestedBy);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(deletesLeafIndex, eventId, ground, requestedBy) + Arrays.hashCode(deletedLeafHash);
    }

    @Override
    public String toString() {
        return "DeletionLeaf[deletesLeafIndex=" + deletesLeafIndex + ", eventId=" + eventId + ", deletedLeafHash="
                + HexFormat.of().formatHex(deletedLeafHash) + ", ground=" + ground + ", requestedBy=" + requestedBy + "]";
    }
}
