package io.trailkeeper.integrity.control;

import java.util.Arrays;
import java.util.Objects;

/**
 * Builds MTH(D[n]) of RFC 6962 §2.1 one leaf hash at a time, for logs too large to hold. A tree of n
 * leaves is a row of complete subtrees, one per set bit of n, largest on the left (this is how the
 * RFC's split rule, k = largest power of two below n, lays it out). Only the roots of those subtrees
 * are kept, so the state is at most 64 hashes whatever the size. Not thread-safe: one per pass.
 */
public final class MerkleAccumulator {

    // stack[0] is the leftmost (largest) complete subtree; there are exactly bitCount(size) of them.
    private final byte[][] stack = new byte[Long.SIZE][];
    private int depth;
    private long size;

    /** Appends the next leaf hash (already SHA-256(0x00 || entry)). */
    public void append(byte[] leafHash) {
        Objects.requireNonNull(leafHash, "leafHash");
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("the log cannot grow beyond " + Long.MAX_VALUE + " leaves");
        }
        byte[] carry = leafHash.clone();
        // Each trailing one bit of the old size is a complete subtree as large as what we carry, so
        // the two merge into one twice as large: the same carry as binary addition of 1.
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            carry = MerkleHashes.nodeHash(stack[--depth], carry);
            stack[depth] = null;
        }
        stack[depth++] = carry;
        size++;
    }

    /** The number of leaves appended so far. */
    public long size() {
        return size;
    }

    /** MTH of the leaves appended so far; the empty-tree hash before the first. Does not change the state. */
    public byte[] root() {
        if (depth == 0) {
            return MerkleHashes.emptyTreeHash();
        }
        // MTH hashes the rightmost, smallest subtree into its left neighbour first (RFC 6962 §2.1
        // recursion on the right part), so fold from the top of the stack down.
        byte[] root = stack[depth - 1];
        for (int i = depth - 2; i >= 0; i--) {
            root = MerkleHashes.nodeHash(stack[i], root);
        }
        return root.clone();
    }

    /**
     * The roots of the complete subtrees, leftmost (largest) first, 32 bytes each: with {@link #size()},
     * all it takes to go on appending later ({@link #resume}) without reading the leaves again.
     */
    public byte[] subtreeRoots() {
        byte[] roots = new byte[depth * MerkleHashes.HASH_BYTES];
        for (int i = 0; i < depth; i++) {
            System.arraycopy(stack[i], 0, roots, i * MerkleHashes.HASH_BYTES, MerkleHashes.HASH_BYTES);
        }
        return roots;
    }

    /**
     * An accumulator that stands where one of {@code size} leaves with these {@link #subtreeRoots()}
     * stood. Whether they are the right ones only the root can tell: compare {@link #root()} with a
     * root known to be right before relying on it.
     *
     * @throws IllegalArgumentException when there are not exactly as many roots as {@code size} has set bits
     */
    public static MerkleAccumulator resume(long size, byte[] subtreeRoots) {
        Objects.requireNonNull(subtreeRoots, "subtreeRoots");
        int subtrees = Long.bitCount(Math.max(0, size));
        if (size < 0 || subtreeRoots.length != subtrees * MerkleHashes.HASH_BYTES) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + subtrees
                    + " complete subtrees, not " + subtreeRoots.length + " bytes of roots");
        }
        MerkleAccumulator resumed = new MerkleAccumulator();
        for (int i = 0; i < subtrees; i++) {
            resumed.stack[i] = Arrays.copyOfRange(subtreeRoots, i * MerkleHashes.HASH_BYTES, (i + 1) * MerkleHashes.HASH_BYTES);
        }
        resumed.depth = subtrees;
        resumed.size = size;
        return resumed;
    }

    /** How many subtree roots are held: the memory bound, never more than 64. */
    int retainedHashes() {
        return depth;
    }
}
