package io.trailkeeper.trail.entity;

import java.util.Objects;
import java.util.UUID;

/**
 * An event's content as stored: the bytes, how to read them, and which data key sealed them (null
 * for plain content).
 */
public record StoredContent(byte[] bytes, ContentEncoding encoding, UUID keyId) {

    public StoredContent {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(encoding, "encoding");
        if (encoding != ContentEncoding.PLAIN_JSON && keyId == null) {
            throw new IllegalArgumentException("encrypted content needs the id of its data key");
        }
    }

    @Override
    public String toString() {
        return "StoredContent[" + encoding + ", " + bytes.length + " bytes, key " + keyId + "]";
    }
}
