package io.trailkeeper.ingest.format.agentaction.control;

import io.trailkeeper.ingest.format.json.control.AsciiWhitespace;
import io.trailkeeper.ingest.format.json.control.ByteOrderMark;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives an event id from the line itself for sources that give none. The id must be the same
 * every time the same file is read, so that a restarted or repeated import does not duplicate
 * events; surrounding whitespace and a byte order mark are ignored because editors and exporters
 * add and remove them without changing the event.
 *
 * <p>The id is stored in clear and the line holds the subject's identifier and often prompts, while
 * most other fields of the line are stored in clear beside it. An unkeyed hash would let anyone who
 * reads the database confirm a guessed subject by hashing candidate lines, undoing the keyed
 * pseudonym of the subject; so ids are an HMAC under a key derived from the master key (GDPR Art.
 * 4(5) pseudonymisation, Art. 32(1)(a)). {@link #UNKEYED} remains for sources that already hold
 * such ids from before: changing their scheme would store every re-imported line a second time.
 * Thread-safe.
 */
public final class LineDigest {

    /** The scheme of sources created before keyed ids: {@code "sha256:"} and the SHA-256 of the line. */
    public static final LineDigest UNKEYED = new LineDigest(null);

    private static final String KEYED_PREFIX = "hmac-sha256:";
    private static final String UNKEYED_PREFIX = "sha256:";

    /** Initialised with the key; cloned per line, which spares the provider look-up and key set-up. */
    private final Mac keyed;

    private LineDigest(Mac keyed) {
        this.keyed = keyed;
    }

    /** @param key the purpose key for line event ids, 32 bytes; copied */
    public static LineDigest keyed(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("a line id key has 32 bytes");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Arrays.copyOf(key, key.length), "HmacSHA256"));
            return new LineDigest(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    /** @return whether ids are keyed, i.e. reveal nothing of the line without the master key */
    public boolean isKeyed() {
        return keyed != null;
    }

    /**
     * @return {@code "hmac-sha256:"} and the lowercase hex HMAC of the trimmed line, or for
     *     {@link #UNKEYED} {@code "sha256:"} and its SHA-256
     */
    public String of(byte[] line) {
        int from = ByteOrderMark.length(line);
        int to = line.length;
        while (from < to && AsciiWhitespace.is(line[from])) {
            from++;
        }
        while (to > from && AsciiWhitespace.is(line[to - 1])) {
            to--;
        }
        if (keyed == null) {
            MessageDigest sha256;
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime must provide SHA-256", e);
            }
            sha256.update(line, from, to - from);
            return UNKEYED_PREFIX + HexFormat.of().formatHex(sha256.digest());
        }
        Mac mac = mac();
        mac.update(line, from, to - from);
        return KEYED_PREFIX + HexFormat.of().formatHex(mac.doFinal());
    }

    private Mac mac() {
        try {
            return (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            // Every MAC of the JDK's providers can be cloned; a provider whose MACs cannot is not supported.
            throw new IllegalStateException("the HMAC-SHA256 provider cannot clone an initialised MAC", e);
        }
    }
}
