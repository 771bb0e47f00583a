package io.trailkeeper.integrity.control;

import java.util.HexFormat;

/**
 * Not a test: how fast one thread folds leaf hashes into a Merkle root, to size the nightly
 * verification of a large trail. Run with
 * {@code java -cp target/classes:target/test-classes io.trailkeeper.integrity.control.MerkleAccumulatorBenchmark [leaves]}.
 */
public final class MerkleAccumulatorBenchmark {

    private MerkleAccumulatorBenchmark() {
    }

    public static void main(String[] args) {
        long leaves = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        // Leaf hashes are taken from a pool so that the figure is the accumulator's own cost
        // (on average one SHA-256 node hash per leaf), not the cost of producing the leaves.
        byte[][] pool = new byte[4096][];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = MerkleHashes.leafHash(new byte[] {(byte) i, (byte) (i >>> 8)});
        }
        byte[] encodedLeaf = new byte[180]; // about the size of a LeafEncoding of a typical event

        accumulate(pool, leaves / 10);
        hashAndAccumulate(encodedLeaf, leaves / 10);

        long start = System.nanoTime();
        byte[] root = accumulate(pool, leaves);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("accumulated %,d leaf hashes in %.2f s: %,.0f leaves/s (root %s)%n", leaves, seconds, leaves / seconds,
                HexFormat.of().formatHex(root));

        start = System.nanoTime();
        root = hashAndAccumulate(encodedLeaf, leaves);
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("leaf-hashed and accumulated %,d encoded leaves of %d bytes in %.2f s: %,.0f leaves/s (root %s)%n", leaves,
                encodedLeaf.length, seconds, leaves / seconds, HexFormat.of().formatHex(root));
    }

    private static byte[] accumulate(byte[][] pool, long leaves) {
        MerkleAccumulator accumulator = new MerkleAccumulator();
        for (long i = 0; i < leaves; i++) {
            accumulator.append(pool[(int) (i & (pool.length - 1))]);
        }
        return accumulator.root();
    }

    private static byte[] hashAndAccumulate(byte[] encodedLeaf, long leaves) {
        MerkleAccumulator accumulator = new MerkleAccumulator();
        for (long i = 0; i < leaves; i++) {
            encodedLeaf[0] = (byte) i;
            encodedLeaf[1] = (byte) (i >>> 8);
            encodedLeaf[2] = (byte) (i >>> 16);
            accumulator.append(MerkleHashes.leafHash(encodedLeaf));
        }
        return accumulator.root();
    }
}
