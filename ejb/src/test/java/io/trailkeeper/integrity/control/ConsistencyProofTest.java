package io.trailkeeper.integrity.control;

import static io.trailkeeper.integrity.control.Rfc6962ReferenceTree.HEX;
import static io.trailkeeper.integrity.control.Rfc6962ReferenceTree.flip;
import static io.trailkeeper.integrity.control.Rfc6962ReferenceTree.hexList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsistencyProofTest {

    private static final int MAX_SIZE = 70;

    private final List<byte[]> reference = Rfc6962ReferenceTree.leafHashes();
    private final List<byte[]> leaves = Rfc6962ReferenceTree.syntheticLeaves(2 * MAX_SIZE + 2);
    private final List<byte[]> roots = Rfc6962ReferenceTree.rootsOfEveryPrefix(leaves);
    private final byte[] empty = MerkleHashes.emptyTreeHash();

    /** Published in transparency-dev/merkle proof/verify_test.go; recomputed independently in Python as well. */
    @Test
    void publishedConsistencyProofsAreGeneratedAndVerified() {
        assertPublished(1, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertPublished(6, 8, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertPublished(2, 5, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertPublished(6, 7, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertPublished(1, 1);
    }

    private void assertPublished(int oldSize, int newSize, String... expected) {
        List<byte[]> proof = ConsistencyProof.proof(i -> reference.get((int) i), oldSize, newSize);

        assertEquals(List.of(expected), proof.stream().map(HEX::formatHex).toList(), "proof " + oldSize + " -> " + newSize);
        assertTrue(ConsistencyProof.verify(oldSize, newSize, Rfc6962ReferenceTree.root(oldSize), Rfc6962ReferenceTree.root(newSize),
                hexList(expected)));
    }

    @Test
    void everyPairOfSizesUpTo70IsProvenConsistent() {
        for (int n = 1; n <= MAX_SIZE; n++) {
            for (int m = 1; m <= n; m++) {
                assertTrue(ConsistencyProof.verify(m, n, roots.get(m), roots.get(n), proof(m, n)), m + " -> " + n);
            }
        }
    }

    @Test
    void anySingleBitFlipInAProofNodeOrARootIsRejected() {
        for (int n = 1; n <= MAX_SIZE; n++) {
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = proof(m, n);
                int bit = (31 * n + 7 * m) % 256;
                assertFalse(ConsistencyProof.verify(m, n, flip(roots.get(m), bit), roots.get(n), proof), "old root " + m + " -> " + n);
                assertFalse(ConsistencyProof.verify(m, n, roots.get(m), flip(roots.get(n), bit), proof), "new root " + m + " -> " + n);
                for (int node = 0; node < proof.size(); node++) {
                    List<byte[]> tampered = new ArrayList<>(proof);
                    tampered.set(node, flip(proof.get(node), (bit + 13 * node) % 256));
                    assertFalse(ConsistencyProof.verify(m, n, roots.get(m), roots.get(n), tampered), "node " + node + " of " + m + " -> " + n);
                }
            }
        }
    }

    @Test
    void tamperedProofsAreRejected() {
        for (int n = 2; n <= MAX_SIZE; n++) {
            for (int m = 1; m < n; m++) {
                List<byte[]> proof = proof(m, n);
                byte[] oldRoot = roots.get(m);
                byte[] newRoot = roots.get(n);
                String pair = m + " -> " + n;
                assertFalse(ConsistencyProof.verify(m, n, oldRoot, newRoot, List.of()), "empty proof " + pair);
                assertFalse(ConsistencyProof.verify(m, n, newRoot, oldRoot, proof), "swapped roots " + pair);
                assertFalse(ConsistencyProof.verify(m, n, oldRoot, newRoot, proof.subList(0, proof.size() - 1)), "truncated " + pair);
                for (byte[] extra : List.of(oldRoot, newRoot, proof.get(0))) {
                    List<byte[]> appended = new ArrayList<>(proof);
                    appended.add(extra);
                    assertFalse(ConsistencyProof.verify(m, n, oldRoot, newRoot, appended), "trailing node " + pair);
                    List<byte[]> prepended = new ArrayList<>(proof);
                    prepended.add(0, extra);
                    assertFalse(ConsistencyProof.verify(m, n, oldRoot, newRoot, prepended), "preceding node " + pair);
                }
                // The corruptions of the CT reference tests (transparency-dev/merkle proof/verify_test.go):
                // other sizes presented with the same roots.
                for (long[] sizes : new long[][] {{m - 1, n}, {m + 1, n}, {m ^ 2, n}, {m, 2L * n}, {m, n / 2}}) {
                    if (sizes[0] != m || sizes[1] != n) {
                        assertFalse(ConsistencyProof.verify(sizes[0], sizes[1], oldRoot, newRoot, proof),
                                "sizes " + sizes[0] + " -> " + sizes[1] + " for " + pair);
                    }
                }
                // The proof vouches for these two tree heads only: other sizes with their own roots fail.
                for (int otherOld = 1; otherOld <= n; otherOld++) {
                    if (otherOld != m) {
                        assertFalse(ConsistencyProof.verify(otherOld, n, roots.get(otherOld), newRoot, proof), "old size " + otherOld + " for " + pair);
                    }
                }
                for (int otherNew = m; otherNew <= 2 * MAX_SIZE; otherNew++) {
                    if (otherNew != n) {
                        assertFalse(ConsistencyProof.verify(m, otherNew, oldRoot, roots.get(otherNew), proof), "new size " + otherNew + " for " + pair);
                    }
                }
            }
        }
    }

    @Test
    void aTreeIsConsistentWithItselfOnlyWithAnEmptyProofAndTheSameRoot() {
        assertTrue(ConsistencyProof.verify(5, 5, roots.get(5), roots.get(5), List.of()));
        assertFalse(ConsistencyProof.verify(5, 5, roots.get(5), roots.get(4), List.of()), "different roots");
        assertFalse(ConsistencyProof.verify(5, 5, roots.get(5), roots.get(5), List.of(roots.get(5))), "non-empty proof");
        assertTrue(ConsistencyProof.proof(i -> leaves.get((int) i), 5, 5).isEmpty());
    }

    @Test
    void theEmptyTreeIsConsistentWithEveryTreeAndNeedsNoProof() {
        // RFC 6962 §2.1.2 and RFC 9162 §2.1.4 define proofs for 0 < m < n only. Every tree extends the
        // empty tree, so there is nothing to prove: only an empty proof is accepted, and only with the
        // empty-tree hash as the old root (stricter than accepting any old root, since no other is valid).
        assertTrue(ConsistencyProof.verify(0, 9, empty, roots.get(9), List.of()));
        assertTrue(ConsistencyProof.verify(0, 0, empty, empty, List.of()));
        assertFalse(ConsistencyProof.verify(0, 9, empty, roots.get(9), List.of(empty)), "non-empty proof from size 0");
        assertFalse(ConsistencyProof.verify(0, 9, empty, roots.get(9), List.of(roots.get(9))), "non-empty proof from size 0");
        assertFalse(ConsistencyProof.verify(0, 9, roots.get(9), roots.get(9), List.of()), "old root of size 0 that is not the empty tree");
        assertFalse(ConsistencyProof.verify(0, 0, roots.get(1), roots.get(1), List.of()), "empty tree with a non-empty root");
        assertTrue(ConsistencyProof.proof(i -> leaves.get((int) i), 0, 9).isEmpty());
    }

    @Test
    void aLogCannotShrink() {
        assertFalse(ConsistencyProof.verify(9, 8, roots.get(9), roots.get(8), List.of()));
        assertFalse(ConsistencyProof.verify(9, 8, roots.get(9), roots.get(8), proof(8, 9)));
        assertFalse(ConsistencyProof.verify(1, 0, roots.get(1), empty, List.of()));
        assertFalse(ConsistencyProof.verify(-1, 3, empty, roots.get(3), List.of()));
        assertThrows(IllegalArgumentException.class, () -> ConsistencyProof.proof(i -> leaves.get((int) i), 9, 8));
    }

    @Test
    void malformedHashesAreRejectedWithoutAnException() {
        assertFalse(ConsistencyProof.verify(3, 5, new byte[0], roots.get(5), proof(3, 5)));
        assertFalse(ConsistencyProof.verify(3, 5, roots.get(3), null, proof(3, 5)));
        assertFalse(ConsistencyProof.verify(3, 5, roots.get(3), roots.get(5), null));
        List<byte[]> withShortNode = new ArrayList<>(proof(3, 5));
        withShortNode.set(0, new byte[31]);
        assertFalse(ConsistencyProof.verify(3, 5, roots.get(3), roots.get(5), withShortNode));
    }

    @Test
    void aRewrittenPastIsCaughtByTheConsistencyProof() {
        // The log's first 10 leaves were sealed; then leaf 4 was rewritten and 6 more appended.
        List<byte[]> rewritten = new ArrayList<>(leaves.subList(0, 16));
        rewritten.set(4, Rfc6962ReferenceTree.syntheticLeaf(10_000));
        byte[] rewrittenRoot = MerkleTree.root(rewritten);
        List<byte[]> proof = ConsistencyProof.proof(i -> rewritten.get((int) i), 10, 16);

        assertFalse(ConsistencyProof.verify(10, 16, roots.get(10), rewrittenRoot, proof));
    }

    private List<byte[]> proof(int m, int n) {
        return ConsistencyProof.proof(i -> leaves.get((int) i), m, n);
    }
}
