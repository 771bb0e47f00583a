package io.trailkeeper.integrity.control;

import static io.trailkeeper.integrity.control.Rfc6962ReferenceTree.HEX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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

    @Test
    void resumedFromItsSubtreeRootsItGoesOnAsIfItHadReadEveryLeaf() {
        List<byte[]> leaves = Rfc6962ReferenceTree.syntheticLeaves(300);
        for (int stop = 0; stop <= 300; stop += 7) {
            MerkleAccumulator first = new MerkleAccumulator();
            leaves.subList(0, stop).forEach(first::append);
            MerkleAccumulator resumed = MerkleAccumulator.resume(first.size(), first.subtreeRoots());
            assertArrayEquals(first.root(), resumed.root(), "root at " + stop);
            leaves.subList(stop, 300).forEach(resumed::append);
            assertEquals(300, resumed.size());
            assertArrayEquals(Rfc6962ReferenceTree.mth(leaves), resumed.root(), "resumed at " + stop);
        }
    }

    @Test
    void subtreeRootsAre32BytesPerSetBitOfTheSize() {
        MerkleAccumulator accumulator = new MerkleAccumulator();
        Rfc6962ReferenceTree.syntheticLeaves(13).forEach(accumulator::append);

        assertEquals(3 * 32, accumulator.subtreeRoots().length, "13 = 8 + 4 + 1");
    }

    @Test
    void resumingRefusesRootsThatCannotBelongToTheSize() {
        assertThrows(IllegalArgumentException.class, () -> MerkleAccumulator.resume(13, new byte[2 * 32]));
        assertThrows(IllegalArgumentException.class, () -> MerkleAccumulator.resume(8, new byte[33]));
        assertThrows(IllegalArgumentException.class, () -> MerkleAccumulator.resume(-1, new byte[0]));
        assertEquals(0, MerkleAccumulator.resume(0, new byte[0]).size());
    }

    @Test
    void changedSubtreeRootsGiveAnotherRoot() {
        MerkleAccumulator accumulator = new MerkleAccumulator();
        Rfc6962ReferenceTree.syntheticLeaves(13).forEach(accumulator::append);
        byte[] roots = accumulator.subtreeRoots();
        roots[40] ^= 1;

        assertFalse(Arrays.equals(accumulator.root(), MerkleAccumulator.resume(13, roots).root()),
                "the caller can tell damaged roots by comparing with the signed root");
    }
}
