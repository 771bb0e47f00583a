package io.trailkeeper.integrity.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trailkeeper.integrity.control.LogVerification.CurrentRows;
import io.trailkeeper.integrity.control.LogVerification.RecordedLeaves;
import io.trailkeeper.integrity.control.VerificationReport.Status;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Scenarios an auditor checks. The "database" is two maps: the leaf table written at append time, and
 * the event rows, from which leaf hashes are recomputed through {@link LeafEncoding} as the real
 * verification will.
 */
class LogVerificationTest {

    private static final int SIZE = 100;
    private static final List<Integer> SEALED_AT = List.of(0, 1, 37, 64, 100);

    /** Append-time leaf table: leaf index to recorded leaf hash. */
    private final Map<Long, byte[]> recorded = new HashMap<>();
    /** Event rows as they are now: leaf index to the row's fields. */
    private final Map<Long, EventLeaf> rows = new HashMap<>();
    /** Deletion leaf rows as they are now: leaf index to the record their columns name. */
    private final Map<Long, DeletionLeaf> deletionRows = new HashMap<>();
    /** Leaf indexes of events whose deletion the log records. */
    private final Set<Long> recordedDeletions = new HashSet<>();
    private final List<TreeHead> checkpoints = new ArrayList<>();
    private long size;

    LogVerificationTest() {
        MerkleAccumulator tree = new MerkleAccumulator();
        for (int i = 0; i < SIZE; i++) {
            if (SEALED_AT.contains(i)) {
                checkpoints.add(new TreeHead(i, tree.root()));
            }
            append(tree, event(i));
        }
        checkpoints.add(new TreeHead(SIZE, tree.root()));
    }

    @Test
    void anUntouchedLogVerifies() {
        VerificationReport report = verify();

        assertTrue(report.ok());
        assertEquals(SIZE, report.checkedSize());
        assertEquals(OptionalLong.empty(), report.firstMismatch());
        assertTrue(report.changed().isEmpty() && report.missing().isEmpty() && report.unexpected().isEmpty());
        assertEquals(SEALED_AT.size(), report.checkpoints().size());
        report.checkpoints().forEach(c -> assertEquals(Status.MATCHES, c.status(), c.toString()));
        report.checkpoints().forEach(c -> assertEquals(c.sealed(), c.recomputed()));
    }

    @Test
    void aChangedRowIsLocatedAtItsIndex() {
        EventLeaf original = rows.get(42L);
        rows.put(42L, new EventLeaf(original.kind(), original.eventId(), original.occurredAtEpochMillis(), original.sourceId(),
                original.sourceEventId(), original.agentId(), "approve", original.target(), original.result(), original.region(),
                original.contentSha256()));

        VerificationReport report = verify();

        assertFalse(report.ok());
        assertEquals(OptionalLong.of(42), report.firstMismatch());
        assertEquals(new CappedIndexes(1, List.of(42L)), report.changed());
        assertTrue(report.missing().isEmpty() && report.unexpected().isEmpty());
        // The recorded leaves are intact, so every checkpoint still matches them: the row alone was changed.
        report.checkpoints().forEach(c -> assertEquals(Status.MATCHES, c.status()));
    }

    @Test
    void replacedEncryptedContentIsAChangedRow() {
        EventLeaf original = rows.get(7L);
        rows.put(7L, new EventLeaf(original.kind(), original.eventId(), original.occurredAtEpochMillis(), original.sourceId(),
                original.sourceEventId(), original.agentId(), original.action(), original.target(), original.result(),
                original.region(), MerkleHashes.sha256("other ciphertext".getBytes(StandardCharsets.UTF_8))));

        VerificationReport report = verify();

        assertEquals(OptionalLong.of(7), report.firstMismatch());
        assertEquals(List.of(7L), report.changed().first());
    }

    @Test
    void aRowChangedTogetherWithItsRecordedLeafIsCaughtByTheCheckpoints() {
        EventLeaf forged = new EventLeaf(EventLeaf.EVENT, "evt-50", 50, "src", "s-50", "agent", "approve", "t", "ok", "eu", null);
        rows.put(50L, forged);
        recorded.put(50L, LeafEncoding.leafHash(forged));

        VerificationReport report = verify();

        assertFalse(report.ok());
        assertTrue(report.changed().isEmpty(), "row and leaf agree with each other");
        assertEquals(Status.MATCHES, statusAt(report, 37), "sealed before the forged leaf");
        assertEquals(Status.DIFFERS, statusAt(report, 64), "first checkpoint covering leaf 50");
        assertEquals(Status.DIFFERS, statusAt(report, 100));
    }

    @Test
    void aDeletedRowIsReportedMissing() {
        rows.remove(13L);

        VerificationReport report = verify();

        assertFalse(report.ok());
        assertEquals(OptionalLong.of(13), report.firstMismatch());
        assertEquals(List.of(13L), report.missing().first());
        assertEquals(0, report.deletionsAccountedFor());
        report.checkpoints().forEach(c -> assertEquals(Status.MATCHES, c.status()));
    }

    @Test
    void aDeletionTheLogRecordsIsNotTampering() {
        // Retention removes event 13 and appends a DELETION leaf for it, then seals a new checkpoint.
        long deletion = recordDeletionOf(13);
        seal();

        VerificationReport report = verify();

        assertTrue(report.ok(), report.toString());
        assertEquals(1, report.deletionsAccountedFor());
        assertEquals(SIZE + 1, report.checkedSize());
        assertEquals(SIZE, deletion, "the deletion is appended after every earlier leaf");
        report.checkpoints().forEach(c -> assertEquals(Status.MATCHES, c.status(), "leaves are never removed: " + c));
    }

    @Test
    void aDeletionLeafAlteredInTheTableSpoilsTheCheckpointsThatSealedIt() {
        recordDeletionOf(13);
        seal();
        recordDeletionOf(42);
        seal();
        // Its row and its recorded hash rewritten to agree with each other: only the checkpoints can tell.
        DeletionLeaf forged = new DeletionLeaf(13, "evt-13", recorded.get(13L), "ERASURE_REQUEST", "officer");
        recorded.put((long) SIZE, LeafEncoding.leafHash(forged));
        deletionRows.put((long) SIZE, forged);

        VerificationReport report = verify();

        assertFalse(report.ok());
        assertTrue(report.changed().isEmpty() && report.missing().isEmpty(), report.toString());
        assertEquals(Status.MATCHES, statusAt(report, SIZE), "sealed before the deletion");
        assertEquals(Status.DIFFERS, statusAt(report, SIZE + 1));
        assertEquals(Status.DIFFERS, statusAt(report, SIZE + 2));
    }

    @Test
    void aDeletionWhoseGroundOrRequesterWasAlteredInItsRowIsLocatedAtItsIndex() {
        long retention = recordDeletionOf(13);
        long erasure = recordDeletionOf(42, "ERASURE_REQUEST", "officer-7");
        seal();
        // An erasure (GDPR Art. 17) passed off as a retention expiry, and a retention deletion credited to someone else.
        DeletionLeaf erased = deletionRows.get(erasure);
        deletionRows.put(erasure, new DeletionLeaf(erased.deletesLeafIndex(), erased.eventId(), erased.deletedLeafHash(),
                "RETENTION_PERIOD_EXPIRED", erased.requestedBy()));
        DeletionLeaf retained = deletionRows.get(retention);
        deletionRows.put(retention, new DeletionLeaf(retained.deletesLeafIndex(), retained.eventId(), retained.deletedLeafHash(),
                retained.ground(), "officer"));

        VerificationReport report = verify();

        assertFalse(report.ok());
        assertEquals(List.of(retention, erasure), report.changed().first());
        assertEquals(OptionalLong.of(retention), report.firstMismatch());
        assertTrue(report.missing().isEmpty(), "the events were deleted; what changed is the record of it");
        report.checkpoints().forEach(c -> assertEquals(Status.MATCHES, c.status(), "the recorded leaves are intact: " + c));
    }

    @Test
    void aDeletionLeafRemovedFromTheTableLeavesAHoleAndItsEventMissingAgain() {
        recordDeletionOf(13);
        seal();
        recorded.remove((long) SIZE);
        deletionRows.remove((long) SIZE);
        recordedDeletions.remove(13L);

        VerificationReport report = verify();

        assertFalse(report.ok());
        assertEquals(List.of((long) SIZE), report.recordedGaps().first());
        assertEquals(List.of(13L), report.missing().first());
        assertEquals(0, report.deletionsAccountedFor());
        assertEquals(OptionalLong.of(13), report.firstMismatch());
        assertEquals(Status.DIFFERS, statusAt(report, SIZE + 1));
    }

    @Test
    void aRowDeletedBehindTheLogIsStillMissingAmongRecordedDeletions() {
        recordDeletionOf(13);
        recordDeletionOf(14);
        seal();
        rows.remove(15L);

        VerificationReport report = verify();

        assertFalse(report.ok());
        assertEquals(List.of(15L), report.missing().first());
        assertEquals(2, report.deletionsAccountedFor());
    }

    @Test
    void aRangeCountsTheRecordedDeletionsOfItsOwnEventsWhereverTheDeletionLies() {
        recordDeletionOf(13);
        recordDeletionOf(42);
        seal();

        VerificationReport range = LogVerification.verify(recordedLeaves(), currentRows(), checkpoints, LogVerification.DEFAULT_CAP, 40, 50);

        assertTrue(range.ok(), range.toString());
        assertEquals(1, range.deletionsAccountedFor(), "42 is in the range, its deletion leaf and 13 are not");
        assertEquals(10, range.checkedSize());
    }

    @Test
    void anInsertedRowIsReportedUnexpected() {
        rows.put((long) SIZE, new EventLeaf(EventLeaf.EVENT, "evt-injected", 5, "src", "s-x", "agent", "approve", "t", "ok", "eu", null));

        VerificationReport report = verify();

        assertFalse(report.ok());
        assertEquals(OptionalLong.of(SIZE), report.firstMismatch());
        assertEquals(List.of((long) SIZE), report.unexpected().first());
        assertTrue(report.changed().isEmpty() && report.missing().isEmpty());
    }

    @Test
    void aCheckpointWhoseRootDoesNotMatchIsReported() {
        TreeHead bogus = new TreeHead(64, Rfc6962ReferenceTree.syntheticLeaf(64_000));
        checkpoints.add(bogus);

        VerificationReport report = verify();

        assertFalse(report.ok());
        VerificationReport.CheckpointResult result = report.checkpoints().get(report.checkpoints().size() - 1);
        assertEquals(bogus, result.sealed());
        assertEquals(Status.DIFFERS, result.status());
        assertEquals(64, result.recomputed().treeSize());
        assertArrayEquals(MerkleTree.rangeRoot(i -> recorded.get(i), 0, 64), result.recomputed().rootHash());
        assertEquals(OptionalLong.empty(), report.firstMismatch(), "rows and recorded leaves still agree");
    }

    @Test
    void aTruncatedLogFallsShortOfItsLastCheckpoint() {
        for (long i = 90; i < SIZE; i++) {
            recorded.remove(i);
            rows.remove(i);
        }
        size = 90;

        VerificationReport report = verify();

        assertFalse(report.ok());
        assertEquals(Status.BEYOND_LOG, statusAt(report, 100));
        assertNull(report.checkpoints().get(report.checkpoints().size() - 1).recomputed());
        assertEquals(Status.MATCHES, statusAt(report, 64));
    }

    @Test
    void aHoleInTheRecordedLeavesIsReportedAndSpoilsLaterCheckpoints() {
        recorded.remove(20L);

        VerificationReport report = verify();

        assertFalse(report.ok());
        assertEquals(List.of(20L), report.recordedGaps().first());
        assertEquals(OptionalLong.of(20), report.firstMismatch());
        assertEquals(Status.MATCHES, statusAt(report, 1));
        assertEquals(Status.DIFFERS, statusAt(report, 37));
    }

    @Test
    void checkpointsAreReportedInTheOrderGivenWhateverTheirSizes() {
        List<TreeHead> shuffled = new ArrayList<>(checkpoints);
        java.util.Collections.reverse(shuffled);

        VerificationReport report = LogVerification.verify(recordedLeaves(), currentRows(), shuffled);

        assertEquals(shuffled, report.checkpoints().stream().map(VerificationReport.CheckpointResult::sealed).toList());
        assertTrue(report.ok());
    }

    @Test
    void findingsAreCountedInFullButListedOnlyUpToTheCap() {
        for (long i = 0; i < SIZE; i += 2) {
            rows.remove(i);
        }

        VerificationReport report = LogVerification.verify(recordedLeaves(), currentRows(), checkpoints, 10);

        assertEquals(SIZE / 2, report.missing().count());
        assertEquals(List.of(0L, 2L, 4L, 6L, 8L, 10L, 12L, 14L, 16L, 18L), report.missing().first());
        assertTrue(report.missing().truncated());
        assertEquals(OptionalLong.of(0), report.firstMismatch());
    }

    @Test
    void aLargeLogIsVerifiedInOnePassWithBoundedFindings() {
        long large = 500_000;
        long changedFrom = 123_456;
        VerificationReport report = LogVerification.verify(
                new RecordedLeaves(large, Rfc6962ReferenceTree::syntheticLeaf),
                new CurrentRows(large, i -> Optional.of(i >= changedFrom ? Rfc6962ReferenceTree.syntheticLeaf(i + 1)
                        : Rfc6962ReferenceTree.syntheticLeaf(i)), i -> false),
                List.of(new TreeHead(large, MerkleTree.rangeRoot(Rfc6962ReferenceTree::syntheticLeaf, 0, large))));

        assertEquals(Status.MATCHES, report.checkpoints().get(0).status());
        assertEquals(OptionalLong.of(changedFrom), report.firstMismatch());
        assertEquals(large - changedFrom, report.changed().count());
        assertEquals(LogVerification.DEFAULT_CAP, report.changed().first().size());
    }

    private VerificationReport verify() {
        return LogVerification.verify(recordedLeaves(), currentRows(), checkpoints);
    }

    private RecordedLeaves recordedLeaves() {
        return new RecordedLeaves(size, recorded::get);
    }

    @Test
    void aRangeComparesOnlyItsRowsAndNeverAsksForOthers() {
        EventLeaf original = rows.get(42L);
        rows.put(42L, new EventLeaf(original.kind(), original.eventId(), original.occurredAtEpochMillis(), original.sourceId(),
                original.sourceEventId(), original.agentId(), "approve", original.target(), original.result(), original.region(),
                original.contentSha256()));
        rows.remove(80L);
        Set<Long> asked = new HashSet<>();
        CurrentRows all = currentRows();
        CurrentRows counted = new CurrentRows(all.extent(), i -> {
            asked.add(i);
            return all.hashAt().apply(i);
        }, all.deletionRecorded());

        VerificationReport report = LogVerification.verify(new RecordedLeaves(size, recorded::get), counted, checkpoints,
                LogVerification.DEFAULT_CAP, 40, 50);

        assertFalse(report.ok());
        assertEquals(10, report.checkedSize(), "positions 40 to 49");
        assertEquals(List.of(42L), report.changed().first());
        assertTrue(report.missing().isEmpty(), "row 80 lies outside the range");
        assertEquals(OptionalLong.of(42), report.firstMismatch());
        assertEquals(10, asked.size());
        assertTrue(asked.stream().allMatch(i -> i >= 40 && i < 50), asked.toString());
    }

    @Test
    void aRangeComparesTheCheckpointsItsLeavesReachAndNoOthers() {
        VerificationReport report = LogVerification.verify(new RecordedLeaves(size, recorded::get), currentRows(), checkpoints,
                LogVerification.DEFAULT_CAP, 40, 64);

        assertTrue(report.ok());
        assertEquals(List.of(0L, 1L, 37L, 64L), report.checkpoints().stream().map(c -> c.sealed().treeSize()).toList());
        report.checkpoints().forEach(c -> assertEquals(Status.MATCHES, c.status(), c.toString()));
    }

    @Test
    void aForgedLeafBeforeTheRangeStillSpoilsTheCheckpointsTheRangeReaches() {
        EventLeaf forged = new EventLeaf(EventLeaf.EVENT, "evt-20", 20, "src", "s-20", "agent", "approve", "t", "ok", "eu", null);
        rows.put(20L, forged);
        recorded.put(20L, LeafEncoding.leafHash(forged));

        VerificationReport report = LogVerification.verify(new RecordedLeaves(size, recorded::get), currentRows(), checkpoints,
                LogVerification.DEFAULT_CAP, 60, 70);

        assertFalse(report.ok());
        assertEquals(Status.MATCHES, statusAt(report, 1));
        assertEquals(Status.DIFFERS, statusAt(report, 37));
        assertEquals(Status.DIFFERS, statusAt(report, 64));
    }

    @Test
    void insertionsAndATruncationShowOnlyWhenTheRangeReachesTheEnd() {
        rows.put(SIZE + 3L, event(SIZE + 3));
        RecordedLeaves truncated = new RecordedLeaves(SIZE - 1, recorded::get);

        VerificationReport middle = LogVerification.verify(truncated, currentRows(), checkpoints, LogVerification.DEFAULT_CAP, 10, 20);
        VerificationReport end = LogVerification.verify(truncated, currentRows(), checkpoints, LogVerification.DEFAULT_CAP, 90, SIZE - 1);

        assertTrue(middle.ok(), middle.toString());
        assertEquals(List.of(99L, 103L), end.unexpected().first(), "the last row lost its leaf, and one was never logged");
        assertEquals(Status.BEYOND_LOG, statusAt(end, SIZE));
    }

    @Test
    void aRangeOutsideTheLogIsRefused() {
        RecordedLeaves leaves = new RecordedLeaves(size, recorded::get);
        CurrentRows current = currentRows();

        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LogVerification.verify(leaves, current, checkpoints, 10, 5, 4));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LogVerification.verify(leaves, current, checkpoints, 10, -1, 4));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LogVerification.verify(leaves, current, checkpoints, 10, 0, SIZE + 1));
    }

    private CurrentRows currentRows() {
        long extent = java.util.stream.Stream.concat(rows.keySet().stream(), deletionRows.keySet().stream())
                .mapToLong(i -> i + 1).max().orElse(0);
        return new CurrentRows(extent, i -> Optional.ofNullable(rows.get(i)).map(LeafEncoding::leafHash)
                .or(() -> Optional.ofNullable(deletionRows.get(i)).map(LeafEncoding::leafHash)), recordedDeletions::contains);
    }

    /** What the deletion service does: the row goes, a DELETION leaf naming its leaf, ground and requester is appended. Returns its index. */
    private long recordDeletionOf(long index) {
        return recordDeletionOf(index, "RETENTION_PERIOD_EXPIRED", "retention job");
    }

    private long recordDeletionOf(long index, String ground, String requestedBy) {
        EventLeaf deleted = rows.remove(index);
        recordedDeletions.add(index);
        long at = size;
        DeletionLeaf deletion = new DeletionLeaf(index, deleted.eventId(), recorded.get(index), ground, requestedBy);
        recorded.put(at, LeafEncoding.leafHash(deletion));
        // A deletion leaf's "row" is what its columns name, recomputed as verification reads it (DeletionLeaves).
        deletionRows.put(at, deletion);
        size++;
        return at;
    }

    private void seal() {
        MerkleAccumulator tree = new MerkleAccumulator();
        for (long i = 0; i < size; i++) {
            tree.append(recorded.get(i));
        }
        checkpoints.add(new TreeHead(size, tree.root()));
    }

    private void append(MerkleAccumulator tree, EventLeaf leaf) {
        byte[] hash = LeafEncoding.leafHash(leaf);
        recorded.put(size, hash);
        rows.put(size, leaf);
        if (tree != null) {
            tree.append(hash);
        }
        size++;
    }

    private static EventLeaf event(int i) {
        return new EventLeaf(EventLeaf.EVENT, "evt-" + i, 1_700_000_000_000L + i, "src", "s-" + i, "agent-" + (i % 3), "tool-call",
                "order-" + i, i % 5 == 0 ? "denied" : "ok", "eu-west",
                MerkleHashes.sha256(("ciphertext " + i).getBytes(StandardCharsets.UTF_8)));
    }

    private static Status statusAt(VerificationReport report, long treeSize) {
        return report.checkpoints().stream().filter(c -> c.sealed().treeSize() == treeSize).findFirst().orElseThrow().status();
    }
}
