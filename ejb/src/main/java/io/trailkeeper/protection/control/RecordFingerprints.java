package io.trailkeeper.protection.control;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tells records apart without revealing them: HMAC-SHA256 of a record's bytes under a key derived
 * from the master key. A quarantined line is often short and holds personal data (an e-mail address,
 * a name); an unkeyed hash of it could be confirmed by hashing guesses, the keyed one cannot without
 * the master key (GDPR Art. 32(1)(a); Art. 4(5) pseudonymisation). Its own purpose key, so a
 * fingerprint never equals a subject pseudonym of the same bytes.
 */
public final class RecordFingerprints {

    static final String PURPOSE = "trailkeeper/quarantine-fingerprints/v1";

    private final byte[] key;

    public RecordFingerprints(MasterKey master) {
        this.key = master.derive(PURPOSE);
    }

    /** The fingerprint of the bytes: 32 bytes, the same for the same bytes under the same master key. */
    public byte[] of(byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }
}
