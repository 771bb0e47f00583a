package io.trailkeeper.integrity.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Merkle consistency proofs: evidence that the log at a later checkpoint is the log of an earlier
 * checkpoint with leaves appended, and nothing before changed. Generation follows PROOF(m, D[n]) of
 * RFC 6962 §2.1.2; verification is the algorithm of RFC 9162 §2.1.4.2.
 *
 * <p>The RFCs define a proof only for 0 &lt; m &lt; n. The two edges are settled here: equal sizes
 * need an empty proof and identical roots (a tree is consistent with itself); an old size of 0 needs
 * an empty proof and the empty-tree hash as old root (every tree extends the empty one, and there is
 * nothing to prove). Any non-empty proof for those edges is rejected, as is an old size beyond the new.
 */
public final class ConsistencyProof {

    private ConsistencyProof() {
    }

    /** PROOF(oldSize, D[newSize]) over the first newSize leaves; empty when oldSize is 0 or equals newSize. */
    public static List<byte[]> proof(LongFunction<byte[]> leafAt, long oldSize, long newSize) {
        Objects.requireNonNull(leafAt, "leafAt");
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("no consistency proof from " + oldSize + " to " + newSize + " leaves");
        }
        List<byte[]> nodes = new ArrayList<>();
        if (oldSize == 0 || oldSize == newSize) {
            return nodes;
        }
        // RFC 6962 §2.1.2, SUBPROOF(m, D[n], b), walked top-down (nodes come out root-first and are
        // reversed at the end):
        //   m == n: {} if b (the old root is known to the verifier), else {MTH(D[n])};
        //   m <= k: SUBPROOF(m, D[0:k], b) : MTH(D[k:n]);
        //   m > k:  SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k]).
        long start = 0;
        long end = newSize;
        long m = oldSize;
        boolean oldRootIsKnown = true;
        while (true) {
            long n = end - start;
            if (m == n) {
                if (!oldRootIsKnown) {
                    nodes.add(MerkleTree.rangeRoot(leafAt, start, end));
                }
                break;
            }
            long k = MerkleTree.splitPoint(n);
            if (m <= k) {
                nodes.add(MerkleTree.rangeRoot(leafAt, start + k, end));
                end = start + k;
            } else {
                nodes.add(MerkleTree.rangeRoot(leafAt, start, start + k));
                start += k;
                m -= k;
                oldRootIsKnown = false;
            }
        }
        Collections.reverse(nodes);
        return nodes;
    }

    /**
     * RFC 9162 §2.1.4.2: whether the tree of newSize leaves with root newRoot extends the tree of
     * oldSize leaves with root oldRoot. False (never an exception) for any malformed input.
     */
    public static boolean verify(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
        if (oldSize < 0 || oldSize > newSize || proof == null) {
            return false;
        }
        if (!MerkleHashes.isHash(oldRoot) || !MerkleHashes.isHash(newRoot)) {
            return false;
        }
        for (byte[] node : proof) {
            if (!MerkleHashes.isHash(node)) {
                return false;
            }
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && MerkleHashes.same(oldRoot, newRoot)
                    && (oldSize != 0 || MerkleHashes.same(oldRoot, MerkleHashes.emptyTreeHash()));
        }
        if (oldSize == 0) {
            return proof.isEmpty() && MerkleHashes.same(oldRoot, MerkleHashes.emptyTreeHash());
        }
        // Step 1.
        if (proof.isEmpty()) {
            return false;
        }
        // Step 2: when the old tree is complete, its root is the first node of the path; the proof
        // leaves it out because the verifier already holds it.
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if ((oldSize & (oldSize - 1)) == 0) {
            path.add(oldRoot);
        }
        path.addAll(proof);
        // Step 3.
        long fn = oldSize - 1;
        long sn = newSize - 1;
        // Step 4: skip the levels where the old tree's last leaf is a right child.
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        // Step 5: fr rebuilds the old root, sr the new one, from the same starting node.
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        // Step 6.
        for (byte[] c : path.subList(1, path.size())) {
            // 6a.
            if (sn == 0) {
                return false;
            }
            // 6b.
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.nodeHash(c, fr);
                sr = MerkleHashes.nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = MerkleHashes.nodeHash(sr, c);
            }
            // 6c.
            fn >>>= 1;
            sn >>>= 1;
        }
        // Step 7.
        return sn == 0 && MerkleHashes.same(fr, oldRoot) && MerkleHashes.same(sr, newRoot);
    }
}
