package io.trailkeeper.protection.control;

import io.trailkeeper.protection.entity.SubjectPseudonym;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a data subject's identifier into a pseudonym: HMAC-SHA256 under a key derived from the
 * master key. The same identifier always gives the same pseudonym, so a subject's events can be found
 * (GDPR Art. 15 access, Art. 17 erasure), but without the key the identifier cannot be recovered or
 * confirmed by guessing (GDPR Art. 4(5) pseudonymisation; Art. 32(1)(a)).
 */
public final class Pseudonyms {

    static final String PURPOSE = "trailkeeper/subject-pseudonyms/v1";
    private static final String PREFIX = SubjectPseudonym.PREFIX;

    private final byte[] key;
    /**
     * A MAC initialised with the key, cloned for each pseudonym: an import pseudonymises every subject
     * of every chunk, and looking the algorithm up and initialising it each time cost more than the HMAC.
     */
    private final Mac keyed;

    public Pseudonyms(MasterKey master) {
        this.key = master.derive(PURPOSE);
        this.keyed = newMac();
    }

    /** The pseudonym of an identifier; identifiers are compared as given, after trimming. */
    public String of(String subjectIdentifier) {
        if (subjectIdentifier == null || subjectIdentifier.isBlank()) {
            throw new IllegalArgumentException("a subject identifier is needed");
        }
        byte[] digest = mac().doFinal(subjectIdentifier.trim().getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private Mac mac() {
        try {
            return (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            return newMac(); // a provider whose MACs cannot be cloned
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    public static boolean isPseudonym(String value) {
        return SubjectPseudonym.wellFormed(value);
    }
}
