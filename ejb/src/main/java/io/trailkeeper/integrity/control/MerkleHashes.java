package io.trailkeeper.integrity.control;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The three hashes of RFC 6962 §2.1 (unchanged in RFC 9162 §2.1.1), with SHA-256. The one-byte
 * prefixes keep a leaf from ever hashing like an interior node, so nobody can present two leaf
 * hashes glued together as a leaf (the second-preimage attack RFC 6962 §2.1 guards against).
 */
public final class MerkleHashes {

    /** Every hash in the log is a SHA-256 digest. */
    public static final int HASH_BYTES = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final byte[] EMPTY_TREE = sha256().digest();

    // MessageDigest instances are not thread-safe; one per thread avoids both sharing and the cost of
    // a provider look-up on every one of millions of node hashes.
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(MerkleHashes::sha256);

    private MerkleHashes() {
    }

    /** MTH({}) = SHA-256() — the hash of the tree with no leaves (RFC 6962 §2.1). */
    public static byte[] emptyTreeHash() {
        return EMPTY_TREE.clone();
    }

    /** MTH({d(0)}) = SHA-256(0x00 || d(0)). */
    public static byte[] leafHash(byte[] leafData) {
        MessageDigest digest = DIGEST.get();
        digest.update(LEAF_PREFIX);
        digest.update(leafData);
        return digest.digest();
    }

    /** SHA-256(0x01 || left || right): the hash of an interior node. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = DIGEST.get();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** Plain SHA-256, for hashes that are not tree nodes (checkpoint chaining). */
    static byte[] sha256(byte[]... parts) {
        MessageDigest digest = DIGEST.get();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    /** Compares in time independent of where the hashes differ; false for null or differing lengths. */
    static boolean same(byte[] a, byte[] b) {
        return a != null && b != null && MessageDigest.isEqual(a, b);
    }

    static boolean isHash(byte[] candidate) {
        return candidate != null && candidate.length == HASH_BYTES;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }
}
