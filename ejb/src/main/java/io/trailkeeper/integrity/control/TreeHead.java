package io.trailkeeper.integrity.control;

import java.util.Arrays;
import java.util.HexFormat;

/** A tree size and the Merkle Tree Hash of the log's first {@code treeSize} leaves (RFC 9162 §4.10 calls the signed form a tree head). */
public record TreeHead(long treeSize, byte[] rootHash) {

    public TreeHead {
        if (treeSize < 0) {
            throw new IllegalArgumentException("a tree cannot have " + treeSize + " leaves");
        }
        if (!MerkleHashes.isHash(rootHash)) {
            throw new IllegalArgumentException("a root hash is " + MerkleHashes.HASH_BYTES + " bytes");
        }
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TreeHead that && treeSize == that.treeSize && Arrays.equals(rootHash, that.rootHash);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(treeSize) + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "TreeHead[treeSize=" + treeSize + ", rootHash=" + HexFormat.of().formatHex(rootHash) + "]";
    }
}
