package io.trailkeeper.ingest.format.json.control;

/**
 * Recognizes a UTF-8 byte order mark at the start of a line. Some Windows exporters write one;
 * the file reader drops it at the start of a file, but lines of concatenated files can still
 * carry one, and it must neither break JSON parsing nor change a line's content hash.
 */
public final class ByteOrderMark {

    private ByteOrderMark() {
    }

    /** @return 3 when {@code line} starts with a UTF-8 byte order mark, else 0 */
    public static int length(byte[] line) {
        return line.length >= 3
                && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF ? 3 : 0;
    }
}
