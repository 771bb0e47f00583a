package io.trailkeeper.jobs.ingest;

import java.io.Serializable;

/**
 * Where to continue reading a JSON-lines file: the checkpoint a batch step stores so that a
 * restarted job neither skips nor repeats lines.
 *
 * @param nextLineNumber the 1-based number the next line will get
 * @param byteOffset the file offset of the next line's first byte
 */
public record LinePosition(long nextLineNumber, long byteOffset) implements Serializable {

    private static final long serialVersionUID = 1L;

    public LinePosition {
        // Also guards deserialization, which for records goes through this constructor, so a
        // corrupted checkpoint is refused instead of silently reading from a wrong place.
        if (nextLineNumber < 1) {
            throw new IllegalArgumentException("nextLineNumber must be 1 or more, was " + nextLineNumber);
        }
        if (byteOffset < 0) {
            throw new IllegalArgumentException("byteOffset must not be negative, was " + byteOffset);
        }
    }

    /** @return the position of the first line of a file */
    public static LinePosition start() {
        return new LinePosition(1, 0);
    }
}
