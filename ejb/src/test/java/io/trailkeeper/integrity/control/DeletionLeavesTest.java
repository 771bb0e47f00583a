package io.trailkeeper.integrity.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.integrity.entity.LogLeaf;
import io.trailkeeper.trail.entity.DeletionGround;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which deletion leaves account for which event leaves, and what verification compares them with, as it reads the leaf table. */
class DeletionLeavesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final UUID EVENT = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final String REQUESTER = "erasure of subject request 17";

    private final LogLeaf eventLeaf = new LogLeaf(3, EVENT, hash(3), NOW);
    /** As TrailLog.recordDeletions writes it: the hash over its record, the row naming the same. */
    private final LogLeaf deletion = deletion(9, EVENT, 3, DeletionGround.ERASURE_REQUEST, REQUESTER, recordHash(3, EVENT,
            DeletionGround.ERASURE_REQUEST, REQUESTER));

    @Test
    void aDeletionAsWrittenAccountsForItsEventAndRecomputesToItsRecordedHash() {
        assertTrue(DeletionLeaves.deletes(deletion, eventLeaf));
        assertEquals(LogLeaf.Layout.DELETION_RECORD, deletion.layout());
        assertArrayEquals(deletion.leafHash(), row(deletion, eventLeaf), "recomputed from the row and the deleted leaf's recorded hash");
    }

    @Test
    void aGroundChangedBySqlNoLongerMatchesTheRecordedHash() {
        // An erasure (GDPR Art. 17) turned into a retention expiry, the hash as it was recorded.
        LogLeaf regrounded = deletion(9, EVENT, 3, DeletionGround.RETENTION_PERIOD_EXPIRED, REQUESTER, deletion.leafHash());

        assertFalse(Arrays.equals(regrounded.leafHash(), row(regrounded, eventLeaf)));
        assertTrue(DeletionLeaves.deletes(regrounded, eventLeaf), "the event is still deleted; its record is what was altered");
    }

    @Test
    void aRequesterChangedBySqlNoLongerMatchesTheRecordedHash() {
        LogLeaf otherRequester = deletion(9, EVENT, 3, DeletionGround.ERASURE_REQUEST, "retention job", deletion.leafHash());
        LogLeaf sameLooking = deletion(9, EVENT, 3, DeletionGround.ERASURE_REQUEST, REQUESTER + " ", deletion.leafHash());

        assertFalse(Arrays.equals(otherRequester.leafHash(), row(otherRequester, eventLeaf)));
        assertFalse(Arrays.equals(sameLooking.leafHash(), row(sameLooking, eventLeaf)));
    }

    @Test
    void aDeletedIndexChangedBySqlNoLongerMatchesEvenWhereItNamesALeafOfTheSameEvent() {
        // The leaf table allows one event leaf per event; this is what a row naming another one would be compared with.
        LogLeaf sameEventElsewhere = new LogLeaf(5, EVENT, hash(5), NOW);
        LogLeaf renamed = deletion(9, EVENT, 5, DeletionGround.ERASURE_REQUEST, REQUESTER, deletion.leafHash());

        assertTrue(DeletionLeaves.deletes(renamed, sameEventElsewhere));
        assertFalse(Arrays.equals(renamed.leafHash(), row(renamed, sameEventElsewhere)));
    }

    @Test
    void aDeletionRedirectedToAnotherEventAccountsForNothingAndIsReportedChanged() {
        LogLeaf otherEvent = new LogLeaf(4, OTHER, hash(4), NOW);
        LogLeaf redirected = deletion(9, EVENT, 4, DeletionGround.ERASURE_REQUEST, REQUESTER, deletion.leafHash());

        assertFalse(DeletionLeaves.deletes(redirected, otherEvent), "the leaf it names is another event's");
        assertFalse(Arrays.equals(redirected.leafHash(), row(redirected, otherEvent)));
    }

    @Test
    void aDeletedLeafWhoseRecordedHashWasChangedNoLongerMatches() {
        LogLeaf alteredEventLeaf = new LogLeaf(3, EVENT, Rfc6962ReferenceTree.flip(hash(3), 0), NOW);

        assertFalse(Arrays.equals(deletion.leafHash(), row(deletion, alteredEventLeaf)));
    }

    @Test
    void textNoLeafCouldHaveBeenHashedFromIsReportedChangedNotThrown() throws ReflectiveOperationException {
        LogLeaf loneSurrogate = storedAs(deletion(9, EVENT, 3, DeletionGround.ERASURE_REQUEST, REQUESTER, deletion.leafHash()),
                "requestedBy", "x\uD800");
        LogLeaf noGround = storedAs(deletion(9, EVENT, 3, DeletionGround.ERASURE_REQUEST, REQUESTER, deletion.leafHash()),
                "deletionGround", null);
        LogLeaf shortEventHash = new LogLeaf(3, EVENT, new byte[5], NOW);

        assertFalse(Arrays.equals(deletion.leafHash(), row(loneSurrogate, eventLeaf)));
        assertFalse(Arrays.equals(deletion.leafHash(), row(noGround, eventLeaf)));
        assertFalse(Arrays.equals(deletion.leafHash(), row(deletion, shortEventHash)));
    }

    @Test
    void aDeletionWrittenUnderV11StandsForItselfUntilTheFirstDeletionRecord() throws ReflectiveOperationException {
        // Its hash is over the deleted event's fields, which are gone: only the checkpoints can judge it.
        LogLeaf v11 = storedAs(deletion(6, EVENT, 3, DeletionGround.RETENTION_PERIOD_EXPIRED, "retention job", hash(6)),
                "layout", LogLeaf.Layout.EVENT_FIELDS);

        assertArrayEquals(v11.leafHash(), DeletionLeaves.rowAt(v11, eventLeaf, DeletionLeaves.NO_DELETION_RECORD).orElseThrow());
        assertArrayEquals(v11.leafHash(), DeletionLeaves.rowAt(v11, eventLeaf, 7).orElseThrow(), "written before the first V13 deletion");
        assertFalse(Arrays.equals(v11.leafHash(), DeletionLeaves.rowAt(v11, eventLeaf, 5).orElseThrow()),
                "after a V13 deletion no deletion is written the old way: a row claiming it was rolled back to escape recomputation");
        assertFalse(Arrays.equals(v11.leafHash(), DeletionLeaves.rowAt(v11, new LogLeaf(4, OTHER, hash(4), NOW),
                DeletionLeaves.NO_DELETION_RECORD).orElseThrow()), "redirected");
    }

    @Test
    void aDeletionWhoseEventLeafIsGoneOrIsNotAnEventAccountsForNothing() {
        LogLeaf deletionOfADeletion = deletion(12, EVENT, 9, DeletionGround.ERASURE_REQUEST, REQUESTER, hash(12));

        assertFalse(DeletionLeaves.deletes(deletion, null), "the event leaf row was removed");
        assertFalse(Arrays.equals(deletion.leafHash(), row(deletion, null)));
        assertFalse(DeletionLeaves.deletes(deletionOfADeletion, deletion));
        assertFalse(DeletionLeaves.deletes(eventLeaf, eventLeaf), "an event leaf deletes nothing");
    }

    @Test
    void aDeletionCanOnlyFollowTheLeafItDeletes() {
        assertThrows(IllegalArgumentException.class, () -> deletion(3, EVENT, 3, DeletionGround.ERASURE_REQUEST, REQUESTER, hash(3)));
        assertThrows(IllegalArgumentException.class, () -> deletion(2, EVENT, 3, DeletionGround.ERASURE_REQUEST, REQUESTER, hash(2)));
        assertThrows(IllegalArgumentException.class, () -> deletion(2, EVENT, -1, DeletionGround.ERASURE_REQUEST, REQUESTER, hash(2)));
    }

    private static byte[] row(LogLeaf deletion, LogLeaf deleted) {
        return DeletionLeaves.rowAt(deletion, deleted, 9).orElseThrow();
    }

    private static LogLeaf deletion(long index, UUID event, long deletes, DeletionGround ground, String requestedBy, byte[] recordedHash) {
        return LogLeaf.deletion(index, event, recordedHash, NOW, deletes, ground, requestedBy);
    }

    private static byte[] recordHash(long deletes, UUID event, DeletionGround ground, String requestedBy) {
        return LeafEncoding.leafHash(new DeletionLeaf(deletes, event.toString(), hash(deletes), ground.name(), requestedBy));
    }

    /** The leaf as JPA reads a row whose column holds {@code value} (written by V11, or with SQL): through the field. */
    private static LogLeaf storedAs(LogLeaf leaf, String field, Object value) throws ReflectiveOperationException {
        Field column = LogLeaf.class.getDeclaredField(field);
        column.setAccessible(true);
        column.set(leaf, value);
        return leaf;
    }

    private static byte[] hash(long seed) {
        return Rfc6962ReferenceTree.syntheticLeaf(seed);
    }
}
