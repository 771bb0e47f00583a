package io.trailkeeper.integrity.control;

import static io.trailkeeper.integrity.control.Rfc6962ReferenceTree.HEX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Published vectors: transparency-dev/merkle rfc6962/rfc6962_test.go; also recomputed with Python hashlib. */
class MerkleHashesTest {

    @Test
    void theEmptyTreeHashesToSha256OfNothing() {
        assertEquals(Rfc6962ReferenceTree.EMPTY_TREE, HEX.formatHex(MerkleHashes.emptyTreeHash()));
    }

    @Test
    void anEmptyLeafIsNotTheEmptyTree() {
        assertEquals("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                HEX.formatHex(MerkleHashes.leafHash(new byte[0])));
    }

    @Test
    void leafHashIsSha256OfZeroByteAndEntry() {
        assertEquals("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56",
                HEX.formatHex(MerkleHashes.leafHash("L123456".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void nodeHashIsSha256OfOneByteLeftAndRight() {
        assertEquals("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb",
                HEX.formatHex(MerkleHashes.nodeHash("N123".getBytes(StandardCharsets.US_ASCII), "N456".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void twoLeavesGluedTogetherDoNotPassAsTheirParent() {
        byte[] left = MerkleHashes.leafHash("Hello".getBytes(StandardCharsets.US_ASCII));
        byte[] right = MerkleHashes.leafHash("World".getBytes(StandardCharsets.US_ASCII));
        byte[] glued = new byte[64];
        System.arraycopy(left, 0, glued, 0, 32);
        System.arraycopy(right, 0, glued, 32, 32);

        assertFalse(Arrays.equals(MerkleHashes.nodeHash(left, right), MerkleHashes.leafHash(glued)));
        assertNotEquals(HEX.formatHex(MerkleHashes.nodeHash(left, right)), HEX.formatHex(MerkleHashes.nodeHash(right, left)));
    }

    @Test
    void theEmptyTreeHashCannotBeChangedThroughTheReturnedArray() {
        MerkleHashes.emptyTreeHash()[0] ^= 1;

        assertEquals(Rfc6962ReferenceTree.EMPTY_TREE, HEX.formatHex(MerkleHashes.emptyTreeHash()));
    }

    @Test
    void concurrentCallersGetTheSameHashes() throws Exception {
        byte[] expected = MerkleHashes.leafHash("L123456".getBytes(StandardCharsets.US_ASCII));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = IntStream.range(0, 8).<Callable<Boolean>>mapToObj(t -> () -> {
                for (int i = 0; i < 20_000; i++) {
                    if (!Arrays.equals(expected, MerkleHashes.leafHash("L123456".getBytes(StandardCharsets.US_ASCII)))) {
                        return false;
                    }
                }
                return true;
            }).toList();
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertEquals(true, result.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
