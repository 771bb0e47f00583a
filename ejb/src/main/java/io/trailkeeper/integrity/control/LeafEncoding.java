package io.trailkeeper.integrity.control;

/**
 * The canonical bytes of an {@link EventLeaf}, the "d(m)" that RFC 6962 §2.1 hashes into a leaf.
 * Layout (version 1): {@code 0x01 | 0x4C ('L') | kind | eventId | occurredAtEpochMillis (8 bytes) |
 * sourceId | sourceEventId | agentId | action | target | result | region | contentSha256}, every text a
 * 4-byte big-endian length (-1 for null) and strict UTF-8, the hash a length-prefixed byte string.
 *
 * <p>Never change this layout in place: rows already in the log were hashed with it, and an auditor
 * must be able to recompute them years later. A new layout gets a new version byte; {@link #decode}
 * exists so that the bytes can be read back and shown, and so that tests can prove there is only one
 * reading of any encoding. Text is taken exactly as stored, with no Unicode normalisation.
 */
public final class LeafEncoding {

    /** Type tag of an event leaf; other things the log encodes carry other tags, so no encoding is mistaken for another kind. */
    static final byte TYPE_TAG = 0x4C;

    private LeafEncoding() {
    }

    public static byte[] encode(EventLeaf leaf) {
        return new CanonicalBytes(TYPE_TAG)
                .string("kind", leaf.kind())
                .string("eventId", leaf.eventId())
                .int64(leaf.occurredAtEpochMillis())
                .string("sourceId", leaf.sourceId())
                .string("sourceEventId", leaf.sourceEventId())
                .string("agentId", leaf.agentId())
                .string("action", leaf.action())
                .string("target", leaf.target())
                .string("result", leaf.result())
                .string("region", leaf.region())
                .bytes(leaf.contentSha256())
                .toByteArray();
    }

    /** The inverse of {@link #encode}; refuses anything that is not exactly one version-1 leaf. */
    public static EventLeaf decode(byte[] encoded) {
        CanonicalBytes.Reader in = new CanonicalBytes.Reader(encoded, TYPE_TAG, "event leaf");
        EventLeaf leaf = new EventLeaf(
                in.requiredString("kind"),
                in.requiredString("eventId"),
                in.int64("occurredAtEpochMillis"),
                in.string("sourceId"),
                in.string("sourceEventId"),
                in.string("agentId"),
                in.string("action"),
                in.string("target"),
                in.string("result"),
                in.string("region"),
                in.bytes("contentSha256"));
        in.end("event leaf");
        return leaf;
    }

    /** The RFC 6962 leaf hash SHA-256(0x00 || encode(leaf)) that goes into the tree. */
    public static byte[] leafHash(EventLeaf leaf) {
        return MerkleHashes.leafHash(encode(leaf));
    }
}
