package io.trailkeeper.integrity.control;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one byte layout everything the log hashes or signs is written in: a version byte, a type tag,
 * then fields in a fixed order. Strings and byte strings are a 4-byte big-endian signed length and the
 * bytes, with length -1 for null; numbers are 8-byte big-endian. Because every field either has a
 * fixed width or says its own length, the fields can be read back one way only, which is what makes
 * the encoding injective: two different values never produce the same bytes.
 */
final class CanonicalBytes {

    static final byte VERSION = 0x01;
    static final int NULL_LENGTH = -1;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    CanonicalBytes(byte typeTag) {
        out.write(VERSION);
        out.write(typeTag);
    }

    CanonicalBytes string(String field, String value) {
        return bytes(value == null ? null : utf8(field, value));
    }

    CanonicalBytes bytes(byte[] value) {
        if (value == null) {
            bigEndian(NULL_LENGTH, Integer.BYTES);
        } else {
            bigEndian(value.length, Integer.BYTES);
            out.writeBytes(value);
        }
        return this;
    }

    CanonicalBytes int64(long value) {
        return bigEndian(value, Long.BYTES);
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private CanonicalBytes bigEndian(long value, int width) {
        byte[] bytes = new byte[width];
        for (int i = width - 1; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        out.writeBytes(bytes); // one call: each write(int) of the stream takes its lock
        return this;
    }

    /**
     * Strict UTF-8: String.getBytes would silently turn an unpaired surrogate into '?', so two
     * different strings would encode alike. Refusing them keeps the encoding injective.
     */
    private static byte[] utf8(String field, String value) {
        if (!hasSurrogate(value)) {
            return value.getBytes(StandardCharsets.UTF_8); // nothing it could replace: the same bytes, without an encoder per call
        }
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(value));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(field + " is not well-formed Unicode (it has an unpaired surrogate)");
        }
    }

    private static boolean hasSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isSurrogate(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Reads the layout back, refusing anything that is not exactly one canonical value. */
    static final class Reader {

        private final ByteBuffer in;

        Reader(byte[] encoded, byte expectedTag, String what) {
            if (encoded == null || encoded.length < 2) {
                throw new IllegalArgumentException("not an encoded " + what + ": too short");
            }
            if (encoded[0] != VERSION) {
                throw new IllegalArgumentException("not an encoded " + what + " of version " + VERSION + ": version " + encoded[0]);
            }
            if (encoded[1] != expectedTag) {
                throw new IllegalArgumentException("not an encoded " + what + ": type tag " + encoded[1]);
            }
            this.in = ByteBuffer.wrap(encoded, 2, encoded.length - 2);
        }

        String string(String field) {
            byte[] bytes = bytes(field);
            if (bytes == null) {
                return null;
            }
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException(field + " is not UTF-8");
            }
        }

        String requiredString(String field) {
            String value = string(field);
            if (value == null) {
                throw new IllegalArgumentException(field + " is required but encoded as null");
            }
            return value;
        }

        byte[] bytes(String field) {
            int length = need(Integer.BYTES, field).getInt();
            if (length == NULL_LENGTH) {
                return null;
            }
            if (length < 0) {
                throw new IllegalArgumentException(field + " has the invalid length " + length);
            }
            byte[] bytes = new byte[length];
            need(length, field).get(bytes);
            return bytes;
        }

        long int64(String field) {
            return need(Long.BYTES, field).getLong();
        }

        void end(String what) {
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("not an encoded " + what + ": " + in.remaining() + " bytes after its last field");
            }
        }

        private ByteBuffer need(int length, String field) {
            if (in.remaining() < length) {
                throw new IllegalArgumentException(field + " is cut short");
            }
            return in;
        }
    }
}
