package io.trailkeeper.ingest.control;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Derives an event id from the line itself for sources that give none. The id must be the same
 * every time the same file is read, so that a restarted or repeated import does not duplicate
 * events; surrounding whitespace and a byte order mark are ignored because editors and exporters
 * add and remove them without changing the event.
 */
final class LineDigest {

    private LineDigest() {
    }

    /** @return {@code "sha256:"} followed by the lowercase hex SHA-256 of the trimmed line */
    static String of(byte[] line) {
        int from = ByteOrderMark.length(line);
        int to = line.length;
        while (from < to && AsciiWhitespace.is(line[from])) {
            from++;
        }
        while (to > from && AsciiWhitespace.is(line[to - 1])) {
            to--;
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
        sha256.update(line, from, to - from);
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }
}
