package io.trailkeeper.jobs.ingest;

import java.util.Arrays;
import java.util.Objects;

/**
 * One element of the {@code data} array of a Langfuse observations page, as the API sent it.
 *
 * @param index 0-based position in the page
 * @param id the observation's id when the element is an object with one, else null; used only to
 *     recognise the page again after a restart
 * @param byteOffset where the element starts in the page body, in bytes
 * @param bytes the element's exact JSON text in UTF-8, cut to the reader's limit when longer
 * @param originalLength the element's real length in bytes
 */
public record ObservationEntry(int index, String id, long byteOffset, byte[] bytes, int originalLength) {

    public ObservationEntry {
        Objects.requireNonNull(bytes, "bytes");
        if (index < 0 || byteOffset < 0 || originalLength < bytes.length) {
            throw new IllegalArgumentException("inconsistent observation entry");
        }
    }

    /** @return whether the element was longer than the reader's limit and {@link #bytes()} holds only its start */
    public boolean truncated() {
        return bytes.length < originalLength;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ObservationEntry that && index == that.index && byteOffset == that.byteOffset
                && originalLength == that.originalLength && Objects.equals(id, that.id) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, id, byteOffset, originalLength, Arrays.hashCode(bytes));
    }

    /** Names the element, never its content, which holds prompts and personal data. */
    @Override
    public String toString() {
        return "ObservationEntry[index=" + index + ", byteOffset=" + byteOffset + ", length=" + originalLength + "]";
    }
}
