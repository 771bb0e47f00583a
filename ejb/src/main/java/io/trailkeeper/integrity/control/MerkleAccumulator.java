package io.trailkeeper.integrity.control;

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

    /** How many subtree roots are held: the memory bound, never more than 64. */
    int retainedHashes() {
        return depth;
    }
}
