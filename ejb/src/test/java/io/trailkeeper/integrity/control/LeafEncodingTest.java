package io.trailkeeper.integrity.control;

import static io.trailkeeper.integrity.control.Rfc6962ReferenceTree.HEX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class LeafEncodingTest {

    private static final byte[] CONTENT = MerkleHashes.sha256("sealed content".getBytes(StandardCharsets.UTF_8));

    private final EventLeaf leaf = new EventLeaf(EventLeaf.EVENT, "evt-1", 1_700_000_000_000L, "src", null, "agent-7",
            "refund", "", "ok", "eu-west", CONTENT);

    /** The deletion of {@link #leaf}, as recorded from V13 on. */
    private final DeletionLeaf deletion = new DeletionLeaf(41, "evt-1", LeafEncoding.leafHash(leaf), "ERASURE_REQUEST", "officer-7");

    /**
     * Golden vector from an independent implementation of the layout (Python struct.pack and hashlib,
     * not this code), so that anyone re-implementing the verifier can check their bytes against it.
     */
    @Test
    void theLayoutIsTheDocumentedOne() {
        assertEquals("014c000000054556454e54000000056576742d310000018bcfe5680000000003737263ffffffff000000076167656e742d37"
                + "00000006726566756e6400000000000000026f6b0000000765752d7765737400000020"
                + "1778dc79e1d72790b75f0ca1c5849cef760ee757e0313a195c68feddded48a6b", HEX.formatHex(LeafEncoding.encode(leaf)));
        assertEquals("45990ad219dfcd000939c70194987b9c473f167b81e0799bb3c38d73a88d7952", HEX.formatHex(LeafEncoding.leafHash(leaf)));
    }

    @Test
    void theLeafHashIsTheRfc6962LeafHashOfTheEncoding() {
        assertArrayEquals(MerkleHashes.leafHash(LeafEncoding.encode(leaf)), LeafEncoding.leafHash(leaf));
    }

    @Test
    void everyEncodingReadsBackAsExactlyTheLeafItCameFrom() {
        assertEquals(leaf, LeafEncoding.decode(LeafEncoding.encode(leaf)));
        EventLeaf sparse = new EventLeaf(EventLeaf.DELETION, "", Long.MIN_VALUE, null, null, null, null, null, null, null, null);
        assertEquals(sparse, LeafEncoding.decode(LeafEncoding.encode(sparse)));
    }

    @Test
    void nullAndEmptyTextEncodeDifferently() {
        for (int field = 2; field < TEXT_FIELDS; field++) { // kind and eventId are never null
            EventLeaf withNull = withText(leaf, field, null);
            EventLeaf withEmpty = withText(leaf, field, "");
            assertFalse(Arrays.equals(LeafEncoding.encode(withNull), LeafEncoding.encode(withEmpty)), "field " + field);
            assertFalse(Arrays.equals(LeafEncoding.leafHash(withNull), LeafEncoding.leafHash(withEmpty)), "field " + field);
        }
        EventLeaf noContent = new EventLeaf(EventLeaf.EVENT, "evt-1", 0, null, null, null, null, null, null, null, null);
        EventLeaf emptyText = new EventLeaf(EventLeaf.EVENT, "evt-1", 0, "", "", "", "", "", "", "", null);
        assertFalse(Arrays.equals(LeafEncoding.encode(noContent), LeafEncoding.encode(emptyText)));
    }

    @Test
    void movingCharactersBetweenAdjacentFieldsChangesTheEncoding() {
        // "ab"|"c" must not encode like "a"|"bc": without lengths both would read "abc".
        for (int field = 0; field + 1 < TEXT_FIELDS; field++) {
            if (field == 0) {
                continue; // kind may not be empty; its boundary with eventId is checked below
            }
            EventLeaf left = withText(withText(leaf, field, "ab"), field + 1, "c");
            EventLeaf right = withText(withText(leaf, field, "a"), field + 1, "bc");
            EventLeaf allLeft = withText(withText(leaf, field, "abc"), field + 1, "");
            EventLeaf allRight = withText(withText(leaf, field, ""), field + 1, "abc");
            List<byte[]> encodings = List.of(LeafEncoding.encode(left), LeafEncoding.encode(right), LeafEncoding.encode(allLeft),
                    LeafEncoding.encode(allRight));
            assertAllDifferent(encodings, "fields " + field + " and " + (field + 1));
        }
        EventLeaf kindHeavy = new EventLeaf("EVENTe", "vt", 0, null, null, null, null, null, null, null, null);
        EventLeaf idHeavy = new EventLeaf("EVENT", "evt", 0, null, null, null, null, null, null, null, null);
        assertFalse(Arrays.equals(LeafEncoding.encode(kindHeavy), LeafEncoding.encode(idHeavy)));
    }

    @Test
    void bytesThatLookLikeALengthPrefixInsideATextDoNotShiftFields() {
        // A value carrying what a length prefix of the next field would look like.
        String forged = "a" + new String(new char[] {0, 0, 0, 1}) + "b";
        EventLeaf inOne = withText(withText(leaf, 3, forged), 4, null);
        EventLeaf split = withText(withText(leaf, 3, "a"), 4, "b");

        assertFalse(Arrays.equals(LeafEncoding.encode(inOne), LeafEncoding.encode(split)));
        assertEquals(inOne, LeafEncoding.decode(LeafEncoding.encode(inOne)));
    }

    @Test
    void everyFieldIsCoveredByTheEncoding() {
        byte[] base = LeafEncoding.encode(leaf);
        for (int field = 0; field < TEXT_FIELDS; field++) {
            assertFalse(Arrays.equals(base, LeafEncoding.encode(withText(leaf, field, "changed"))), "text field " + field);
        }
        assertFalse(Arrays.equals(base, LeafEncoding.encode(new EventLeaf(leaf.kind(), leaf.eventId(), leaf.occurredAtEpochMillis() + 1,
                leaf.sourceId(), leaf.sourceEventId(), leaf.agentId(), leaf.action(), leaf.target(), leaf.result(), leaf.region(),
                leaf.contentSha256()))), "time");
        assertFalse(Arrays.equals(base, LeafEncoding.encode(new EventLeaf(leaf.kind(), leaf.eventId(), leaf.occurredAtEpochMillis(),
                leaf.sourceId(), leaf.sourceEventId(), leaf.agentId(), leaf.action(), leaf.target(), leaf.result(), leaf.region(),
                Rfc6962ReferenceTree.flip(CONTENT, 0)))), "content hash");
    }

    @Test
    void aDeletionLeafWrittenUnderV11IsNotTheEventItDeletes() {
        // V11 hashed the event's fields under kind DELETION in the event layout; such leaves stay in logs that have them.
        EventLeaf v11Deletion = new EventLeaf(EventLeaf.DELETION, leaf.eventId(), leaf.occurredAtEpochMillis(), leaf.sourceId(),
                leaf.sourceEventId(), leaf.agentId(), leaf.action(), leaf.target(), leaf.result(), leaf.region(), leaf.contentSha256());

        assertFalse(Arrays.equals(LeafEncoding.leafHash(leaf), LeafEncoding.leafHash(v11Deletion)));
        assertFalse(Arrays.equals(LeafEncoding.leafHash(v11Deletion), LeafEncoding.leafHash(deletion)),
                "the deletion layout is not the V11 one, so a V11 leaf is never taken for a new one");
    }

    /** Golden vector from an independent implementation (Python struct.pack and hashlib), deleting the leaf of the vector above. */
    @Test
    void theDeletionLayoutIsTheDocumentedOne() {
        assertEquals("01440000000000000029000000056576742d310000002045990ad219dfcd000939c70194987b9c473f167b81e0799bb3c38d73a88d7952"
                + "0000000f455241535552455f52455155455354000000096f6666696365722d37", HEX.formatHex(LeafEncoding.encode(deletion)));
        assertEquals("fbbcb6bf6ba49e6edda1947d496492b0d51261f37834f3aeedde8a30f82f27b3", HEX.formatHex(LeafEncoding.leafHash(deletion)));
        assertArrayEquals(MerkleHashes.leafHash(LeafEncoding.encode(deletion)), LeafEncoding.leafHash(deletion),
                "the same RFC 6962 leaf prefix 0x00 as every leaf");
    }

    @Test
    void aDeletionLeafAndAnEventLeafNeverReadAsEachOther() {
        byte[] deletionBytes = LeafEncoding.encode(deletion);
        byte[] eventBytes = LeafEncoding.encode(leaf);

        assertEquals(eventBytes[0], deletionBytes[0], "the same version of the byte layout");
        assertEquals(LeafEncoding.DELETION_TAG, deletionBytes[1]);
        assertEquals(LeafEncoding.EVENT_TAG, eventBytes[1]);
        assertFalse(LeafEncoding.DELETION_TAG == LeafEncoding.EVENT_TAG || LeafEncoding.DELETION_TAG == CheckpointBody.TYPE_TAG);
        assertThrows(IllegalArgumentException.class, () -> LeafEncoding.decode(deletionBytes));
        assertThrows(IllegalArgumentException.class, () -> LeafEncoding.decodeDeletion(eventBytes));
        assertThrows(IllegalArgumentException.class, () -> LeafEncoding.decodeDeletion(new CheckpointBody(1, LeafEncoding.leafHash(leaf),
                0, null).encode()));
        assertFalse(Arrays.equals(LeafEncoding.leafHash(leaf), LeafEncoding.leafHash(deletion)));
    }

    @Test
    void theGroundTheRequesterAndTheDeletedLeafEachChangeTheDeletionsHash() {
        byte[] hash = LeafEncoding.leafHash(deletion);
        DeletionLeaf otherGround = new DeletionLeaf(41, "evt-1", deletion.deletedLeafHash(), "RETENTION_PERIOD_EXPIRED", "officer-7");
        DeletionLeaf otherRequester = new DeletionLeaf(41, "evt-1", deletion.deletedLeafHash(), "ERASURE_REQUEST", "retention job");
        DeletionLeaf otherIndex = new DeletionLeaf(40, "evt-1", deletion.deletedLeafHash(), "ERASURE_REQUEST", "officer-7");
        DeletionLeaf otherEvent = new DeletionLeaf(41, "evt-2", deletion.deletedLeafHash(), "ERASURE_REQUEST", "officer-7");
        DeletionLeaf otherLeaf = new DeletionLeaf(41, "evt-1", Rfc6962ReferenceTree.flip(deletion.deletedLeafHash(), 31),
                "ERASURE_REQUEST", "officer-7");

        assertFalse(Arrays.equals(hash, LeafEncoding.leafHash(otherGround)), "ground");
        assertFalse(Arrays.equals(hash, LeafEncoding.leafHash(otherRequester)), "requester");
        assertFalse(Arrays.equals(hash, LeafEncoding.leafHash(otherIndex)), "deleted index");
        assertFalse(Arrays.equals(hash, LeafEncoding.leafHash(otherEvent)), "event id");
        assertFalse(Arrays.equals(hash, LeafEncoding.leafHash(otherLeaf)), "the deleted event's fields, through its leaf hash");
        // The requester's case and an invisible suffix count too: it is hashed exactly as stored.
        assertFalse(Arrays.equals(hash, LeafEncoding.leafHash(new DeletionLeaf(41, "evt-1", deletion.deletedLeafHash(),
                "ERASURE_REQUEST", "Officer-7"))));
        assertFalse(Arrays.equals(hash, LeafEncoding.leafHash(new DeletionLeaf(41, "evt-1", deletion.deletedLeafHash(),
                "ERASURE_REQUEST", "officer-7 "))));
    }

    @Test
    void textMovedBetweenGroundAndRequesterChangesTheDeletionsEncoding() {
        byte[] hash = deletion.deletedLeafHash();
        assertAllDifferent(List.of(
                LeafEncoding.encode(new DeletionLeaf(1, "e", hash, "ab", "c")),
                LeafEncoding.encode(new DeletionLeaf(1, "e", hash, "a", "bc")),
                LeafEncoding.encode(new DeletionLeaf(1, "e", hash, "abc", "")),
                LeafEncoding.encode(new DeletionLeaf(1, "e", hash, "", "abc")),
                LeafEncoding.encode(new DeletionLeaf(1, "ea", hash, "bc", ""))), "ground and requester");
    }

    @Test
    void aDeletionEncodingReadsBackExactlyAndNothingElseDoes() {
        byte[] encoded = LeafEncoding.encode(deletion);
        DeletionLeaf empty = new DeletionLeaf(0, "", deletion.deletedLeafHash(), "", "");

        assertEquals(deletion, LeafEncoding.decodeDeletion(encoded));
        assertEquals(empty, LeafEncoding.decodeDeletion(LeafEncoding.encode(empty)));
        assertThrows(IllegalArgumentException.class, () -> LeafEncoding.decodeDeletion(Arrays.copyOf(encoded, encoded.length + 1)));
        assertThrows(IllegalArgumentException.class, () -> LeafEncoding.decodeDeletion(Arrays.copyOf(encoded, encoded.length - 1)));
        byte[] otherVersion = encoded.clone();
        otherVersion[0] = 2;
        assertThrows(IllegalArgumentException.class, () -> LeafEncoding.decodeDeletion(otherVersion));
    }

    @Test
    void aDeletionNeedsEveryPartOfItsRecord() {
        byte[] hash = deletion.deletedLeafHash();
        assertThrows(IllegalArgumentException.class, () -> new DeletionLeaf(-1, "e", hash, "ERASURE_REQUEST", "officer"));
        assertThrows(NullPointerException.class, () -> new DeletionLeaf(1, null, hash, "ERASURE_REQUEST", "officer"));
        assertThrows(NullPointerException.class, () -> new DeletionLeaf(1, "e", hash, null, "officer"));
        assertThrows(NullPointerException.class, () -> new DeletionLeaf(1, "e", hash, "ERASURE_REQUEST", null));
        assertThrows(IllegalArgumentException.class, () -> new DeletionLeaf(1, "e", new byte[31], "ERASURE_REQUEST", "officer"));
        assertThrows(IllegalArgumentException.class, () -> new DeletionLeaf(1, "e", null, "ERASURE_REQUEST", "officer"));
        assertThrows(IllegalArgumentException.class, () -> LeafEncoding.leafHash(new DeletionLeaf(1, "e", hash, "ERASURE_REQUEST", "x\uDC00")),
                "text that is not well-formed Unicode is refused, not replaced");
    }

    @Test
    void distinctRandomLeavesNeverShareAnEncoding() {
        // Small alphabets (including the bytes a length prefix is made of) make near-collisions likely
        // if the encoding were ambiguous; decoding back proves there is exactly one reading.
        Random random = new Random(6962);
        String[] pieces = {null, "", "a", "b", "ab", "\u0000", "\u0000\u0000\u0000\u0001", "\u00ff", "é", "\uD83D\uDE00"};
        Map<String, EventLeaf> byEncoding = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            String[] text = new String[TEXT_FIELDS];
            for (int f = 0; f < TEXT_FIELDS; f++) {
                text[f] = pieces[random.nextInt(pieces.length)];
            }
            text[0] = text[0] == null || text[0].isEmpty() ? "K" : text[0];
            text[1] = text[1] == null ? "" : text[1];
            EventLeaf candidate = new EventLeaf(text[0], text[1], random.nextInt(3), text[2], text[3], text[4], text[5], text[6],
                    text[7], text[8], random.nextBoolean() ? null : MerkleHashes.sha256(new byte[] {(byte) random.nextInt(2)}));
            byte[] encoded = LeafEncoding.encode(candidate);
            EventLeaf earlier = byEncoding.putIfAbsent(HEX.formatHex(encoded), candidate);
            if (earlier != null) {
                assertEquals(earlier, candidate, "two different leaves share an encoding");
            }
            assertEquals(candidate, LeafEncoding.decode(encoded));
        }
    }

    @Test
    void textThatIsNotWellFormedUnicodeIsRefusedRatherThanReplaced() {
        // String.getBytes would turn the lone surrogate into '?', and "x\uD800" would then encode like "x?".
        EventLeaf loneSurrogate = withText(leaf, 5, "x\uD800");

        assertThrows(IllegalArgumentException.class, () -> LeafEncoding.encode(loneSurrogate));
        assertThrows(IllegalArgumentException.class, () -> LeafEncoding.leafHash(loneSurrogate));
    }

    @Test
    void noUnicodeNormalisationIsApplied() {
        EventLeaf composed = withText(leaf, 6, "Caf\u00e9");
        EventLeaf decomposed = withText(leaf, 6, "Cafe\u0301");

        assertFalse(Arrays.equals(LeafEncoding.encode(composed), LeafEncoding.encode(decomposed)));
    }

    @Test
    void decodingRefusesAnythingButOneCanonicalLeaf() {
        byte[] encoded = LeafEncoding.encode(leaf);
        byte[] trailing = Arrays.copyOf(encoded, encoded.length + 1);
        byte[] otherVersion = encoded.clone();
        otherVersion[0] = 2;
        byte[] otherTag = encoded.clone();
        otherTag[1] = LeafEncoding.DELETION_TAG;
        byte[] checkpointTag = encoded.clone();
        checkpointTag[1] = CheckpointBody.TYPE_TAG;

        assertThrows(IllegalArgumentException.class, () -> LeafEncoding.decode(trailing));
        assertThrows(IllegalArgumentException.class, () -> LeafEncoding.decode(Arrays.copyOf(encoded, encoded.length - 1)));
        assertThrows(IllegalArgumentException.class, () -> LeafEncoding.decode(otherVersion));
        assertThrows(IllegalArgumentException.class, () -> LeafEncoding.decode(otherTag));
        assertThrows(IllegalArgumentException.class, () -> LeafEncoding.decode(checkpointTag));
        assertThrows(IllegalArgumentException.class, () -> LeafEncoding.decode(new byte[] {1}));
        // The bytes of a leaf whose required kind is encoded as null (-1) instead of length 1 and "K".
        byte[] withKind = LeafEncoding.encode(new EventLeaf("K", "e", 0, null, null, null, null, null, null, null, null));
        byte[] nullKind = new byte[withKind.length - 1];
        System.arraycopy(withKind, 0, nullKind, 0, 2);
        Arrays.fill(nullKind, 2, 6, (byte) 0xFF);
        System.arraycopy(withKind, 7, nullKind, 6, withKind.length - 7);
        assertThrows(IllegalArgumentException.class, () -> LeafEncoding.decode(nullKind));
    }

    @Test
    void requiredFieldsAndTheContentHashLengthAreChecked() {
        assertThrows(NullPointerException.class, () -> new EventLeaf(null, "e", 0, null, null, null, null, null, null, null, null));
        assertThrows(NullPointerException.class, () -> new EventLeaf("K", null, 0, null, null, null, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new EventLeaf("", "e", 0, null, null, null, null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new EventLeaf("K", "e", 0, null, null, null, null, null, null, null, new byte[31]));
    }

    @Test
    void theLeafKeepsItsOwnCopyOfTheContentHash() {
        byte[] content = CONTENT.clone();
        EventLeaf mine = new EventLeaf("K", "e", 0, null, null, null, null, null, null, null, content);
        byte[] before = LeafEncoding.encode(mine);
        content[0] ^= 1;
        mine.contentSha256()[1] ^= 1;

        assertArrayEquals(before, LeafEncoding.encode(mine));
    }

    private static void assertAllDifferent(List<byte[]> encodings, String what) {
        for (int i = 0; i < encodings.size(); i++) {
            for (int j = i + 1; j < encodings.size(); j++) {
                assertFalse(Arrays.equals(encodings.get(i), encodings.get(j)), what + ": encodings " + i + " and " + j + " coincide");
            }
        }
    }

    /** The text fields in encoding order: kind, eventId, sourceId, sourceEventId, agentId, action, target, result, region. */
    private static final int TEXT_FIELDS = 9;

    private static EventLeaf withText(EventLeaf l, int field, String value) {
        String[] t = {l.kind(), l.eventId(), l.sourceId(), l.sourceEventId(), l.agentId(), l.action(), l.target(), l.result(), l.region()};
        t[field] = value;
        return new EventLeaf(t[0], t[1], l.occurredAtEpochMillis(), t[2], t[3], t[4], t[5], t[6], t[7], t[8], l.contentSha256());
    }
}
