package io.trailkeeper.platform.control;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary {@code COPY} format (PostgreSQL documentation, "COPY", section "Binary
 * Format"): per row a 16-bit field count, then per field a 32-bit length (-1 for NULL) and the value
 * in the type's binary send/receive representation. Bulk writes use it because the database then
 * neither parses text nor decodes hex for the sealed content; every column constraint (NOT NULL,
 * {@code VARCHAR(n)}, foreign and unique keys) is still checked by the server as for an INSERT.
 *
 * <p>A growing byte buffer, not thread-safe: each thread encodes its own rows and one thread writes
 * the buffers to the copy stream in turn.
 */
public final class BinaryCopyRows {

    /** The fixed signature, flags field (no OIDs) and header extension length (none). */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
            0, 0, 0, 0,
            0, 0, 0, 0};
    private static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};

    /** PostgreSQL counts time from 2000-01-01T00:00:00Z in microseconds. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    private byte[] buffer;
    private int length;

    public BinaryCopyRows(int initialCapacity) {
        this.buffer = new byte[Math.max(64, initialCapacity)];
    }

    public static byte[] header() {
        return HEADER.clone();
    }

    public static byte[] trailer() {
        return TRAILER.clone();
    }

    public BinaryCopyRows row(int fields) {
        ensure(2);
        putShort(fields);
        return this;
    }

    public BinaryCopyRows nul() {
        ensure(4);
        putInt(-1);
        return this;
    }

    public BinaryCopyRows uuid(UUID value) {
        if (value == null) {
            return nul();
        }
        ensure(20);
        putInt(16);
        putLong(value.getMostSignificantBits());
        putLong(value.getLeastSignificantBits());
        return this;
    }

    /** A {@code timestamp with time zone}; the column's precision rounds it as for any other write. */
    public BinaryCopyRows timestamptz(Instant value) {
        if (value == null) {
            return nul();
        }
        long micros = Math.addExact(Math.multiplyExact(value.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L),
                value.getNano() / 1_000);
        return int8(micros);
    }

    public BinaryCopyRows int8(Long value) {
        if (value == null) {
            return nul();
        }
        return int8(value.longValue());
    }

    public BinaryCopyRows int8(long value) {
        ensure(12);
        putInt(8);
        putLong(value);
        return this;
    }

    public BinaryCopyRows int4(int value) {
        ensure(8);
        putInt(4);
        putInt(value);
        return this;
    }

    public BinaryCopyRows bool(Boolean value) {
        if (value == null) {
            return nul();
        }
        ensure(5);
        putInt(1);
        buffer[length++] = (byte) (value ? 1 : 0);
        return this;
    }

    public BinaryCopyRows bytea(byte[] value) {
        if (value == null) {
            return nul();
        }
        ensure(4 + value.length);
        putInt(value.length);
        System.arraycopy(value, 0, buffer, length, value.length);
        length += value.length;
        return this;
    }

    /**
     * A text value as UTF-8, written straight into the buffer. Refuses what the database could not
     * store faithfully: an unpaired surrogate (no UTF-8 for it) and U+0000 (text columns cannot hold it).
     */
    public BinaryCopyRows text(String value) {
        if (value == null) {
            return nul();
        }
        int n = value.length();
        ensure(4 + 3 * n);
        int lengthAt = length;
        length += 4;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (c == 0) {
                    throw new IllegalArgumentException("text holds U+0000 at index " + i);
                }
                buffer[length++] = (byte) c;
            } else if (c < 0x800) {
                buffer[length++] = (byte) (0xC0 | c >> 6);
                buffer[length++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    throw new IllegalArgumentException("text holds an unpaired surrogate at index " + i);
                }
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                buffer[length++] = (byte) (0xF0 | codePoint >> 18);
                buffer[length++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                buffer[length++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                buffer[length++] = (byte) (0x80 | codePoint & 0x3F);
            } else {
                buffer[length++] = (byte) (0xE0 | c >> 12);
                buffer[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                buffer[length++] = (byte) (0x80 | c & 0x3F);
            }
        }
        int written = length - lengthAt - 4;
        buffer[lengthAt] = (byte) (written >>> 24);
        buffer[lengthAt + 1] = (byte) (written >>> 16);
        buffer[lengthAt + 2] = (byte) (written >>> 8);
        buffer[lengthAt + 3] = (byte) written;
        return this;
    }

    /** The encoded rows; valid until the next write. */
    public byte[] array() {
        return buffer;
    }

    public int length() {
        return length;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, length);
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    private void putShort(int value) {
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void putInt(int value) {
        buffer[length++] = (byte) (value >>> 24);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }
}
