package io.trailkeeper.integrity.control;

import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * The Merkle Tree Hash MTH of RFC 6962 §2.1 (RFC 9162 §2.1.1) over leaf hashes that are already
 * leaf-hashed (SHA-256(0x00 || entry)). Ranges are read through random access, so a tree of millions
 * of leaves is hashed without ever holding its leaves in memory: the recursion is at most 64 deep.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** MTH(D[n]) of the given leaf hashes, in log order. */
    public static byte[] root(List<byte[]> leafHashes) {
        Objects.requireNonNull(leafHashes, "leafHashes");
        return rangeRoot(i -> leafHashes.get(Math.toIntExact(i)), 0, leafHashes.size());
    }

    /**
     * MTH(D[start:end]): the hash of the subtree over leaves start (inclusive) to end (exclusive).
     * For start == 0 this is the root of the tree of size end; for other starts the caller must ask
     * for a range the RFC's split actually produces if the result is to be a node of the full tree.
     */
    public static byte[] rangeRoot(LongFunction<byte[]> leafAt, long start, long end) {
        Objects.requireNonNull(leafAt, "leafAt");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("not a leaf range: [" + start + ", " + end + ")");
        }
        if (start == end) {
            return MerkleHashes.emptyTreeHash();
        }
        return nonEmptyRangeRoot(leafAt, start, end);
    }

    private static byte[] nonEmptyRangeRoot(LongFunction<byte[]> leafAt, long start, long end) {
        long n = end - start;
        if (n == 1) {
            return leaf(leafAt, start);
        }
        // RFC 6962 §2.1: for n > 1, k is the largest power of two smaller than n; the left subtree is
        // complete (k leaves), the right one holds the remaining n - k.
        long k = splitPoint(n);
        return MerkleHashes.nodeHash(nonEmptyRangeRoot(leafAt, start, start + k), nonEmptyRangeRoot(leafAt, start + k, end));
    }

    /** k of RFC 6962 §2.1: the largest power of two strictly smaller than n, for n ≥ 2. */
    static long splitPoint(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("a tree of " + n + " leaves is not split");
        }
        return Long.highestOneBit(n - 1);
    }

    static byte[] leaf(LongFunction<byte[]> leafAt, long index) {
        byte[] hash = leafAt.apply(index);
        if (hash == null) {
            throw new IllegalArgumentException("no leaf hash at index " + index);
        }
        return hash;
    }
}
