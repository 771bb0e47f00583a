package io.trailkeeper.integrity.control;

import static io.trailkeeper.integrity.control.Rfc6962ReferenceTree.HEX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    @Test
    void rootsOfTheReferenceTreeMatchThePublishedValuesForEverySize() {
        List<byte[]> leaves = Rfc6962ReferenceTree.leafHashes();
        for (int size = 0; size <= leaves.size(); size++) {
            assertEquals(HEX.formatHex(Rfc6962ReferenceTree.root(size)), HEX.formatHex(MerkleTree.root(leaves.subList(0, size))),
                    "MTH of the first " + size + " reference leaves");
        }
    }

    @Test
    void theRootOfEightLeavesIsThePublishedOne() {
        assertEquals("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
                HEX.formatHex(MerkleTree.root(Rfc6962ReferenceTree.leafHashes())));
    }

    @Test
    void rangeRootReadsLeavesThroughRandomAccess() {
        List<byte[]> leaves = Rfc6962ReferenceTree.leafHashes();
        for (int size = 0; size <= leaves.size(); size++) {
            assertArrayEquals(Rfc6962ReferenceTree.root(size), MerkleTree.rangeRoot(i -> leaves.get((int) i), 0, size));
        }
    }

    @Test
    void theRangeWalkAgreesWithTheTextbookRecursionUpTo300Leaves() {
        List<byte[]> leaves = Rfc6962ReferenceTree.syntheticLeaves(300);
        for (int size = 0; size <= 300; size++) {
            assertArrayEquals(Rfc6962ReferenceTree.mth(leaves.subList(0, size)), MerkleTree.root(leaves.subList(0, size)), "size " + size);
        }
    }

    @Test
    void aRightSubtreeIsTheRangeRootOfItsLeaves() {
        // MTH(D[4:7]) is the right child of the root of the 7-leaf tree (RFC 6962 §2.1 split k = 4).
        List<byte[]> leaves = Rfc6962ReferenceTree.leafHashes();
        byte[] right = MerkleTree.rangeRoot(i -> leaves.get((int) i), 4, 7);

        assertArrayEquals(Rfc6962ReferenceTree.root(7), MerkleHashes.nodeHash(Rfc6962ReferenceTree.root(4), right));
    }

    @Test
    void aMillionLeavesAreHashedWithoutHoldingThem() {
        long size = (1 << 20) + 3;
        MerkleAccumulator accumulator = new MerkleAccumulator();
        for (long i = 0; i < size; i++) {
            accumulator.append(Rfc6962ReferenceTree.syntheticLeaf(i));
        }

        assertArrayEquals(accumulator.root(), MerkleTree.rangeRoot(Rfc6962ReferenceTree::syntheticLeaf, 0, size));
    }

    @Test
    void theSplitIsTheLargestPowerOfTwoBelowTheSize() {
        assertEquals(1, MerkleTree.splitPoint(2));
        assertEquals(2, MerkleTree.splitPoint(3));
        assertEquals(2, MerkleTree.splitPoint(4));
        assertEquals(4, MerkleTree.splitPoint(5));
        assertEquals(4, MerkleTree.splitPoint(8));
        assertEquals(8, MerkleTree.splitPoint(9));
        assertEquals(1L << 62, MerkleTree.splitPoint(Long.MAX_VALUE));
    }

    @Test
    void aMissingLeafOrABackwardRangeIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.rangeRoot(i -> null, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.rangeRoot(i -> new byte[32], 3, 2));
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.rangeRoot(i -> new byte[32], -1, 2));
    }
}
