package io.trailkeeper.integrity.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.integrity.entity.LogLeaf;
import io.trailkeeper.trail.entity.DeletionGround;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which deletion leaves account for which event leaves, as verification reads the leaf table. */
class DeletionLeavesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final UUID EVENT = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    private final LogLeaf eventLeaf = new LogLeaf(3, EVENT, hash(3), NOW);
    private final LogLeaf deletion = deletion(9, EVENT, 3);

    @Test
    void aDeletionAccountsForTheEarlierLeafOfTheSameEventItNames() {
        assertTrue(DeletionLeaves.deletes(deletion, eventLeaf));
        assertArrayEquals(deletion.leafHash(), DeletionLeaves.rowAt(deletion, eventLeaf).orElseThrow(),
                "it stands for itself: only the checkpoints can judge its hash");
    }

    @Test
    void aDeletionRedirectedToAnotherEventAccountsForNothingAndIsReportedChanged() {
        LogLeaf otherEvent = new LogLeaf(4, OTHER, hash(4), NOW);
        LogLeaf redirected = deletion(9, EVENT, 4);

        assertFalse(DeletionLeaves.deletes(redirected, otherEvent), "the leaf it names is another event's");
        assertFalse(java.util.Arrays.equals(redirected.leafHash(), DeletionLeaves.rowAt(redirected, otherEvent).orElseThrow()));
    }

    @Test
    void aDeletionWhoseEventLeafIsGoneOrIsNotAnEventAccountsForNothing() {
        LogLeaf deletionOfADeletion = deletion(12, EVENT, 9);

        assertFalse(DeletionLeaves.deletes(deletion, null), "the event leaf row was removed");
        assertFalse(DeletionLeaves.deletes(deletionOfADeletion, deletion));
        assertFalse(DeletionLeaves.deletes(eventLeaf, eventLeaf), "an event leaf deletes nothing");
    }

    @Test
    void aDeletionCanOnlyFollowTheLeafItDeletes() {
        assertThrows(IllegalArgumentException.class, () -> deletion(3, EVENT, 3));
        assertThrows(IllegalArgumentException.class, () -> deletion(2, EVENT, 3));
        assertThrows(IllegalArgumentException.class, () -> deletion(2, EVENT, -1));
    }

    private static LogLeaf deletion(long index, UUID event, long deletes) {
        return LogLeaf.deletion(index, event, hash(index), NOW, deletes, DeletionGround.ERASURE_REQUEST, "erasure of subject request 17");
    }

    private static byte[] hash(long seed) {
        return Rfc6962ReferenceTree.syntheticLeaf(seed);
    }
}
