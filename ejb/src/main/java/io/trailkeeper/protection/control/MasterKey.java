package io.trailkeeper.protection.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit key everything else is derived from or wrapped by. Never logged; {@link #toString()}
 * only says where it came from. Purpose keys are derived with HKDF-SHA256 (RFC 5869), so the key
 * that wraps data keys is never the key that makes pseudonyms.
 */
public final class MasterKey {

    public static final int LENGTH = 32;

    private final byte[] key;
    private final String origin;
    private final boolean development;

    private MasterKey(byte[] key, String origin, boolean development) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("the master key must be " + LENGTH + " bytes (256 bits), not " + key.length);
        }
        this.key = key.clone();
        this.origin = Objects.requireNonNull(origin, "origin");
        this.development = development;
    }

    /** A production key given as Base64 text (e.g. from a Payara password alias). */
    public static MasterKey fromBase64(String base64, String origin) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the master key from " + origin + " is not valid Base64");
        }
        return new MasterKey(decoded, origin, false);
    }

    /** A key generated for a developer's embedded installation; unfit for production. */
    public static MasterKey development(byte[] key, String origin) {
        return new MasterKey(key, origin, true);
    }

    public boolean development() {
        return development;
    }

    /** A 256-bit key for one purpose, e.g. "trailkeeper/pseudonyms/v1". */
    public byte[] derive(String purpose) {
        try {
            // RFC 5869: extract with an all-zero salt, then expand one block with the purpose as info.
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
            byte[] prk = mac.doFinal(key);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 1);
            byte[] okm = mac.doFinal();
            Arrays.fill(prk, (byte) 0);
            return okm;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[" + (development ? "DEVELOPMENT key, " : "") + "from " + origin + "]";
    }
}
