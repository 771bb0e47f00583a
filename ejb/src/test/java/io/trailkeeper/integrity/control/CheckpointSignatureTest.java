package io.trailkeeper.integrity.control;

import static io.trailkeeper.integrity.control.Rfc6962ReferenceTree.HEX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CheckpointSignatureTest {

    private static final KeyPair KEYS = CheckpointSignature.newKeyPair();

    private final byte[] root = Rfc6962ReferenceTree.root(8);
    private final CheckpointBody first = new CheckpointBody(8, root, 1_700_000_000_000L, null);

    /** Golden vectors from an independent Python (struct.pack) implementation of the layout. */
    @Test
    void theBodyLayoutIsTheDocumentedOne() {
        byte[] counting = new byte[32];
        for (int i = 0; i < 32; i++) {
            counting[i] = (byte) i;
        }
        byte[] previous = new byte[32];
        Arrays.fill(previous, (byte) 0xAA);

        assertEquals("0143000000000000000800000020000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
                + "0000018bcfe5687b00000020aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                HEX.formatHex(new CheckpointBody(8, counting, 1_700_000_000_123L, previous).encode()));
        assertEquals("0143000000000000000000000020e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855ffffffffffffffffffffffff",
                HEX.formatHex(new CheckpointBody(0, MerkleHashes.emptyTreeHash(), -1, null).encode()));
    }

    @Test
    void aSealedCheckpointVerifiesWithThePublicKey() {
        byte[] signature = CheckpointSignature.sign(KEYS.getPrivate(), first);

        assertEquals(64, signature.length);
        assertTrue(CheckpointSignature.verify(KEYS.getPublic(), first, signature));
    }

    @Test
    void signaturesAreDeterministic() {
        // RFC 8032 Ed25519: the same key and body always give the same signature, so re-sealing is reproducible.
        assertArrayEquals(CheckpointSignature.sign(KEYS.getPrivate(), first), CheckpointSignature.sign(KEYS.getPrivate(), first));
    }

    @Test
    void aChangeToAnyFieldOfTheBodyBreaksTheSignature() {
        byte[] signature = CheckpointSignature.sign(KEYS.getPrivate(), first);

        for (CheckpointBody changed : variantsOf(first)) {
            assertFalse(CheckpointSignature.verify(KEYS.getPublic(), changed, signature), changed.toString());
        }
    }

    @Test
    void aChangedSignatureIsRejected() {
        byte[] signature = CheckpointSignature.sign(KEYS.getPrivate(), first);
        for (int bit = 0; bit < signature.length * 8; bit++) {
            byte[] tampered = signature.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(CheckpointSignature.verify(KEYS.getPublic(), first, tampered), "bit " + bit);
        }
        assertFalse(CheckpointSignature.verify(KEYS.getPublic(), first, Arrays.copyOf(signature, 63)));
        // Trailing zero bytes leave S's value unchanged; the JDK 17 verifier alone would accept them.
        assertFalse(CheckpointSignature.verify(KEYS.getPublic(), first, Arrays.copyOf(signature, 65)));
        assertFalse(CheckpointSignature.verify(KEYS.getPublic(), first, Arrays.copyOf(signature, 96)));
        assertFalse(CheckpointSignature.verify(KEYS.getPublic(), first, new byte[0]));
        assertFalse(CheckpointSignature.verify(KEYS.getPublic(), first, null));
    }

    @Test
    void anotherKeysSignatureIsRejected() {
        byte[] signature = CheckpointSignature.sign(CheckpointSignature.newKeyPair().getPrivate(), first);

        assertFalse(CheckpointSignature.verify(KEYS.getPublic(), first, signature));
    }

    @Test
    void theChainHashChangesWhenAnythingChanges() {
        byte[] signature = CheckpointSignature.sign(KEYS.getPrivate(), first);
        Set<String> hashes = new HashSet<>();
        hashes.add(HEX.formatHex(CheckpointSignature.checkpointHash(first, signature)));
        for (CheckpointBody changed : variantsOf(first)) {
            assertTrue(hashes.add(HEX.formatHex(CheckpointSignature.checkpointHash(changed, signature))), changed.toString());
        }
        for (int bit = 0; bit < 512; bit += 37) {
            byte[] tampered = signature.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertTrue(hashes.add(HEX.formatHex(CheckpointSignature.checkpointHash(first, tampered))), "signature bit " + bit);
        }
    }

    @Test
    void theChainHashIsSha256OfBodyAndSignature() {
        byte[] signature = CheckpointSignature.sign(KEYS.getPrivate(), first);

        assertArrayEquals(MerkleHashes.sha256(first.encode(), signature), CheckpointSignature.checkpointHash(first, signature));
    }

    @Test
    void aChainOfCheckpointsLinksEachToItsPredecessor() {
        byte[] firstSignature = CheckpointSignature.sign(KEYS.getPrivate(), first);
        CheckpointBody second = new CheckpointBody(13, Rfc6962ReferenceTree.syntheticLeaf(13), 1_700_000_600_000L,
                CheckpointSignature.checkpointHash(first, firstSignature));
        byte[] secondSignature = CheckpointSignature.sign(KEYS.getPrivate(), second);

        assertTrue(CheckpointSignature.verify(KEYS.getPublic(), second, secondSignature));
        assertArrayEquals(CheckpointSignature.checkpointHash(first, firstSignature), second.previousCheckpointHash());
        // A replaced first checkpoint (even validly signed) no longer links.
        CheckpointBody forgedFirst = new CheckpointBody(8, Rfc6962ReferenceTree.syntheticLeaf(8), first.sealedAtEpochMillis(), null);
        byte[] forgedHash = CheckpointSignature.checkpointHash(forgedFirst, CheckpointSignature.sign(KEYS.getPrivate(), forgedFirst));
        assertFalse(Arrays.equals(forgedHash, second.previousCheckpointHash()));
    }

    @Test
    void bodiesReadBackExactly() {
        for (CheckpointBody body : variantsOf(first)) {
            assertEquals(body, CheckpointBody.decode(body.encode()));
        }
        byte[] encoded = first.encode();
        assertThrows(IllegalArgumentException.class, () -> CheckpointBody.decode(Arrays.copyOf(encoded, encoded.length + 1)));
        for (byte leafTag : new byte[] {LeafEncoding.EVENT_TAG, LeafEncoding.DELETION_TAG}) {
            byte[] leafTagged = encoded.clone();
            leafTagged[1] = leafTag;
            assertThrows(IllegalArgumentException.class, () -> CheckpointBody.decode(leafTagged));
        }
    }

    @Test
    void bodiesWithImpossibleValuesCannotBeMade() {
        assertThrows(IllegalArgumentException.class, () -> new CheckpointBody(-1, root, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointBody(1, new byte[31], 0, null));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointBody(1, null, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointBody(1, root, 0, new byte[0]));
    }

    @Test
    void keysFromConfigurationTextAreUsable() {
        String privateText = Base64.getEncoder().encodeToString(KEYS.getPrivate().getEncoded());
        String publicText = Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
        PrivateKey privateKey = CheckpointSignature.privateKeyFromBase64(privateText);
        PublicKey publicKey = CheckpointSignature.publicKeyFromBase64(publicText);

        assertTrue(CheckpointSignature.verify(publicKey, first, CheckpointSignature.sign(privateKey, first)));
        assertTrue(CheckpointSignature.verify(KEYS.getPublic(), first, CheckpointSignature.sign(privateKey, first)));
    }

    @Test
    void pemArmourAndLineBreaksAreAccepted() {
        String body = Base64.getMimeEncoder(16, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded());
        String pem = "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";

        assertEquals(KEYS.getPublic(), CheckpointSignature.publicKeyFromBase64(pem));
    }

    @Test
    void badKeyTextGivesAClearErrorThatNeverContainsTheText() throws Exception {
        String ed25519Private = Base64.getEncoder().encodeToString(KEYS.getPrivate().getEncoded());
        String ed25519Public = Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair rsaKeys = rsa.generateKeyPair();
        KeyPair ed448Keys = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
        String notBase64 = "MC4CAQAwBQYDK2VwBCIEI" + "!secret-ish-material!";

        List<String> badPrivate = List.of(notBase64, ed25519Public,
                Base64.getEncoder().encodeToString(rsaKeys.getPrivate().getEncoded()),
                Base64.getEncoder().encodeToString(ed448Keys.getPrivate().getEncoded()),
                Base64.getEncoder().encodeToString("not a key at all, but valid base64".getBytes()));
        List<String> badPublic = List.of(notBase64, ed25519Private,
                Base64.getEncoder().encodeToString(rsaKeys.getPublic().getEncoded()),
                Base64.getEncoder().encodeToString(ed448Keys.getPublic().getEncoded()));

        for (String text : badPrivate) {
            assertRefusedWithoutEcho(text, CheckpointSignature::privateKeyFromBase64, "private");
        }
        for (String text : badPublic) {
            assertRefusedWithoutEcho(text, CheckpointSignature::publicKeyFromBase64, "public");
        }
        for (String blank : new String[] {null, "", "  \n"}) {
            CheckpointSignature.InvalidKeyText missing = assertThrows(CheckpointSignature.InvalidKeyText.class,
                    () -> CheckpointSignature.privateKeyFromBase64(blank));
            assertTrue(missing.getMessage().contains("missing"), missing.getMessage());
        }
    }

    private static void assertRefusedWithoutEcho(String text, Function<String, ?> parse, String which) {
        CheckpointSignature.InvalidKeyText error = assertThrows(CheckpointSignature.InvalidKeyText.class, () -> parse.apply(text));
        String message = error.getMessage();
        assertTrue(message.contains("checkpoint " + which + " key"), message);
        assertNull(error.getCause(), "a cause could carry the text");
        assertEquals(0, error.getSuppressed().length);
        for (int start = 0; start + 8 <= text.length(); start++) {
            String piece = text.substring(start, start + 8);
            assertFalse(message.contains(piece), "the message echoes part of the key text: " + message);
        }
        assertFalse(message.contains("!"), "the message quotes the offending character: " + message);
    }

    @Test
    void aKeyOfAnotherAlgorithmIsRefusedForSigningAndVerifying() throws Exception {
        KeyPair ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();

        assertThrows(IllegalArgumentException.class, () -> CheckpointSignature.sign(ed448.getPrivate(), first));
        assertThrows(IllegalArgumentException.class, () -> CheckpointSignature.verify(ed448.getPublic(), first, new byte[64]));
    }

    /** The body with each field changed in turn, including previous hash absent vs present. */
    private static List<CheckpointBody> variantsOf(CheckpointBody body) {
        byte[] someHash = Rfc6962ReferenceTree.syntheticLeaf(1);
        List<CheckpointBody> variants = new ArrayList<>();
        variants.add(new CheckpointBody(body.treeSize() + 1, body.rootHash(), body.sealedAtEpochMillis(), body.previousCheckpointHash()));
        variants.add(new CheckpointBody(body.treeSize(), Rfc6962ReferenceTree.flip(body.rootHash(), 255), body.sealedAtEpochMillis(),
                body.previousCheckpointHash()));
        variants.add(new CheckpointBody(body.treeSize(), body.rootHash(), body.sealedAtEpochMillis() + 1, body.previousCheckpointHash()));
        variants.add(new CheckpointBody(body.treeSize(), body.rootHash(), body.sealedAtEpochMillis(),
                body.previousCheckpointHash() == null ? someHash : null));
        variants.add(new CheckpointBody(body.treeSize(), body.rootHash(), body.sealedAtEpochMillis(), MerkleHashes.emptyTreeHash()));
        return variants;
    }
}
