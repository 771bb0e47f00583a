package io.trailkeeper.integrity.control;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * What a checkpoint seals: the log's size and root at a moment, and the hash of the checkpoint before
 * it (null only for the first), which chains checkpoints so that none can be dropped or reordered
 * unnoticed. Its canonical bytes, not this object, are what gets signed.
 */
public record CheckpointBody(long treeSize, byte[] rootHash, long sealedAtEpochMillis, byte[] previousCheckpointHash) {

    /** Type tag of a checkpoint body, distinct from {@link LeafEncoding#EVENT_TAG} and {@link LeafEncoding#DELETION_TAG}. */
    static final byte TYPE_TAG = 0x43;

    public CheckpointBody {
        if (treeSize < 0) {
            throw new IllegalArgumentException("a tree cannot have " + treeSize + " leaves");
        }
        if (!MerkleHashes.isHash(rootHash)) {
            throw new IllegalArgumentException("rootHash must be " + MerkleHashes.HASH_BYTES + " bytes");
        }
        if (previousCheckpointHash != null && !MerkleHashes.isHash(previousCheckpointHash)) {
            throw new IllegalArgumentException("previousCheckpointHash must be " + MerkleHashes.HASH_BYTES + " bytes or null");
        }
        rootHash = rootHash.clone();
        previousCheckpointHash = previousCheckpointHash == null ? null : previousCheckpointHash.clone();
    }

    /**
     * Layout (version 1): {@code 0x01 | 0x43 ('C') | treeSize (8 bytes) | rootHash | sealedAtEpochMillis
     * (8 bytes) | previousCheckpointHash}, hashes as 4-byte big-endian length (-1 for null) and bytes.
     * Never change it in place; signatures already made cover these bytes.
     */
    public byte[] encode() {
        return new CanonicalBytes(TYPE_TAG)
                .int64(treeSize)
                .bytes(rootHash)
                .int64(sealedAtEpochMillis)
                .bytes(previousCheckpointHash)
                .toByteArray();
    }

    /** The inverse of {@link #encode()}; refuses anything that is not exactly one version-1 body. */
    public static CheckpointBody decode(byte[] encoded) {
        CanonicalBytes.Reader in = new CanonicalBytes.Reader(encoded, TYPE_TAG, "checkpoint body");
        CheckpointBody body = new CheckpointBody(in.int64("treeSize"), in.bytes("rootHash"), in.int64("sealedAtEpochMillis"),
                in.bytes("previousCheckpointHash"));
        in.end("checkpoint body");
        return body;
    }

    public TreeHead treeHead() {
        return new TreeHead(treeSize, rootHash);
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public byte[] previousCheckpointHash() {
        return previousCheckpointHash == null ? null : previousCheckpointHash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CheckpointBody that
                && treeSize == that.treeSize
                && sealedAtEpochMillis == that.sealedAtEpochMillis
                && Arrays.equals(rootHash, that.rootHash)
                && Arrays.equals(previousCheckpointHash, that.previousCheckpointHash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Long.hashCode(treeSize) + Long.hashCode(sealedAtEpochMillis)) + Arrays.hashCode(rootHash))
                + Arrays.hashCode(previousCheckpointHash);
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "CheckpointBody[treeSize=" + treeSize + ", rootHash=" + hex.formatHex(rootHash) + ", sealedAtEpochMillis="
                + sealedAtEpochMillis + ", previousCheckpointHash="
                + (previousCheckpointHash == null ? null : hex.formatHex(previousCheckpointHash)) + "]";
    }
}
