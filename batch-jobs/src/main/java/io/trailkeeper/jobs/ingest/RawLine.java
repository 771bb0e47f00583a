package io.trailkeeper.jobs.ingest;

import java.util.Arrays;
import java.util.Objects;

/**
 * One line of a JSON-lines file as found on disk.
 *
 * @param lineNumber 1-based number of the line in the file, for reports that point a person at it
 * @param byteOffset offset of the line's first byte in the file
 * @param bytes the line without its terminator, cut to the reader's limit when longer
 * @param originalLength the line's real length in bytes without terminator (saturating at
 *     {@link Integer#MAX_VALUE})
 */
public record RawLine(long lineNumber, long byteOffset, byte[] bytes, int originalLength) {

    public RawLine {
        Objects.requireNonNull(bytes, "bytes");
        if (lineNumber < 1) {
            throw new IllegalArgumentException("lineNumber must be 1 or more, was " + lineNumber);
        }
        if (byteOffset < 0) {
            throw new IllegalArgumentException("byteOffset must not be negative, was " + byteOffset);
        }
        if (originalLength < bytes.length) {
            throw new IllegalArgumentException("originalLength " + originalLength
                    + " is less than the " + bytes.length + " bytes held");
        }
    }

    /** @return whether the line was longer than the reader's limit and {@link #bytes()} holds only its start */
    public boolean truncated() {
        return bytes.length < originalLength;
    }

    // Records compare arrays by identity; lines are values, so compare their content.
    @Override
    public boolean equals(Object other) {
        return other instanceof RawLine that
                && lineNumber == that.lineNumber
                && byteOffset == that.byteOffset
                && originalLength == that.originalLength
                && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lineNumber, byteOffset, originalLength, Arrays.hashCode(bytes));
    }

    /** Describes the line without its content, which may hold personal data and must not reach logs. */
    @Override
    public String toString() {
        return "RawLine[lineNumber=" + lineNumber + ", byteOffset=" + byteOffset
                + ", length=" + bytes.length + ", originalLength=" + originalLength + "]";
    }
}
