package io.trailkeeper.integrity.control;

import io.trailkeeper.integrity.entity.LogLeaf;
import java.util.Optional;

/**
 * How verification reads a deletion leaf. A deletion accounts for its event's missing row only while
 * its row names the event leaf it deletes: an earlier {@link LogLeaf.Kind#EVENT} leaf of the same event.
 * A deletion whose row was redirected is reported changed at its own index and accounts for nothing, so
 * the row it was meant to cover is reported missing.
 *
 * <p>A {@link LogLeaf.Layout#DELETION_RECORD} leaf is recomputed from its row ({@link DeletionLeaf}:
 * deleted index, event id, the recorded hash of the deleted leaf, ground, requester) and compared with
 * its recorded hash like any event leaf, so a ground, requester or deleted index altered with SQL is
 * reported changed at the deletion's index. The auditor relies on that record (GDPR Art. 5(2),
 * accountability; Art. 17 for erasures).
 *
 * <p>A deletion leaf written under V11 ({@link LogLeaf.Layout#EVENT_FIELDS}) hashed the deleted
 * event's fields, which went with the row, and neither the ground nor the requester: it cannot be
 * recomputed, so it stands for itself and only the checkpoints judge it, as before. It must still be
 * accepted: V11 shipped, such leaves are sealed into signed checkpoints, and rewriting them would break
 * every later checkpoint and proof; their ground and requester were simply never sealed. Which layout a
 * leaf has is read from its row, which SQL could also change; so that this cannot switch off the
 * recomputation of a newer leaf, an EVENT_FIELDS deletion is accepted only before the log's first
 * DELETION_RECORD leaf. From V13 on nothing writes EVENT_FIELDS deletions (Flyway refuses to run older
 * code on the newer schema), so one after that point cannot be genuine and is reported changed.
 */
public final class DeletionLeaves {

    /** Compared with a deletion leaf that cannot be what it claims: equal to no hash. */
    private static final byte[] NOT_A_DELETION_OF_ITS_EVENT = new byte[0];

    /** For {@link #rowAt}: a log without any DELETION_RECORD leaf. */
    public static final long NO_DELETION_RECORD = Long.MAX_VALUE;

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
     * for a DELETION_RECORD, its leaf hash recomputed from its row; for an earlier EVENT_FIELDS deletion,
     * its recorded hash; otherwise a value that makes verification report it changed.
     *
     * @param deleted             the leaf at the index the deletion's row names, null when there is none
     * @param firstDeletionRecord the index of the log's first DELETION_RECORD leaf, {@link #NO_DELETION_RECORD} if none
     */
    public static Optional<byte[]> rowAt(LogLeaf deletion, LogLeaf deleted, long firstDeletionRecord) {
        if (!deletes(deletion, deleted)) {
            return Optional.of(NOT_A_DELETION_OF_ITS_EVENT);
        }
        return Optional.of(switch (deletion.layout()) {
            case DELETION_RECORD -> recomputed(deletion, deleted);
            case EVENT_FIELDS -> deletion.leafIndex() < firstDeletionRecord ? deletion.leafHash() : NOT_A_DELETION_OF_ITS_EVENT;
        });
    }

    private static byte[] recomputed(LogLeaf deletion, LogLeaf deleted) {
        if (deletion.deletionGround() == null || deletion.requestedBy() == null) {
            return NOT_A_DELETION_OF_ITS_EVENT;
        }
        try {
            return LeafEncoding.leafHash(new DeletionLeaf(deletion.deletesLeafIndex(), deletion.eventId().toString(),
                    deleted.leafHash(), deletion.deletionGround(), deletion.requestedBy()));
        } catch (IllegalArgumentException unencodable) {
            // Text that is not well-formed Unicode, or a recorded hash of the wrong length: no leaf was ever hashed from it.
            return NOT_A_DELETION_OF_ITS_EVENT;
        }
    }
}
