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

class InclusionProofTest {

    private static final int MAX_SIZE = 70;

    private final List<byte[]> reference = Rfc6962ReferenceTree.leafHashes();
    private final List<byte[]> leaves = Rfc6962ReferenceTree.syntheticLeaves(2 * MAX_SIZE + 2);
    private final List<byte[]> roots = Rfc6962ReferenceTree.rootsOfEveryPrefix(leaves);

    /**
     * Published audit paths for the reference tree (transparency-dev/merkle proof/verify_test.go, which
     * numbers leaves from 1; here they are 0-based), recomputed independently in Python as well.
     */
    @Test
    void publishedAuditPathsAreGeneratedAndVerified() {
        assertPublished(0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertPublished(5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertPublished(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertPublished(1, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertPublished(0, 1);
    }

    private void assertPublished(int index, int size, String... expected) {
        List<byte[]> path = InclusionProof.path(i -> reference.get((int) i), index, size);

        assertEquals(List.of(expected), path.stream().map(HEX::formatHex).toList(), "path of leaf " + index + " in " + size);
        assertTrue(InclusionProof.verify(index, size, reference.get(index), hexList(expected), Rfc6962ReferenceTree.root(size)));
    }

    @Test
    void everyLeafOfEveryTreeUpTo70IsProvenIncluded() {
        for (int n = 1; n <= MAX_SIZE; n++) {
            for (int m = 0; m < n; m++) {
                List<byte[]> path = path(m, n);
                assertTrue(InclusionProof.verify(m, n, leaves.get(m), path, roots.get(n)), "leaf " + m + " of " + n);
            }
        }
    }

    @Test
    void anySingleBitFlipInLeafPathOrRootIsRejected() {
        for (int n = 1; n <= MAX_SIZE; n++) {
            for (int m = 0; m < n; m++) {
                List<byte[]> path = path(m, n);
                // Every bit for the small trees; for the rest a bit that moves with n, m and the node.
                boolean everyBit = n <= 8;
                for (int bit = 0; bit < 256; bit++) {
                    if (!everyBit && bit != (31 * n + 7 * m) % 256) {
                        continue;
                    }
                    assertFalse(InclusionProof.verify(m, n, flip(leaves.get(m), bit), path, roots.get(n)));
                    assertFalse(InclusionProof.verify(m, n, leaves.get(m), path, flip(roots.get(n), bit)));
                    for (int node = 0; node < path.size(); node++) {
                        List<byte[]> tampered = new ArrayList<>(path);
                        tampered.set(node, flip(path.get(node), (bit + 13 * node) % 256));
                        assertFalse(InclusionProof.verify(m, n, leaves.get(m), tampered, roots.get(n)),
                                "flipped node " + node + " of the path of " + m + " in " + n);
                    }
                }
            }
        }
    }

    @Test
    void theProofOfOneLeafProvesNoOtherIndex() {
        for (int n = 1; n <= MAX_SIZE; n++) {
            for (int m = 0; m < n; m++) {
                List<byte[]> path = path(m, n);
                for (long other = -1; other <= n; other++) {
                    if (other != m) {
                        assertFalse(InclusionProof.verify(other, n, leaves.get(m), path, roots.get(n)),
                                "path of " + m + " accepted for index " + other + " in " + n);
                    }
                }
                assertFalse(InclusionProof.verify(Long.MAX_VALUE, n, leaves.get(m), path, roots.get(n)));
            }
        }
    }

    @Test
    void theProofFitsNoOtherTreeSize() {
        for (int n = 1; n <= MAX_SIZE; n++) {
            for (int m = 0; m < n; m++) {
                List<byte[]> path = path(m, n);
                // Against the root of the size claimed: any other size fails.
                for (int other = 0; other <= 2 * MAX_SIZE; other++) {
                    if (other != n) {
                        assertFalse(InclusionProof.verify(m, other, leaves.get(m), path, roots.get(other)),
                                "path of " + m + " in " + n + " accepted for size " + other);
                    }
                }
                // Against the same root with the size doubled or halved, as in the CT reference tests.
                assertFalse(InclusionProof.verify(m, 2L * n, leaves.get(m), path, roots.get(n)));
                assertFalse(InclusionProof.verify(m, n / 2, leaves.get(m), path, roots.get(n)));
            }
        }
    }

    @Test
    void theSizeIsPinnedByTheCheckpointNotByThePath() {
        // Why the verifier must take (size, root) together from a signed checkpoint: the path of leaf 0
        // in the 4-leaf tree also rebuilds that same root when read as a path in a 3-leaf tree, because
        // both paths go left at every level. RFC 9162 §2.1.3.2 verifies a path against a tree head, and
        // the tree head's signature is what binds the size to the root.
        List<byte[]> path = path(0, 4);

        assertTrue(InclusionProof.verify(0, 3, leaves.get(0), path, roots.get(4)));
        assertFalse(InclusionProof.verify(0, 3, leaves.get(0), path, roots.get(3)));
    }

    @Test
    void pathsOfTheWrongLengthAreRejected() {
        for (int n = 1; n <= MAX_SIZE; n++) {
            for (int m = 0; m < n; m++) {
                List<byte[]> path = path(m, n);
                List<byte[]> longer = new ArrayList<>(path);
                longer.add(roots.get(n));
                assertFalse(InclusionProof.verify(m, n, leaves.get(m), longer, roots.get(n)), "trailing root");
                List<byte[]> preceded = new ArrayList<>(path);
                preceded.add(0, roots.get(n));
                assertFalse(InclusionProof.verify(m, n, leaves.get(m), preceded, roots.get(n)), "preceding root");
                if (!path.isEmpty()) {
                    assertFalse(InclusionProof.verify(m, n, leaves.get(m), path.subList(0, path.size() - 1), roots.get(n)), "truncated");
                }
            }
        }
    }

    @Test
    void malformedInputsAreRejectedWithoutAnException() {
        byte[] leaf = leaves.get(0);
        assertFalse(InclusionProof.verify(0, 0, leaf, List.of(), MerkleHashes.emptyTreeHash()), "empty tree has no leaves");
        assertFalse(InclusionProof.verify(1, 1, leaf, List.of(), leaf), "index equal to size");
        assertFalse(InclusionProof.verify(-1, 1, leaf, List.of(), leaf), "negative index");
        assertFalse(InclusionProof.verify(0, 1, new byte[0], List.of(), new byte[0]), "hashes that are not 32 bytes");
        assertFalse(InclusionProof.verify(0, 1, leaf, null, leaf), "no path");
        assertFalse(InclusionProof.verify(0, 2, leaf, List.of(new byte[31]), roots.get(2)), "short path node");
        assertTrue(InclusionProof.verify(0, 1, leaf, List.of(), leaf), "a single leaf is its own root");
    }

    @Test
    void aPathIsOnlyGeneratedForALeafInsideTheTree() {
        assertThrows(IllegalArgumentException.class, () -> InclusionProof.path(i -> leaves.get((int) i), 3, 3));
        assertThrows(IllegalArgumentException.class, () -> InclusionProof.path(i -> leaves.get((int) i), -1, 3));
        assertThrows(IllegalArgumentException.class, () -> InclusionProof.path(i -> leaves.get((int) i), 0, 0));
    }

    private List<byte[]> path(int m, int n) {
        return InclusionProof.path(i -> leaves.get((int) i), m, n);
    }
}
