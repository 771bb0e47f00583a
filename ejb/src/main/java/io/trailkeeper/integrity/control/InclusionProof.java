package io.trailkeeper.integrity.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Merkle audit paths: evidence that one event is leaf m of the log whose signed checkpoint has size n,
 * without handing over the other events. Generation follows PATH(m, D[n]) of RFC 6962 §2.1.1;
 * verification is the algorithm of RFC 9162 §2.1.3.2, which states precisely what RFC 6962 left to
 * the implementer (in particular, that the path length must match the tree shape exactly).
 */
public final class InclusionProof {

    private InclusionProof() {
    }

    /**
     * PATH(m, D[n]) for leaf {@code leafIndex} in the tree of the first {@code treeSize} leaves, nearest
     * sibling first. Reads each leaf of the tree once (the sibling subtrees are hashed from their
     * leaves), so it costs O(n) hashing but O(log n) memory.
     */
    public static List<byte[]> path(LongFunction<byte[]> leafAt, long leafIndex, long treeSize) {
        Objects.requireNonNull(leafAt, "leafAt");
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of " + treeSize + " leaves");
        }
        // RFC 6962 §2.1.1: if m < k, PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]),
        // otherwise PATH(m - k, D[k:n]) : MTH(D[0:k]). Walked top-down, so the siblings come out
        // root-first and are reversed at the end.
        List<byte[]> siblings = new ArrayList<>();
        long start = 0;
        long end = treeSize;
        long m = leafIndex;
        while (end - start > 1) {
            long k = MerkleTree.splitPoint(end - start);
            if (m < k) {
                siblings.add(MerkleTree.rangeRoot(leafAt, start + k, end));
                end = start + k;
            } else {
                siblings.add(MerkleTree.rangeRoot(leafAt, start, start + k));
                start += k;
                m -= k;
            }
        }
        Collections.reverse(siblings);
        return siblings;
    }

    /**
     * RFC 9162 §2.1.3.2: whether {@code leafHash} is leaf {@code leafIndex} of the tree of
     * {@code treeSize} leaves whose root is {@code root}. False (never an exception) for an index
     * outside the tree, a wrong size, a path that is too short or too long, or any hash that is not
     * 32 bytes.
     *
     * <p>Take the size and the root from the same signed checkpoint: a path does not by itself pin the
     * size (the path of leaf 0 of a 4-leaf tree also rebuilds that tree's root when read as a path in a
     * 3-leaf tree, since both go left at every level). The checkpoint's signature binds size to root.
     */
    public static boolean verify(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path, byte[] root) {
        // Step 1: the leaf must lie inside the tree.
        if (leafIndex < 0 || treeSize <= 0 || leafIndex >= treeSize) {
            return false;
        }
        if (!MerkleHashes.isHash(leafHash) || !MerkleHashes.isHash(root) || path == null) {
            return false;
        }
        // Step 2: fn is the leaf's position, sn the last position; both shift up one level per step.
        long fn = leafIndex;
        long sn = treeSize - 1;
        // Step 3.
        byte[] r = leafHash;
        // Step 4.
        for (byte[] p : path) {
            if (!MerkleHashes.isHash(p)) {
                return false;
            }
            // 4a: a path longer than the tree is tall.
            if (sn == 0) {
                return false;
            }
            // 4b: the sibling is on the left when we are a right child, or when we are the last node
            // of our level (then there is no right sibling and we rise until we are a right child).
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = MerkleHashes.nodeHash(r, p);
            }
            // 4c.
            fn >>>= 1;
            sn >>>= 1;
        }
        // Step 5: sn reaches 0 exactly when the path was as long as the tree is tall here.
        return sn == 0 && MerkleHashes.same(r, root);
    }
}
