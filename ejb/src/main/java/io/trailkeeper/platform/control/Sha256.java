package io.trailkeeper.platform.control;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The SHA-256 of some bytes: content fingerprints in the log, identities of quarantined records. */
public final class Sha256 {

    private Sha256() {
    }

    public static byte[] of(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
