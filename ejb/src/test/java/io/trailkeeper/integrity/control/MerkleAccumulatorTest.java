package io.trailkeeper.integrity.control;

import static io.trailkeeper.integrity.control.Rfc6962ReferenceTree.HEX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleAccumulatorTest {

    @Test
    void anEmptyAccumulatorHasTheEmptyTreeRoot() {
        MerkleAccumulator accumulator = new MerkleAccumulator();

        assertEquals(0, accumulator.size());
        assertEquals(Rfc6962ReferenceTree.EMPTY_TREE, HEX.formatHex(accumulator.root()));
    }

    @Test
    void itReproducesThePublishedRootsLeafByLeaf() {
        MerkleAccumulator accumulator = new MerkleAccumulator();
        int size = 0;
        for (byte[] leaf : Rfc6962ReferenceTree.leafHashes()) {
            accumulator.append(leaf);
            size++;
            assertEquals(size, accumulator.size());
            assertEquals(Rfc6962ReferenceTree.ROOTS.get(size - 1), HEX.formatHex(accumulator.root()), "size " + size);
        }
    }

    @Test
    void itsRootEqualsTheRecursiveMerkleTreeHashForEverySizeUpTo300() {
        List<byte[]> leaves = Rfc6962ReferenceTree.syntheticLeaves(300);
        MerkleAccumulator accumulator = new MerkleAccumulator();
        for (int size = 1; size <= 300; size++) {
            accumulator.append(leaves.get(size - 1));
            assertArrayEquals(Rfc6962ReferenceTree.mth(leaves.subList(0, size)), accumulator.root(), "size " + size);
            assertArrayEquals(MerkleTree.root(leaves.subList(0, size)), accumulator.root(), "size " + size);
        }
    }

    @Test
    void itKeepsOneHashPerSetBitOfTheSizeAndNeverMoreThan64() {
        MerkleAccumulator accumulator = new MerkleAccumulator();
        int most = 0;
        for (long i = 0; i < 70_000; i++) {
            accumulator.append(Rfc6962ReferenceTree.syntheticLeaf(i));
            assertEquals(Long.bitCount(accumulator.size()), accumulator.retainedHashes());
            most = Math.max(most, accumulator.retainedHashes());
        }
        assertTrue(most <= 64, "held " + most + " hashes");
        assertEquals(16, most, "65535 = 0xFFFF leaves need 16 subtree roots");
    }

    @Test
    void askingForTheRootDoesNotDisturbLaterAppends() {
        List<byte[]> leaves = Rfc6962ReferenceTree.syntheticLeaves(33);
        MerkleAccumulator asked = new MerkleAccumulator();
        MerkleAccumulator quiet = new MerkleAccumulator();
        for (byte[] leaf : leaves) {
            asked.append(leaf);
            asked.root();
            quiet.append(leaf);
        }

        assertArrayEquals(quiet.root(), asked.root());
    }

    @Test
    void changingAnAppendedArrayAfterwardsDoesNotChangeTheTree() {
        byte[] leaf = Rfc6962ReferenceTree.syntheticLeaf(0);
        MerkleAccumulator accumulator = new MerkleAccumulator();
        accumulator.append(leaf);
        byte[] before = accumulator.root();
        leaf[0] ^= 1;
        accumulator.root()[1] ^= 1;

        assertArrayEquals(before, accumulator.root());
    }
}
