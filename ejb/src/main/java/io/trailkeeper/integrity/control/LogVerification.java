package io.trailkeeper.integrity.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import java.util.stream.IntStream;

/**
 * Answers "was anything changed, deleted or inserted in the trail?" in one pass over the log.
 *
 * <p>A checkpoint's root alone cannot say which leaf changed: finding it by bisection would need the
 * original leaves. So two sources are compared position by position: the leaf hashes the log recorded
 * at append time (an append-only table, anchored by the signed checkpoints) and the leaf hashes
 * recomputed from the event rows as they are now. Meanwhile the recorded leaves are fed to a
 * {@link MerkleAccumulator}, and each checkpoint's root is compared with the root of the recorded
 * prefix of its size. Together: the checkpoints vouch for the recorded leaves, and the recorded
 * leaves vouch for each row. Rewriting a row and its recorded leaf together is caught by the
 * checkpoints; rewriting either alone is caught at its exact index.
 *
 * <p>Memory stays bounded whatever the log's size: the accumulator keeps at most 64 hashes, and the
 * lists of findings are capped (counts are always complete).
 */
public final class LogVerification {

    /** How many indexes each kind of finding lists by default. */
    public static final int DEFAULT_CAP = 1000;

    private static final byte[] UNKNOWN_LEAF = new byte[MerkleHashes.HASH_BYTES];

    private LogVerification() {
    }

    /**
     * The leaf hashes recorded at append time; {@code hashAt(i)} for {@code 0 <= i < size} is leaf i,
     * or null if that position is absent from the table.
     */
    public record RecordedLeaves(long size, LongFunction<byte[]> hashAt) {
        public RecordedLeaves {
            if (size < 0) {
                throw new IllegalArgumentException("a log cannot have " + size + " leaves");
            }
            Objects.requireNonNull(hashAt, "hashAt");
        }
    }

    /**
     * The leaf hashes recomputed from the event rows as they are now ({@link LeafEncoding#leafHash}),
     * by the leaf index each row carries. {@code hashAt(i)} is empty when no row has index i.
     * {@code extent} is one past the highest index any row carries; rows carrying no index at all are
     * to be presented at indexes from the recorded size upward, so they count as insertions.
     * {@code deletionRecorded(i)} says whether the log holds a deletion leaf for the event at index i
     * (retention or erasure), which turns a missing row from tampering into an accounted deletion.
     */
    public record CurrentRows(long extent, LongFunction<Optional<byte[]>> hashAt, LongPredicate deletionRecorded) {
        public CurrentRows {
            if (extent < 0) {
                throw new IllegalArgumentException("rows cannot extend to " + extent);
            }
            Objects.requireNonNull(hashAt, "hashAt");
            Objects.requireNonNull(deletionRecorded, "deletionRecorded");
        }
    }

    public static VerificationReport verify(RecordedLeaves recorded, CurrentRows rows, List<TreeHead> checkpoints) {
        return verify(recorded, rows, checkpoints, DEFAULT_CAP);
    }

    public static VerificationReport verify(RecordedLeaves recorded, CurrentRows rows, List<TreeHead> checkpoints, int cap) {
        Objects.requireNonNull(recorded, "recorded");
        return verify(recorded, rows, checkpoints, cap, 0, recorded.size());
    }

    /**
     * Verifies the rows at leaf indexes {@code from} (inclusive) to {@code to} (exclusive) only: an
     * auditor's spot check of one stretch of a large trail. Rows outside the range are never asked for.
     * The recorded leaves below {@code to} are still all read (hashes only, streamed), because a
     * checkpoint can only be recomputed from the start of the log; so every checkpoint whose size is at
     * most {@code to} is compared, and a gap in the recorded leaves is reported wherever it lies.
     * Checkpoints beyond {@code to}, and rows the log never recorded (insertions, which sit after its
     * end), are part of the result only when the range reaches the end of the log.
     * {@code checkedSize} is the number of positions compared, {@code to - from}.
     */
    public static VerificationReport verify(RecordedLeaves recorded, CurrentRows rows, List<TreeHead> checkpoints, int cap,
                                            long from, long to) {
        Objects.requireNonNull(recorded, "recorded");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(checkpoints, "checkpoints");
        if (cap < 0) {
            throw new IllegalArgumentException("cap must not be negative");
        }
        if (from < 0 || from > to || to > recorded.size()) {
            throw new IllegalArgumentException("a range must satisfy 0 <= from <= to <= " + recorded.size()
                    + ", not from " + from + " to " + to);
        }
        boolean reachesEnd = to == recorded.size();
        List<TreeHead> sealed = checkpoints.stream().filter(c -> reachesEnd || c.treeSize() <= to).toList();
        // Checkpoints are met in order of size during the single pass; results go back in the order given.
        int[] bySize = IntStream.range(0, sealed.size()).boxed()
                .sorted(Comparator.comparingLong(i -> sealed.get(i).treeSize()))
                .mapToInt(Integer::intValue).toArray();
        VerificationReport.CheckpointResult[] results = new VerificationReport.CheckpointResult[sealed.size()];
        int nextCheckpoint = 0;

        Findings changed = new Findings(cap);
        Findings missing = new Findings(cap);
        Findings unexpected = new Findings(cap);
        Findings gaps = new Findings(cap);
        long deletionsAccountedFor = 0;
        long firstMismatch = -1;

        MerkleAccumulator tree = new MerkleAccumulator();
        for (long i = 0; i < to; i++) {
            nextCheckpoint = compareCheckpointsAtSize(tree, sealed, bySize, nextCheckpoint, results);

            byte[] leaf = recorded.hashAt().apply(i);
            boolean diverges;
            if (leaf == null) {
                // The recorded table has a hole: the tree over it cannot be recomputed, so the hole is
                // filled with a hash nobody can have signed and every later checkpoint will differ.
                gaps.add(i);
                tree.append(UNKNOWN_LEAF);
                diverges = true;
            } else if (i < from) {
                tree.append(leaf);
                diverges = false;
            } else {
                tree.append(leaf);
                Optional<byte[]> row = Objects.requireNonNull(rows.hashAt().apply(i), "CurrentRows.hashAt returned null, not an Optional");
                if (row.isPresent()) {
                    diverges = !MerkleHashes.same(leaf, row.get());
                    if (diverges) {
                        changed.add(i);
                    }
                } else if (rows.deletionRecorded().test(i)) {
                    deletionsAccountedFor++;
                    diverges = false;
                } else {
                    missing.add(i);
                    diverges = true;
                }
            }
            if (diverges && firstMismatch < 0) {
                firstMismatch = i;
            }
        }
        nextCheckpoint = compareCheckpointsAtSize(tree, sealed, bySize, nextCheckpoint, results);
        for (; nextCheckpoint < bySize.length; nextCheckpoint++) {
            int index = bySize[nextCheckpoint];
            results[index] = new VerificationReport.CheckpointResult(sealed.get(index), VerificationReport.Status.BEYOND_LOG, null);
        }

        for (long i = recorded.size(); reachesEnd && i < rows.extent(); i++) {
            Optional<byte[]> row = Objects.requireNonNull(rows.hashAt().apply(i), "CurrentRows.hashAt returned null, not an Optional");
            if (row.isPresent()) {
                unexpected.add(i);
                if (firstMismatch < 0) {
                    firstMismatch = i;
                }
            }
        }

        List<VerificationReport.CheckpointResult> checkpointResults = List.of(results);
        boolean checkpointsHold = checkpointResults.stream().allMatch(r -> r.status() == VerificationReport.Status.MATCHES);
        boolean ok = checkpointsHold && changed.count == 0 && missing.count == 0 && unexpected.count == 0 && gaps.count == 0;
        return new VerificationReport(ok, to - from,
                firstMismatch < 0 ? OptionalLong.empty() : OptionalLong.of(firstMismatch),
                changed.toIndexes(), missing.toIndexes(), deletionsAccountedFor, unexpected.toIndexes(), gaps.toIndexes(),
                checkpointResults);
    }

    /** Compares every checkpoint sealed at exactly the accumulator's current size; returns the next one to look at. */
    private static int compareCheckpointsAtSize(MerkleAccumulator tree, List<TreeHead> sealed, int[] bySize, int next,
            VerificationReport.CheckpointResult[] results) {
        byte[] root = null;
        while (next < bySize.length && sealed.get(bySize[next]).treeSize() == tree.size()) {
            if (root == null) {
                root = tree.root();
            }
            TreeHead checkpoint = sealed.get(bySize[next]);
            VerificationReport.Status status = MerkleHashes.same(root, checkpoint.rootHash())
                    ? VerificationReport.Status.MATCHES : VerificationReport.Status.DIFFERS;
            results[bySize[next]] = new VerificationReport.CheckpointResult(checkpoint, status, new TreeHead(tree.size(), root));
            next++;
        }
        return next;
    }

    /** A count and the first {@code cap} indexes, met in ascending order. */
    private static final class Findings {
        private final int cap;
        private final List<Long> first = new ArrayList<>();
        private long count;

        Findings(int cap) {
            this.cap = cap;
        }

        void add(long index) {
            count++;
            if (first.size() < cap) {
                first.add(index);
            }
        }

        CappedIndexes toIndexes() {
            return new CappedIndexes(count, first);
        }
    }
}
