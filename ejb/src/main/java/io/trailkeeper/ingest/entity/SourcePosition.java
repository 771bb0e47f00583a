package io.trailkeeper.ingest.entity;

/** Where in a source a record was read: 1-based line number and the byte offset of its first byte. */
public record SourcePosition(long lineNumber, long byteOffset) {

    public SourcePosition {
        if (lineNumber < 1 || byteOffset < 0) {
            throw new IllegalArgumentException("line numbers start at 1 and offsets at 0");
        }
    }
}
