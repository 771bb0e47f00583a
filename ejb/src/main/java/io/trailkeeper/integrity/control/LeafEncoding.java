package io.trailkeeper.integrity.control;

/**
 * The canonical bytes of a leaf, the "d(m)" that RFC 6962 §2.1 hashes into a leaf hash. Every leaf
 * hash is SHA-256(0x00 || these bytes): the RFC's leaf prefix is the same for all leaves, and what
 * kind of leaf the bytes are is said inside them, by the type tag after the version byte, so an event
 * leaf can never be read as a deletion leaf nor the other way round.
 *
 * <p>Two layouts, both in {@link CanonicalBytes} version 1 (every text a 4-byte big-endian length, -1
 * for null, and strict UTF-8; a hash a length-prefixed byte string; a number 8 bytes big-endian):
 * <ul>
 *   <li>{@linkplain #EVENT_TAG event leaf}: {@code 0x01 | 0x4C ('L') | kind | eventId |
 *       occurredAtEpochMillis (8 bytes) | sourceId | sourceEventId | agentId | action | target | result |
 *       region | contentSha256}. Every event leaf. Deletion leaves written before migration V13 also
 *       used it, with kind DELETION and the deleted event's fields; they committed to neither the
 *       ground nor the requester.</li>
 *   <li>{@linkplain #DELETION_TAG deletion leaf} (from V13 on): {@code 0x01 | 0x44 ('D') |
 *       deletesLeafIndex (8 bytes) | eventId | deletedLeafHash | ground | requestedBy}; see
 *       {@link DeletionLeaf}.</li>
 * </ul>
 *
 * <p>Never change a layout in place: leaves already in the log were hashed with it, and an auditor
 * must be able to recompute them years later. A new layout gets a new type tag (or version byte); the
 * leaf row says which layout its hash was computed over. The decoders exist so that the bytes can be
 * read back and shown, and so that tests can prove there is only one reading of any encoding. Text is
 * taken exactly as stored, with no Unicode normalisation.
 */
public final class LeafEncoding {

    /** Type tag of an event leaf; other things the log encodes carry other tags, so no encoding is mistaken for another kind. */
    static final byte EVENT_TAG = 0x4C;

    /** Type tag of a deletion leaf from V13 on. */
    static final byte DELETION_TAG = 0x44;

    private LeafEncoding() {
    }

    public static byte[] encode(EventLeaf leaf) {
        return new CanonicalBytes(EVENT_TAG)
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

    public static byte[] encode(DeletionLeaf leaf) {
        return new CanonicalBytes(DELETION_TAG)
                .int64(leaf.deletesLeafIndex())
                .string("eventId", leaf.eventId())
                .bytes(leaf.deletedLeafHash())
                .string("ground", leaf.ground())
                .string("requestedBy", leaf.requestedBy())
                .toByteArray();
    }

    /** The inverse of {@link #encode(EventLeaf)}; refuses anything that is not exactly one event-layout leaf. */
    public static EventLeaf decode(byte[] encoded) {
        CanonicalBytes.Reader in = new CanonicalBytes.Reader(encoded, EVENT_TAG, "event leaf");
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

    /** The inverse of {@link #encode(DeletionLeaf)}; refuses anything that is not exactly one deletion leaf. */
    public static DeletionLeaf decodeDeletion(byte[] encoded) {
        CanonicalBytes.Reader in = new CanonicalBytes.Reader(encoded, DELETION_TAG, "deletion leaf");
        DeletionLeaf leaf = new DeletionLeaf(
                in.int64("deletesLeafIndex"),
                in.requiredString("eventId"),
                in.bytes("deletedLeafHash"),
                in.requiredString("ground"),
                in.requiredString("requestedBy"));
        in.end("deletion leaf");
        return leaf;
    }

    /** The RFC 6962 leaf hash SHA-256(0x00 || encode(leaf)) that goes into the tree. */
    public static byte[] leafHash(EventLeaf leaf) {
        return MerkleHashes.leafHash(encode(leaf));
    }

    /** The RFC 6962 leaf hash SHA-256(0x00 || encode(leaf)) of a recorded deletion. */
    public static byte[] leafHash(DeletionLeaf leaf) {
        return MerkleHashes.leafHash(encode(leaf));
    }
}
