package io.trailkeeper.integrity.control;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * Seals checkpoints with Ed25519 (RFC 8032, in the JDK since 15): deterministic signatures, small
 * keys, and no parameters to get wrong. The signature covers {@link CheckpointBody#encode()}, whose
 * version byte and type tag keep it from ever being valid for anything else the log encodes.
 * Checkpoints are chained by {@link #checkpointHash}, so removing or reordering one breaks the chain.
 */
public final class CheckpointSignature {

    private static final String ALGORITHM = "Ed25519";
    /** RFC 8032 §5.1.6: an Ed25519 signature is R (32 bytes) and S (32 bytes). */
    public static final int SIGNATURE_BYTES = 64;

    private CheckpointSignature() {
    }

    /** A new key pair, e.g. for a development installation or for tests. */
    public static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw unavailable(e);
        }
    }

    /** The 64-byte Ed25519 signature of the body's canonical bytes. */
    public static byte[] sign(PrivateKey key, CheckpointBody body) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(body, "body");
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(body.encode());
            return signer.sign();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("the checkpoint signing key is not an Ed25519 private key");
        } catch (SignatureException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        } catch (NoSuchAlgorithmException e) {
            throw unavailable(e);
        }
    }

    /** Whether the signature is the key's signature of exactly this body; false for a malformed signature. */
    public static boolean verify(PublicKey key, CheckpointBody body, byte[] signature) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(body, "body");
        // The JDK 17 verifier reads S from all bytes after R, so S with trailing zero bytes still
        // verifies. Such a variant would chain to a different checkpoint hash: only 64 bytes are a signature.
        if (signature == null || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(body.encode());
            return verifier.verify(signature);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("the checkpoint verification key is not an Ed25519 public key");
        } catch (SignatureException e) {
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw unavailable(e);
        }
    }

    /**
     * SHA-256(encode(body) || signature): what the next checkpoint names as its predecessor. The body
     * encoding ends where its own fields say it ends, so the concatenation splits one way only.
     */
    public static byte[] checkpointHash(CheckpointBody body, byte[] signature) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(signature, "signature");
        return MerkleHashes.sha256(body.encode(), signature);
    }

    /**
     * The signing key from configuration: Base64 of its PKCS#8 DER encoding, with or without PEM
     * armour. Errors say what is wrong, never what the text was.
     */
    public static PrivateKey privateKeyFromBase64(String base64) {
        byte[] der = der(base64, "private", "PKCS#8");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (InvalidKeySpecException | RuntimeException e) {
            // Whatever the DER parser trips over, the text stays out of the message and the cause chain.
            throw new InvalidKeyText("the checkpoint private key is not a PKCS#8-encoded Ed25519 private key");
        } catch (NoSuchAlgorithmException e) {
            throw unavailable(e);
        }
    }

    /** The verification key: Base64 of its X.509 SubjectPublicKeyInfo DER encoding, with or without PEM armour. */
    public static PublicKey publicKeyFromBase64(String base64) {
        byte[] der = der(base64, "public", "X.509 SubjectPublicKeyInfo");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (InvalidKeySpecException | RuntimeException e) {
            // Whatever the DER parser trips over, the text stays out of the message and the cause chain.
            throw new InvalidKeyText("the checkpoint public key is not an X.509-encoded Ed25519 public key");
        } catch (NoSuchAlgorithmException e) {
            throw unavailable(e);
        }
    }

    private static byte[] der(String base64, String which, String format) {
        if (base64 == null || base64.isBlank()) {
            throw new InvalidKeyText("the checkpoint " + which + " key is missing");
        }
        // PEM armour lines are dropped, then all whitespace (keys pasted into configuration wrap).
        String body = base64.replaceAll("-----(BEGIN|END) [A-Z0-9 ]+-----", "").replaceAll("\\s+", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            // The JDK's message quotes the offending character; it must not reach a log.
            throw new InvalidKeyText("the checkpoint " + which + " key is not valid Base64 (of its " + format + " DER encoding)");
        }
    }

    private static IllegalStateException unavailable(GeneralSecurityException e) {
        return new IllegalStateException("Ed25519 is not available in this Java runtime", e);
    }

    /** Key text from configuration that is not a usable key; the message never contains the text. */
    public static final class InvalidKeyText extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public InvalidKeyText(String message) {
            super(message);
        }
    }
}
