package io.trailkeeper.integrity.control;

import io.trailkeeper.integrity.entity.LogLeaf;
import java.util.Optional;

/**
 * How verification reads a deletion leaf. Its hash commits to the deleted event's fields, which are
 * gone with the row, so it cannot be recomputed: the checkpoints vouch for it, as for every recorded
 * leaf. What can be checked is that its row still names the event leaf it deletes: an earlier
 * {@link LogLeaf.Kind#EVENT} leaf of the same event. Only such a deletion turns the event's missing row
 * into an accounted deletion; a deletion whose row was redirected is reported changed at its own index
 * and accounts for nothing, so the row it was meant to cover is reported missing.
 */
public final class DeletionLeaves {

    /** Compared with a deletion leaf whose row no longer names its event leaf: equal to no hash. */
    private static final byte[] NOT_A_DELETION_OF_ITS_EVENT = new byte[0];

    private DeletionLeaves() {
    }

    /** Whether {@code deletion} records the deletion of the event whose leaf is {@code deleted} (null when that position has no leaf). */
    public static boolean deletes(LogLeaf deletion, LogLeaf deleted) {
        return deletion.kind() == LogLeaf.Kind.DELETION
                && deleted != null
                && deleted.kind() == LogLeaf.Kind.EVENT
                && deletion.deletesLeafIndex() != null
                && deletion.deletesLeafIndex() == deleted.leafIndex()
                && deleted.leafIndex() < deletion.leafIndex()
                && deletion.eventId().equals(deleted.eventId());
    }

    /**
     * What stands for the current row at a deletion leaf's index ({@link LogVerification.CurrentRows#hashAt}):
     * its recorded hash while it names its event leaf, so that only the checkpoints judge it; otherwise a
     * value that makes verification report it changed.
     */
    public static Optional<byte[]> rowAt(LogLeaf deletion, LogLeaf deleted) {
        return Optional.of(deletes(deletion, deleted) ? deletion.leafHash() : NOT_A_DELETION_OF_ITS_EVENT);
    }
}
